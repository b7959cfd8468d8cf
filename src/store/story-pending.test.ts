/**
 * The story queues (`story_pending`, `story_changed`: the 'story pending and changed queues'
 * step) on both backends. An archive built by the steps before it, holding unclustered and
 * changed articles, comes out of the step with the right queues and clusters to the same
 * stories as an archive that had the queues all along; and whatever writes the articles and
 * memberships (import, an edit, clustering, dissolving, a wipe, retention), the queues hold
 * what the anti-joins they replace would find (and, on PostgreSQL, the kept story count what
 * counting finds).
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, type BackendName, freshDbSpec } from '../../test/support/backends.js';
import { corpusDir } from '../../test/corpus.js';
import { importPaths } from '../ingest/import-job.js';
import type { Article } from '../model/article.js';
import { contentHashOf } from '../model/content-hash.js';
import { clusterPending, reclusterAll } from '../stories/cluster-store.js';
import { openStore } from './open-store.js';
import { pgMigrations } from './postgres/migrations.js';
import { storyPendingPgMigration } from './postgres/pg-story-queues.js';
import { migrations } from './sqlite/migrations.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { storyPendingMigration } from './sqlite/story-queues.js';
import type { Store } from './store.js';

let corpus: Article[];
beforeAll(async () => {
  const scratch = new SqliteStore(':memory:');
  await importPaths(['jekyll', 'hexo'].map((f) => `${corpusDir}/${f}`), scratch, { workers: 0 });
  corpus = [];
  for await (const a of scratch.iterateArticles()) corpus.push(a);
  await scratch.close();
}, 120_000);

/** Plain SQL on either backend. */
interface Raw {
  all(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function rawDb(backend: BackendName, spec: string): Promise<Raw> {
  if (backend === 'sqlite') {
    const db = new Database(spec);
    return {
      all: async (sql) => {
        const statement = db.prepare(sql);
        if (!statement.reader) {
          statement.run();
          return [];
        }
        return statement.all() as Record<string, unknown>[];
      },
      close: async () => void db.close(),
    };
  }
  const client = new pg.Client({ connectionString: spec });
  await client.connect();
  return { all: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[], close: () => client.end() };
}

const ids = (rows: Record<string, unknown>[]): string[] => rows.map((r) => String(r.id)).sort();

/** What the queues hold, and what the anti-joins they replace find. */
async function queues(raw: Raw): Promise<{ pending: string[]; expectedPending: string[]; changed: string[]; mismatched: string[] }> {
  return {
    pending: (await raw.all('SELECT article_id AS id, sort_ts FROM story_pending')).map((r) => `${String(r.id)}@${Number(r.sort_ts)}`).sort(),
    expectedPending: (
      await raw.all('SELECT id, sort_ts FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)')
    )
      .map((r) => `${String(r.id)}@${Number(r.sort_ts)}`)
      .sort(),
    changed: ids(await raw.all('SELECT article_id AS id FROM story_changed')),
    mismatched: ids(
      await raw.all(`SELECT m.article_id AS id FROM story_members m JOIN articles a ON a.id = m.article_id
        WHERE m.content_hash IS DISTINCT FROM a.content_hash`),
    ),
  };
}

/** The queues hold exactly the pending articles (with their sort_ts) and at least the changed ones. */
async function expectQueuesRight(store: Store, spec: string, backend: BackendName): Promise<void> {
  const raw = await rawDb(backend, spec);
  try {
    const q = await queues(raw);
    expect(q.pending).toEqual(q.expectedPending);
    expect(q.changed).toEqual(expect.arrayContaining(q.mismatched));
    expect(await store.stories().countPending()).toBe(q.expectedPending.length);
    expect((await store.stories().changedArticleIds()).sort()).toEqual(q.mismatched);
    expect(await store.stories().countStories()).toBe(Number((await raw.all('SELECT count(*) AS n FROM stories'))[0]?.n));
  } finally {
    await raw.close();
  }
}

/** An edit of `a`: a sentence added, and (when `moved`) published a day later. */
function edited(a: Article, moved = false): Article {
  const publishedAt = moved && a.publishedAt !== null ? new Date(Date.parse(a.publishedAt) + 86_400_000).toISOString() : a.publishedAt;
  const next = { ...a, text: `${a.text}\n\n（本文已更新）`, publishedAt };
  return { ...next, contentHash: contentHashOf(next) };
}

async function partition(store: Store): Promise<string[]> {
  return (await store.stories().listStories(10_000)).map((s) => `${s.id}: ${s.members.map((m) => m.id).sort().join(' ')}`).sort();
}

/** Undo the queue step: drop its tables and triggers and record the steps before it only. */
async function toOldSteps(backend: BackendName, spec: string): Promise<void> {
  const raw = await rawDb(backend, spec);
  try {
    if (backend === 'sqlite') {
      for (const r of await raw.all("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'story_queues_%'")) {
        await raw.all(`DROP TRIGGER ${String(r.name)}`);
      }
      await raw.all('DROP TABLE story_pending');
      await raw.all('DROP TABLE story_changed');
      await raw.all(`PRAGMA user_version = ${migrations.indexOf(storyPendingMigration)}`);
    } else {
      await raw.all(`DROP FUNCTION story_queues_on_article, story_queues_on_member, story_queues_on_truncate,
          story_count_on_insert, story_count_on_delete, story_count_on_truncate CASCADE;
        DROP TABLE story_pending, story_changed, story_count;
        DELETE FROM schema_migrations WHERE version > ${pgMigrations.indexOf(storyPendingPgMigration)}`);
    }
  } finally {
    await raw.close();
  }
}

describe.each(BACKENDS)('story queues on %s', (backend) => {
  const open: Store[] = [];
  afterAll(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  /**
   * Cluster three in four articles, then store the fourth (late arrivals among them) and edits
   * of four clustered ones (one moved a day on). `old`: then the queue step is undone (its
   * tables and triggers dropped, the steps before it recorded), which leaves the database the
   * old steps would have after the same writes, and the store is opened again (the step runs).
   */
  async function archive(old: boolean): Promise<{ store: Store; spec: string }> {
    const spec = await freshDbSpec(backend);
    let store = await openStore(spec);
    const first = corpus.filter((_, i) => i % 4 !== 1);
    await store.upsertArticles(first);
    await clusterPending(store, { workers: 0 });
    await store.upsertArticles(corpus.filter((_, i) => i % 4 === 1));
    await store.upsertArticles(first.filter((_, i) => i % 10 === 3).slice(0, 4).map((a, i) => edited(a, i === 0)));
    if (old) {
      await store.close();
      await toOldSteps(backend, spec);
      store = await openStore(spec);
    }
    open.push(store);
    return { store, spec };
  }

  it('a migrated archive holds the pending and changed articles and clusters as one that had the queues all along', async () => {
    expect(migrations.at(-1)).toBe(storyPendingMigration);
    const current = await archive(false);
    await expectQueuesRight(current.store, current.spec, backend);
    const old = await archive(true);
    await expectQueuesRight(old.store, old.spec, backend);
    const pending = await current.store.stories().countPending();
    expect(pending).toBeGreaterThan(10);
    expect(await old.store.stories().countPending()).toBe(pending);
    expect((await old.store.stories().changedArticleIds()).length).toBe(4);
    const a = await clusterPending(current.store, { workers: 0 });
    const b = await clusterPending(old.store, { workers: 0 });
    expect(b).toEqual(a);
    expect(a.clustered).toBeGreaterThan(pending);
    expect(await partition(old.store)).toEqual(await partition(current.store));
    await expectQueuesRight(old.store, old.spec, backend);
    expect(await old.store.stories().countPending()).toBe(0);
  });

  it('hold what the anti-joins find through imports, edits, clustering, dissolving, retention and a wipe', async () => {
    const spec = await freshDbSpec(backend);
    const store = await openStore(spec);
    open.push(store);
    const half = Math.floor(corpus.length / 2);
    const check = (): Promise<void> => expectQueuesRight(store, spec, backend);
    await store.upsertArticles(corpus.slice(0, half));
    await check();
    await clusterPending(store, { workers: 0 });
    expect(await store.stories().countPending()).toBe(0);
    await check();
    // Edits of clustered articles (one moved a day on) and of an article not clustered yet.
    await store.upsertArticles(corpus.slice(half));
    const edits = [corpus[1]!, corpus[5]!, corpus[9]!, corpus[half + 1]!];
    await store.upsertArticles(edits.map((a, i) => edited(a, i === 0)));
    await check();
    expect(await store.stories().changedArticleIds()).toEqual([corpus[1]!.id, corpus[5]!.id, corpus[9]!.id].sort());
    await clusterPending(store, { workers: 0 });
    await check();
    expect(await store.stories().changedArticleIds()).toEqual([]);
    const released = await store.stories().dissolveStoriesOf([corpus[3]!.id, corpus[half + 2]!.id]);
    expect(released).toBeGreaterThanOrEqual(2);
    await check();
    expect(await store.stories().countPending()).toBe(released);
    await store.retention().deleteArticles([corpus[3]!.id, corpus[7]!.id]);
    await check();
    await clusterPending(store, { workers: 0 });
    await check();
    await reclusterAll(store, { workers: 0 });
    await check();
    expect(await store.stories().countPending()).toBe(0);
    if (backend === 'postgres') {
      // `caixun migrate` empties a PostgreSQL archive with TRUNCATE, which fires no row trigger.
      const raw = await rawDb(backend, spec);
      await raw.all('TRUNCATE story_members');
      await check();
      await raw.all('TRUNCATE articles');
      await raw.all('TRUNCATE stories');
      await raw.close();
      await check();
      await store.upsertArticles(corpus.slice(0, 3));
      await check();
      expect(await store.stories().countPending()).toBeGreaterThan(0);
    }
  });
});
