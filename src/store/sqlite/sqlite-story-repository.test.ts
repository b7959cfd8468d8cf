import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../../test/support/make-article.js';
import { makeStory, storyHour } from '../../../test/support/make-story.js';
import { SqliteStore } from './sqlite-store.js';

const HOUR = 3_600_000;
const t = storyHour;
const story = makeStory;

describe('SqliteStoryRepository', () => {
  it('stores, replaces and removes JSON story state', async () => {
    const store = new SqliteStore(':memory:');
    const repo = store.stories().repository;
    const s = story('st-a', t(1), t(2));
    repo.put(s);
    expect(repo.get('st-a')).toEqual(s);
    repo.put({ ...s, relatedIds: ['st-b'] });
    expect(repo.get('st-a')?.relatedIds).toEqual(['st-b']);
    repo.remove('st-a');
    expect(repo.get('st-a')).toBeUndefined();
    await store.close();
  });

  it('finds the stories whose seen span overlaps a window, sorted by id, undated ones never', async () => {
    const store = new SqliteStore(':memory:');
    const repo = store.stories().repository;
    repo.put(story('st-long', t(0), t(20)));
    repo.put(story('st-early', t(1), t(2)));
    repo.put(story('st-late', t(30), t(31)));
    repo.put(story('st-undated', null, null));
    const at = (h: number): number => Date.parse(t(h));
    expect(repo.storiesSeenBetween(at(10), at(12)).map((s) => s.id)).toEqual(['st-long']);
    expect(repo.storiesSeenBetween(at(2), at(30)).map((s) => s.id)).toEqual(['st-early', 'st-late', 'st-long']);
    expect(repo.storiesSeenBetween(at(22), at(29)).map((s) => s.id)).toEqual([]);
    expect(repo.storiesSeenBetween(at(20) + HOUR, at(40)).map((s) => s.id)).toEqual(['st-late']);
    await store.close();
  });

  it('records memberships with the content hash at clustering time, keeping it when a merge re-assigns', async () => {
    const store = new SqliteStore(':memory:');
    const a = makeArticle({ id: 't:1' });
    await store.upsertArticles([a]);
    const tables = store.stories();
    tables.repository.assign('t:1', 'st-a');
    expect(tables.repository.storyOf('t:1')).toBe('st-a');
    expect(await tables.changedArticleIds()).toEqual([]);
    await store.upsertArticles([makeArticle({ id: 't:1', text: '某市二季度工业增加值同比增长6%。' })]);
    tables.repository.assign('t:1', 'st-b');
    expect(tables.repository.storyOf('t:1')).toBe('st-b');
    expect(await tables.changedArticleIds()).toEqual(['t:1']);
    tables.repository.unassign(['t:1']);
    expect(tables.repository.storyOf('t:1')).toBeUndefined();
    expect(await tables.countMembers()).toBe(0);
    await store.close();
  });
});
