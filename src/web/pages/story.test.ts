import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../test/support/make-article.js';
import type { StoryDetail } from '../../stories/story-view.js';
import { serverLinks } from '../links.js';
import { markChanges, renderStoryPage } from './story.js';

describe('markChanges', () => {
  it('wraps removed text in <del> and inserted text in <ins>, escaping everything', () => {
    expect(markChanges('北向资金净流入达30亿元', [{ at: 7, from: '达30', to: '超40' }]).value).toBe('北向资金净流入<del>达30</del><ins>超40</ins>亿元');
    expect(markChanges('a<b>c', [{ at: 1, from: '<b>', to: '' }, { at: 5, from: '', to: '&' }]).value).toBe('a<del>&lt;b&gt;</del>c<ins>&amp;</ins>');
    expect(markChanges('𠮷野家', [{ at: 1, from: '野', to: '吉' }]).value).toBe('𠮷<del>野</del><ins>吉</ins>家');
  });
});

describe('renderStoryPage', () => {
  const rep = makeArticle({ id: 'a:1', html: '<p onclick="x()">甲段</p><script>alert(1)</script>', text: '甲段', url: 'javascript:alert(1)' });
  const detail: StoryDetail = {
    id: 'st-1',
    title: '标题<script>',
    firstSeen: '2021-12-20T20:21:15+08:00',
    lastSeen: '2021-12-20T20:21:15+08:00',
    articleIds: ['a:1'],
    outlets: ['testoutlet'],
    representativeId: 'a:1',
    related: [],
    attribution: ['测试日报', '测试财经'],
    chain: [
      { name: '测试日报', outletKey: null, publishedAt: null, from: [] },
      { name: '测试财经', outletKey: 'testoutlet', publishedAt: null, from: ['测试日报'] },
    ],
    versions: [{ articleId: 'a:1', outlet: '测试财经', outletKey: 'testoutlet', title: 't', publishedAt: null, url: null, representative: true, lacks: [], adds: [], changed: [], relaid: [] }],
  };

  it('sanitises the representative again, escapes the title and drops javascript: links', () => {
    const page = renderStoryPage({ detail, representative: rep, related: [] }, serverLinks());
    expect(page).toContain('<h1>标题&lt;script&gt;</h1>');
    expect(page).toContain('<article class="body representative-text"><p>甲段</p></article>');
    expect(page).not.toMatch(/<script|onclick|javascript:/);
    expect(page).toContain('<ol class="chain"><li><span class="chain-name">测试日报</span></li><li><span class="chain-name"><a href="/outlet/testoutlet">测试财经</a></span></li></ol>');
  });
});
