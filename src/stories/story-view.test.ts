import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../test/support/make-article.js';
import type { StoryState } from './story-state.js';
import { buildStoryDetail, paragraphsOf, toStoryListEntry } from './story-view.js';

const member = (id: string, outletKey: string, publishedAt: string, length: number) => ({ id, outletKey, title: `标题${id}`, publishedAt, length });
const state: StoryState = {
  id: 'st-000000000001',
  members: [member('b', 'y', '2021-12-20T11:00:00+08:00', 30), member('a', 'x', '2021-12-20T10:00:00+08:00', 20), member('c', 'x', '2021-12-20T12:00:00+08:00', 10)],
  representativeId: 'b',
  representative: { signature: [], shingleCount: 0, length: 30, paragraphHashes: [], paragraphLengths: [], figures: [], bigrams: [] },
  firstSeen: '2021-12-20T10:00:00+08:00',
  lastSeen: '2021-12-20T12:00:00+08:00',
  relatedIds: ['st-2', 'st-1'],
};

describe('story view', () => {
  it('lists members in order of appearance, outlets once, related sorted', () => {
    expect(toStoryListEntry(state)).toEqual({
      id: 'st-000000000001',
      title: '标题b',
      firstSeen: '2021-12-20T10:00:00+08:00',
      articleIds: ['a', 'b', 'c'],
      outlets: ['x', 'y'],
      representativeId: 'b',
      related: ['st-1', 'st-2'],
    });
  });

  it('diffs every loaded version against the representative and skips missing ones', () => {
    const articles = new Map([
      ['b', makeArticle({ id: 'b', outletKey: 'y', text: '第一段。\n\n外资净流入超40亿元。\n\n第三段。' })],
      ['a', makeArticle({ id: 'a', outletKey: 'x', text: '第一段。\n\n外资净流入超30亿元。' })],
    ]);
    const d = buildStoryDetail(state, articles);
    expect(d.versions.map((v) => [v.articleId, v.representative])).toEqual([['a', false], ['b', true]]);
    expect(d.versions[0]).toMatchObject({ lacks: [{ index: 2, text: '第三段。' }], adds: [], changed: [{ repIndex: 1, versionIndex: 1, changes: [{ at: 6, from: '4', to: '3' }] }] });
    expect(d.lastSeen).toBe('2021-12-20T12:00:00+08:00');
    expect(paragraphsOf(' a \n \n\n b\n\n')).toEqual(['a', 'b']);
  });
});
