import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededInts } from '../../../test/support/shuffle.js';
import { MemoryLshIndex, textKey } from '../../stories/lsh.js';
import { migrate, SqliteStore } from './sqlite-store.js';
import { SqliteLshIndex } from './sqlite-lsh-index.js';

/** Index keys of named test keys. */
const k = (...names: string[]): number[] => names.map(textKey);

function open(): { store: SqliteStore; index: SqliteLshIndex } {
  const store = new SqliteStore(':memory:');
  return { store, index: store.stories().index };
}

describe('SqliteLshIndex', () => {
  it('returns the ids recorded under any of the keys, never others', async () => {
    const { store, index } = open();
    index.add('a', k('b0:01', 'p:aa', 'x:1'));
    index.add('b', k('b0:01', 'b1:02'));
    index.add('c', k('b1:03'));
    expect(index.candidates(k('b0:01'))).toEqual(new Set(['a', 'b']));
    expect(index.candidates(k('p:aa', 'b1:03'))).toEqual(new Set(['a', 'c']));
    expect(index.candidates(k('b9:ff'))).toEqual(new Set());
    expect(index.candidates(k())).toEqual(new Set());
    await store.close();
  });

  it('ignores a pair added twice and duplicate keys in one call', async () => {
    const { store, index } = open();
    index.add('a', k('k', 'k'));
    index.add('a', k('k'));
    expect([...index.candidates(k('k'))]).toEqual(['a']);
    await store.close();
  });

  it('keeps the newest maxPerKey ids under a key, exactly like the in-memory index', async () => {
    const db = new Database(':memory:');
    migrate(db);
    const sqlite = new SqliteLshIndex(db, { maxPerKey: 3 });
    const memory = new MemoryLshIndex({ maxPerKey: 3 });
    const adds: [string, string[]][] = [['a', ['hot', 'x']], ['b', ['hot']], ['a', ['hot']], ['c', ['hot', 'y']], ['d', ['hot']], ['e', ['x']]];
    for (const [id, keys] of adds) {
      sqlite.add(id, k(...keys));
      memory.add(id, k(...keys));
    }
    for (const key of ['hot', 'x', 'y']) expect(sqlite.candidates(k(key))).toEqual(memory.candidates(k(key)));
    expect(sqlite.candidates(k('hot'))).toEqual(new Set(['b', 'c', 'd']));
    db.close();
  });

  it('matches the in-memory index on a random stream with re-adds of evicted ids', () => {
    const db = new Database(':memory:');
    migrate(db);
    const sqlite = new SqliteLshIndex(db, { maxPerKey: 4 });
    const memory = new MemoryLshIndex({ maxPerKey: 4 });
    const rand = seededInts(7);
    const keys = Array.from({ length: 12 }, (_, k) => `b${k % 3}:${k}`);
    for (let step = 0; step < 600; step++) {
      const id = `a${rand(40)}`;
      const ks = Array.from({ length: 1 + rand(4) }, () => keys[rand(keys.length)] ?? 'k');
      sqlite.add(id, k(...ks));
      memory.add(id, k(...ks));
      const probe = [keys[rand(keys.length)] ?? 'k', keys[rand(keys.length)] ?? 'k'];
      expect(sqlite.candidates(k(...probe))).toEqual(memory.candidates(k(...probe)));
    }
    for (const key of keys) expect(sqlite.candidates(k(key))).toEqual(memory.candidates(k(key)));
    db.close();
  });

  it('trims a key to a lowered maxPerKey on its next add', () => {
    const db = new Database(':memory:');
    migrate(db);
    const wide = new SqliteLshIndex(db, { maxPerKey: 5 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) wide.add(id, k('hot'));
    const narrow = new SqliteLshIndex(db, { maxPerKey: 2 });
    narrow.add('f', k('hot'));
    expect(narrow.candidates(k('hot'))).toEqual(new Set(['e', 'f']));
    db.close();
  });

  it('persists across connections and forgets everything on clear', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caixun-lsh-'));
    const first = new SqliteStore(join(dir, 'x.db'));
    first.stories().index.add('a', k('k'));
    await first.close();
    const store = new SqliteStore(join(dir, 'x.db'));
    const index = store.stories().index;
    expect(index.candidates(k('k'))).toEqual(new Set(['a']));
    index.clear();
    expect(index.candidates(k('k'))).toEqual(new Set());
    index.add('b', k('k'));
    expect(index.candidates(k('k'))).toEqual(new Set(['b']));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  it('removes an article from every key it was recorded under, in memory and on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caixun-lsh-'));
    const first = new SqliteStore(join(dir, 'x.db'));
    const index = first.stories().index;
    index.add('a', k('shared', 'only-a'));
    index.add('b', k('shared'));
    index.add('c', k('shared', 'only-c'));
    index.remove('b');
    index.remove('a');
    index.remove('nobody');
    expect(index.candidates(k('shared', 'only-a', 'only-c'))).toEqual(new Set(['c']));
    await first.close();
    const again = new SqliteStore(join(dir, 'x.db'));
    expect(again.stories().index.candidates(k('shared', 'only-a'))).toEqual(new Set(['c']));
    again.stories().index.add('a', k('only-a'));
    expect(again.stories().index.candidates(k('shared', 'only-a'))).toEqual(new Set(['a', 'c']));
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reloads from the table to the same candidates the live index gave', () => {
    const db = new Database(':memory:');
    migrate(db);
    const live = new SqliteLshIndex(db, { maxPerKey: 3 });
    let seed = 11;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return Math.floor((seed / 2 ** 32) * n);
    };
    for (let step = 0; step < 300; step++) {
      live.add(`a${step}`, Array.from({ length: 1 + rand(5) }, () => rand(30)));
      if (rand(10) === 0) live.remove(`a${rand(step + 1)}`);
    }
    const reloaded = new SqliteLshIndex(db, { maxPerKey: 3 });
    for (let key = 0; key < 30; key++) expect(reloaded.candidates([key])).toEqual(live.candidates([key]));
    db.close();
  });

  it('forgets keys added in a transaction that rolled back', async () => {
    const store = new SqliteStore(':memory:');
    const tables = store.stories();
    tables.index.add('a', k('k'));
    await expect(
      tables.transaction(async () => {
        tables.index.add('b', k('k'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(tables.index.candidates(k('k'))).toEqual(new Set(['a']));
    await store.close();
  });
});
