import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../../test/corpus.js';
import { makeArticle } from '../../../test/support/make-article.js';
import { freshPgDatabase } from '../../../test/support/postgres.js';
import { importPaths } from '../../ingest/import-job.js';
import { clusterPending, reclusterAll } from '../../stories/cluster-store.js';
import { textKey } from '../../stories/lsh.js';
import type { Article } from '../../model/article.js';
import type { StoryState } from '../../stories/story-state.js';
import type { Store } from '../store.js';
import { SqliteStore } from '../sqlite/sqlite-store.js';
import { PgStore } from './pg-store.js';
import { PgStoryTables } from './pg-story-tables.js';

const CORPUS = ['jekyll', 'hexo'].map((f) => join(corpusDir, f));

const opened: PgStore[] = [];
async function open(url: string): Promise<PgStore> {
  const store = await PgStore.open(url);
  opened.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** Every story of a store, newest first, as the clusterer left it. */
async function allStories(store: Store): Promise<StoryState[]> {
  return store.stories().listStories(100_000);
}

/** The member sets of the stories, sorted: the partition of the articles. */
function partition(stories: readonly StoryState[]): string[][] {
  return stories.map((s) => s.members.map((m) => m.id).sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

describe('PgStoryTables on the corpus', () => {
  let dir: string;
  let sqliteStories: StoryState[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caixun-pg-stories-'));
    const sqlite = new SqliteStore(join(dir, 'ref.db'));
    await importPaths(CORPUS, sqlite, { workers: 0, fetchedAt: '2026-11-30T00:00:00.000Z' });
    await clusterPending(sqlite, { workers: 0 });
    sqliteStories = await allStories(sqlite);
    await sqlite.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('clusters into exactly the stories SQLite makes, state for state', async () => {
    const store = await open(await freshPgDatabase());
    await importPaths(CORPUS, store, { workers: 0, fetchedAt: '2026-11-30T00:00:00.000Z' });
    const counts = await clusterPending(store, { workers: 0 });
    expect(counts).toMatchObject({ clustered: 82, stories: sqliteStories.length });
    expect(await allStories(store)).toEqual(sqliteStories);
    expect(await store.stories().countMembers()).toBe(82);
    expect(await store.stories().countPending()).toBe(0);
    // A full recluster gives the same stories again.
    await reclusterAll(store, { workers: 0 });
    expect(await allStories(store)).toEqual(sqliteStories);
  });

  it('sees what another worker clustered when it takes the lock: a reprint joins that story', async () => {
    const url = await freshPgDatabase();
    const mine = await open(url);
    const other = await open(url);
    // This worker loads its (empty) index first, then the other one clusters the corpus.
    await (await mine.stories().lockClustering())();
    await importPaths(CORPUS, other, { workers: 0, fetchedAt: '2026-11-30T00:00:00.000Z' });
    await clusterPending(other, { workers: 0 });
    const target = sqliteStories.find((s) => s.members.length === 1)!;
    const original = (await mine.getArticle(target.members[0]!.id))!;
    const reprint = { ...original, id: 'reprinter:1', outletKey: 'reprinter', outlet: '转载网' };
    await mine.upsertArticles([reprint]);
    const counts = await clusterPending(mine, { workers: 0 });
    expect(counts).toMatchObject({ stories: sqliteStories.length });
    // Same publication time, and 'reprinter:1' sorts first: it now starts the story.
    const joined = await mine.stories().repository.storyOf(original.id);
    expect((await mine.stories().getStory(joined!))?.members.map((m) => m.id)).toEqual(['reprinter:1', original.id]);
    const expected = sqliteStories.map((s) => (s.id === target.id ? [...s.members.map((m) => m.id), 'reprinter:1'] : s.members.map((m) => m.id)));
    expect(partition(await allStories(mine))).toEqual(partition(sqliteStories.map((s, i) => ({ ...s, members: expected[i]!.map((id) => ({ ...s.members[0]!, id })) }))));
  });

  it('re-opens the stories an article stored late could change: the stories are those of clustering in order', async () => {
    const store = await open(await freshPgDatabase());
    await importPaths(CORPUS, store, { workers: 0, fetchedAt: '2026-11-30T00:00:00.000Z' });
    // The older half arrives after the newer half was clustered (as when another worker was slower).
    const { rows } = await store.pool.query<{ id: string }>('SELECT id FROM articles ORDER BY sort_ts, id COLLATE "C"');
    const older = rows.slice(0, rows.length / 2).map((r) => r.id);
    const held: Article[] = [];
    for (const id of older) held.push((await store.getArticle(id))!);
    await store.pool.query('DELETE FROM articles WHERE id = ANY($1::text[])', [older]);
    await clusterPending(store, { workers: 0 });
    expect(await store.stories().countMembers()).toBe(rows.length - older.length);
    await store.upsertArticles(held);
    const late = new PgStoryTables(store.pool, { rewindLimit: 0 });
    // Over the limit: nothing is re-opened, only the late articles are pending.
    await (await late.lockClustering())();
    expect(await late.countPending()).toBe(older.length);
    const release = await store.stories().lockClustering();
    const pending = await store.stories().countPending();
    await release();
    expect(pending).toBeGreaterThan(older.length);
    await clusterPending(store, { workers: 0 });
    expect(await allStories(store)).toEqual(sqliteStories);
  });

  it('dissolves a story: members pending, keys and links gone, other workers replay the removals', async () => {
    const url = await freshPgDatabase();
    const store = await open(url);
    const watcher = await open(url);
    await importPaths(CORPUS, store, { workers: 0, fetchedAt: '2026-11-30T00:00:00.000Z' });
    await clusterPending(store, { workers: 0 });
    const tables = store.stories();
    const big = [...sqliteStories].sort((a, b) => b.members.length - a.members.length || (a.id < b.id ? -1 : 1))[0]!;
    const memberIds = big.members.map((m) => m.id);
    const linked = sqliteStories.filter((s) => s.relatedIds.includes(big.id)).map((s) => s.id);
    const release = await watcher.stories().lockClustering();
    const keysBefore = watcher.stories().index.size;
    await release();
    expect(await tables.dissolveStoriesOf([memberIds[0]!])).toBe(memberIds.length);
    expect(await tables.getStory(big.id)).toBeUndefined();
    expect(await tables.countPending()).toBe(memberIds.length);
    for (const id of linked) expect((await tables.getStory(id))?.relatedIds).not.toContain(big.id);
    const { rows } = await store.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM story_key_sets WHERE article_id = ANY($1::text[])',
      [memberIds],
    );
    expect(rows[0]?.n).toBe(0);
    // Clustering again restores the same stories; the watcher reloads after the removal.
    await clusterPending(store, { workers: 0 });
    expect(await allStories(store)).toEqual(sqliteStories);
    const again = await watcher.stories().lockClustering();
    expect(watcher.stories().index.size).toBe(keysBefore);
    await again();
  });
});

describe('PgStoryTables', () => {
  it('rolls a failed transaction back and drops what the index added in it', async () => {
    const store = await open(await freshPgDatabase());
    const tables = store.stories();
    const release = await tables.lockClustering();
    try {
      await tables.transaction(async () => tables.index.add('kept', [textKey('x')]));
      await expect(
        tables.transaction(async () => {
          tables.index.add('lost', [textKey('x')]);
          await tables.repository.assign('lost', 'st-lost');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(tables.index.candidates([textKey('x')])).toEqual(new Set(['kept']));
      expect(await tables.repository.storyOf('lost')).toBeUndefined();
    } finally {
      await release();
    }
    const { rows } = await store.pool.query<{ article_id: string }>('SELECT article_id FROM story_key_sets');
    expect(rows).toEqual([{ article_id: 'kept' }]);
  });

  it('lets one worker cluster at a time: the second waits for the first to release', async () => {
    const url = await freshPgDatabase();
    const a = (await open(url)).stories();
    const b = (await open(url)).stories();
    const events: string[] = [];
    const releaseA = await a.lockClustering();
    const lockedB = b.lockClustering().then((release) => {
      events.push('b locked');
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    events.push('a releases');
    await releaseA();
    const releaseB = await lockedB;
    await releaseB();
    await releaseB();
    expect(events).toEqual(['a releases', 'b locked']);
  });

  it('queues a second lock request of the same handle behind the first', async () => {
    const tables = (await open(await freshPgDatabase())).stories();
    const events: string[] = [];
    const first = await tables.lockClustering();
    const second = tables.lockClustering().then((release) => {
      events.push('second locked');
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    events.push('first releases');
    await first();
    await (await second)();
    expect(events).toEqual(['first releases', 'second locked']);
  });

  it('lists pending articles and stories in SQLite order: ids bytewise, undated stories last', async () => {
    const store = await open(await freshPgDatabase());
    const at = '2021-12-20T20:21:15+08:00';
    await store.upsertArticles(['t:b', 't:B', 't:a', 't:A'].map((id) => makeArticle({ id, publishedAt: at })));
    const tables = store.stories();
    expect((await tables.pendingAfter(null, 10)).map((r) => r.id)).toEqual(['t:A', 't:B', 't:a', 't:b']);
    const page = await tables.pendingAfter({ ts: Date.parse(at) / 1000, id: 't:B' }, 10);
    expect(page.map((r) => [r.id, r.sort_ts])).toEqual([['t:a', Date.parse(at) / 1000], ['t:b', Date.parse(at) / 1000]]);
    const state = (id: string, first: string | null): StoryState => ({
      id,
      members: [],
      representativeId: '',
      representative: { signature: [], shingleCount: 0, length: 0, paragraphHashes: [], paragraphLengths: [], figures: [], bigrams: [] },
      firstSeen: first,
      lastSeen: first,
      relatedIds: [],
    });
    for (const s of [state('st-a', null), state('st-b', at), state('st-B', at), state('st-c', '2020-01-01T00:00:00Z')]) {
      await tables.repository.put(s);
    }
    expect((await tables.listStories(10)).map((s) => s.id)).toEqual(['st-b', 'st-B', 'st-c', 'st-a']);
    expect((await tables.listStories(2)).map((s) => s.id)).toEqual(['st-b', 'st-B']);
    expect(await tables.countStories()).toBe(4);
  });

  it('wipes stories, memberships and keys (on a pool of one connection)', async () => {
    const store = await open(`${await freshPgDatabase()}?pool=1`);
    await store.upsertArticles([makeArticle({ id: 't:1' })]);
    await clusterPending(store, { workers: 0 });
    const tables = store.stories();
    expect(await tables.countStories()).toBe(1);
    await tables.wipe();
    expect([await tables.countStories(), await tables.countMembers(), await tables.countPending()]).toEqual([0, 0, 1]);
    const { rows } = await store.pool.query<{ n: number; g: number }>(
      'SELECT (SELECT count(*)::int FROM story_key_sets) AS n, (SELECT generation::int FROM story_index_state) AS g',
    );
    expect(rows[0]).toEqual({ n: 0, g: 1 });
  });
});
