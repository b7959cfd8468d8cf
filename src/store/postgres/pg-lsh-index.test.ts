import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { seededInts } from '../../../test/support/shuffle.js';
import { freshPgDatabase } from '../../../test/support/postgres.js';
import { MemoryLshIndex, textKey } from '../../stories/lsh.js';
import { bytesToKeys, keysToBytes } from '../key-blob.js';
import { PgLshIndex } from './pg-lsh-index.js';
import { PgStorySession } from './pg-story-repository.js';
import { PgStore } from './pg-store.js';

/** Index keys of named test keys. */
const k = (...names: string[]): number[] => names.map(textKey);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A migrated database and a function that opens another index (another worker) on it. */
async function database(): Promise<{ url: string; index: (maxPerKey?: number) => Promise<PgLshIndex>; pool: pg.Pool }> {
  const url = await freshPgDatabase();
  const store = await PgStore.open(url);
  cleanups.push(() => store.close());
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  cleanups.push(() => pool.end());
  return {
    url,
    pool,
    index: async (maxPerKey) => {
      const index = new PgLshIndex(new PgStorySession(pool), maxPerKey === undefined ? {} : { maxPerKey, loadBatch: 3 });
      await index.refresh();
      return index;
    },
  };
}

describe('PgLshIndex', () => {
  it('round-trips keys as little-endian uint32 bytes', () => {
    const keys = new Uint32Array([0, 1, 0xdeadbeef, 0xffffffff]);
    const bytes = keysToBytes(keys);
    expect(bytes.toString('hex')).toBe('0000000001000000efbeaddeffffffff');
    expect(Array.from(bytesToKeys(bytes))).toEqual(Array.from(keys));
  });

  it('refuses to answer before it is loaded, with the reason', async () => {
    const { pool } = await database();
    const index = new PgLshIndex(new PgStorySession(pool));
    expect(() => index.candidates(k('a'))).toThrow(/not loaded \(take lockClustering\(\) first\)/);
    expect(index.loaded).toBe(false);
  });

  it('returns the ids recorded under any of the keys, and persists them on flush', async () => {
    const db = await database();
    const index = await db.index();
    index.add('a', k('b0:01', 'p:aa', 'x:1'));
    index.add('b', k('b0:01', 'b1:02'));
    index.add('c', k('b1:03'));
    index.add('a', k('k', 'k'));
    expect(index.candidates(k('b0:01'))).toEqual(new Set(['a', 'b']));
    expect(index.candidates(k('p:aa', 'b1:03'))).toEqual(new Set(['a', 'c']));
    expect(index.candidates(k('b9:ff'))).toEqual(new Set());
    // Another worker sees nothing until the rows are written.
    const other = await db.index();
    expect(other.candidates(k('b0:01'))).toEqual(new Set());
    await index.flush();
    const { rows } = await db.pool.query<{ n: string; article_id: string }>('SELECT n, article_id FROM story_key_sets ORDER BY n');
    expect(rows.map((r) => r.article_id)).toEqual(['a', 'b', 'c', 'a']);
    await other.refresh();
    for (const probe of [k('b0:01'), k('p:aa', 'b1:03'), k('k'), k('x:1', 'b1:02')]) {
      expect(other.candidates(probe)).toEqual(index.candidates(probe));
    }
  });

  it('matches the in-memory index on a random stream, live and after incremental or full reloads', async () => {
    const db = await database();
    const index = await db.index(4);
    const follower = await db.index(4);
    const memory = new MemoryLshIndex({ maxPerKey: 4 });
    const rand = seededInts(7);
    const keys = Array.from({ length: 12 }, (_, i) => `b${i % 3}:${i}`);
    for (let step = 0; step < 300; step++) {
      const id = `a${rand(40)}`;
      const ks = Array.from({ length: 1 + rand(4) }, () => keys[rand(keys.length)] ?? 'k');
      index.add(id, k(...ks));
      memory.add(id, k(...ks));
      const probe = [keys[rand(keys.length)] ?? 'k', keys[rand(keys.length)] ?? 'k'];
      expect(index.candidates(k(...probe))).toEqual(memory.candidates(k(...probe)));
      if (step % 37 === 0) {
        await index.flush();
        // Appends what the writer added since, in the writer's order.
        await follower.refresh();
        for (const key of keys) expect(follower.candidates(k(key))).toEqual(memory.candidates(k(key)));
      }
    }
    await index.flush();
    await follower.refresh();
    const reloaded = await db.index(4);
    for (const key of keys) {
      expect(follower.candidates(k(key))).toEqual(memory.candidates(k(key)));
      expect(reloaded.candidates(k(key))).toEqual(memory.candidates(k(key)));
    }
  });

  it('removes an article from every key, in memory at once and in the table on flush; others reload', async () => {
    const db = await database();
    const index = await db.index();
    index.add('a', k('shared', 'only-a'));
    index.add('b', k('shared'));
    index.add('c', k('shared', 'only-c'));
    await index.flush();
    const other = await db.index();
    index.remove('b');
    index.remove('a');
    index.remove('nobody');
    expect(index.candidates(k('shared', 'only-a', 'only-c'))).toEqual(new Set(['c']));
    await index.flush();
    expect(index.candidates(k('shared', 'only-a', 'only-c'))).toEqual(new Set(['c']));
    const kept = await db.pool.query<{ article_id: string }>('SELECT article_id FROM story_key_sets');
    expect(kept.rows.map((r) => r.article_id)).toEqual(['c']);
    const log = await db.pool.query<{ n: string; article_id: string }>('SELECT n, article_id FROM story_key_removals ORDER BY seq');
    expect(log.rows.map((r) => [Number(r.n), r.article_id])).toEqual([[1, 'a'], [2, 'b']]);
    // The other worker still holds a and b until it refreshes, then replays the removals.
    expect(other.candidates(k('shared'))).toEqual(new Set(['a', 'b', 'c']));
    await other.refresh();
    expect(other.candidates(k('shared', 'only-a'))).toEqual(new Set(['c']));
    // Re-adding a removed article gives it a new row.
    index.add('a', k('only-a'));
    await index.flush();
    await other.refresh();
    expect(other.candidates(k('shared', 'only-a'))).toEqual(new Set(['a', 'c']));
  });

  it('reloads a worker that fell behind the pruned removal log', async () => {
    const url = await freshPgDatabase();
    const store = await PgStore.open(url);
    cleanups.push(() => store.close());
    const session = new PgStorySession(store.pool);
    const writer = new PgLshIndex(session, { removalRetentionMs: 0 });
    const follower = new PgLshIndex(new PgStorySession(store.pool));
    await writer.refresh();
    writer.add('a', k('x'));
    writer.add('b', k('x'));
    await writer.flush();
    await follower.refresh();
    writer.remove('a');
    await writer.flush();
    // A later flush prunes the first removal before the follower replayed it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    writer.add('c', k('x'));
    writer.remove('c');
    await writer.flush();
    const state = await store.pool.query<{ pruned_through: number; log: number }>(
      'SELECT pruned_through, (SELECT count(*)::int FROM story_key_removals) AS log FROM story_index_state',
    );
    expect(state.rows[0]?.pruned_through).toBeGreaterThanOrEqual(4);
    await follower.refresh();
    expect(follower.candidates(k('x'))).toEqual(new Set(['b']));
  });

  it('wipes every row and tells other workers to reload', async () => {
    const db = await database();
    const index = await db.index();
    index.add('a', k('x'));
    await index.flush();
    const other = await db.index();
    await index.wipe();
    expect(index.candidates(k('x'))).toEqual(new Set());
    index.add('b', k('x'));
    await index.flush();
    await other.refresh();
    expect(other.candidates(k('x'))).toEqual(new Set(['b']));
  });

  it('forgets unwritten rows on invalidate and reads the table again', async () => {
    const db = await database();
    const index = await db.index();
    index.add('a', k('x'));
    await index.flush();
    index.add('b', k('x'));
    index.invalidate();
    expect(index.loaded).toBe(false);
    await index.refresh();
    expect(index.candidates(k('x'))).toEqual(new Set(['a']));
    await index.flush();
    expect((await db.pool.query('SELECT count(*)::int AS n FROM story_key_sets')).rows[0]).toEqual({ n: 1 });
  });
});
