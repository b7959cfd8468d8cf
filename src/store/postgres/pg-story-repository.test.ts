import { afterEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../../../test/support/make-article.js';
import { makeStory, storyHour } from '../../../test/support/make-story.js';
import { freshPgDatabase } from '../../../test/support/postgres.js';
import { PgStore } from './pg-store.js';

const HOUR = 3_600_000;
const t = storyHour;
const story = makeStory;

const opened: PgStore[] = [];
async function open(url?: string): Promise<PgStore> {
  const store = await PgStore.open(url ?? (await freshPgDatabase()));
  opened.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

describe('PgStoryRepository', () => {
  it('stores, replaces and removes JSON story state', async () => {
    const repo = (await open()).stories().repository;
    const s = story('st-a', t(1), t(2));
    await repo.put(s);
    expect(await repo.get('st-a')).toEqual(s);
    await repo.put({ ...s, relatedIds: ['st-b'] });
    expect((await repo.get('st-a'))?.relatedIds).toEqual(['st-b']);
    await repo.remove('st-a');
    expect(await repo.get('st-a')).toBeUndefined();
  });

  it('finds the stories whose seen span overlaps a window, sorted by id bytewise, undated ones never', async () => {
    const repo = (await open()).stories().repository;
    await repo.put(story('st-long', t(0), t(20)));
    await repo.put(story('st-early', t(1), t(2)));
    await repo.put(story('st-late', t(30), t(31)));
    await repo.put(story('st-Z', t(30), t(30)));
    await repo.put(story('st-undated', null, null));
    const at = (h: number): number => Date.parse(t(h));
    expect((await repo.storiesSeenBetween(at(10), at(12))).map((s) => s.id)).toEqual(['st-long']);
    expect((await repo.storiesSeenBetween(at(2), at(30))).map((s) => s.id)).toEqual(['st-Z', 'st-early', 'st-late', 'st-long']);
    expect((await repo.storiesSeenBetween(at(22), at(29))).map((s) => s.id)).toEqual([]);
    expect((await repo.storiesSeenBetween(at(20) + HOUR, at(40))).map((s) => s.id)).toEqual(['st-Z', 'st-late']);
  });

  it('sees a long story another worker stored once it re-reads the span bound', async () => {
    const url = await freshPgDatabase();
    const mine = (await open(url)).stories().repository;
    const other = (await open(url)).stories().repository;
    await mine.resetSpanBound();
    await other.put(story('st-long', t(0), t(20)));
    const at = (h: number): number => Date.parse(t(h));
    // The cached bound (0) hides a story that started before the window.
    expect((await mine.storiesSeenBetween(at(10), at(12))).map((s) => s.id)).toEqual([]);
    await mine.resetSpanBound();
    expect((await mine.storiesSeenBetween(at(10), at(12))).map((s) => s.id)).toEqual(['st-long']);
  });

  it('records memberships with the content hash at clustering time, keeping it when a merge re-assigns', async () => {
    const store = await open();
    await store.upsertArticles([makeArticle({ id: 't:1' })]);
    const tables = store.stories();
    await tables.repository.assign('t:1', 'st-a');
    expect(await tables.repository.storyOf('t:1')).toBe('st-a');
    expect(await tables.changedArticleIds()).toEqual([]);
    await store.upsertArticles([makeArticle({ id: 't:1', text: '某市二季度工业增加值同比增长6%。' })]);
    await tables.repository.assign('t:1', 'st-b');
    expect(await tables.repository.storyOf('t:1')).toBe('st-b');
    expect(await tables.changedArticleIds()).toEqual(['t:1']);
    expect(await tables.repository.storiesOfMany(['t:1', 'nobody'])).toEqual(new Map([['t:1', 'st-b']]));
    await tables.repository.unassign(['t:1']);
    expect(await tables.repository.storyOf('t:1')).toBeUndefined();
    expect(await tables.countMembers()).toBe(0);
  });
});

describe('PgStoryRepository in a clustering transaction', () => {
  it('keeps writes until COMMIT, and its own reads see them (window query included)', async () => {
    const url = await freshPgDatabase();
    const store = await open(url);
    const watcher = (await open(url)).stories();
    const tables = store.stories();
    const repo = tables.repository;
    await repo.put(story('st-old', t(0), t(1)));
    await repo.put(story('st-gone', t(0), t(1)));
    await repo.assign('x', 'st-gone');
    const at = (h: number): number => Date.parse(t(h));
    const release = await tables.lockClustering();
    try {
      await tables.transaction(async () => {
        await repo.put(story('st-new', t(2), t(3)));
        await repo.put(story('st-old', t(5), t(6)));
        await repo.remove('st-gone');
        await repo.assign('y', 'st-new');
        await repo.unassign(['x']);
        expect((await repo.get('st-old'))?.firstSeen).toBe(t(5));
        expect(await repo.get('st-gone')).toBeUndefined();
        expect([await repo.storyOf('y'), await repo.storyOf('x')]).toEqual(['st-new', undefined]);
        expect(await repo.storiesOfMany(['x', 'y'])).toEqual(new Map([['y', 'st-new']]));
        expect((await repo.storiesSeenBetween(at(0), at(2))).map((s) => s.id)).toEqual(['st-new']);
        expect((await repo.storiesSeenBetween(at(0), at(6))).map((s) => s.id)).toEqual(['st-new', 'st-old']);
        // Nothing is visible to others before COMMIT.
        expect((await watcher.getStory('st-old'))?.firstSeen).toBe(t(0));
        expect(await watcher.getStory('st-new')).toBeUndefined();
      });
    } finally {
      await release();
    }
    expect((await watcher.listStories(10)).map((s) => s.id)).toEqual(['st-old', 'st-new']);
    const { rows } = await store.pool.query<{ article_id: string; story_id: string }>('SELECT article_id, story_id FROM story_members');
    expect(rows).toEqual([{ article_id: 'y', story_id: 'st-new' }]);
  });
});
