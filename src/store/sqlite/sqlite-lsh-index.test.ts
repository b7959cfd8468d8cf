import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryLshIndex } from '../../stories/lsh.js';
import { migrate, SqliteStore } from './sqlite-store.js';
import { keyHash, SqliteLshIndex } from './sqlite-lsh-index.js';

function open(): { store: SqliteStore; index: SqliteLshIndex } {
  const store = new SqliteStore(':memory:');
  return { store, index: store.stories().index };
}

describe('SqliteLshIndex', () => {
  it('returns the ids recorded under any of the keys, never others', async () => {
    const { store, index } = open();
    index.add('a', ['b0:01', 'p:aa', 'x:1']);
    index.add('b', ['b0:01', 'b1:02']);
    index.add('c', ['b1:03']);
    expect(index.candidates(['b0:01'])).toEqual(new Set(['a', 'b']));
    expect(index.candidates(['p:aa', 'b1:03'])).toEqual(new Set(['a', 'c']));
    expect(index.candidates(['b9:ff'])).toEqual(new Set());
    expect(index.candidates([])).toEqual(new Set());
    await store.close();
  });

  it('ignores a pair added twice and duplicate keys in one call', async () => {
    const { store, index } = open();
    index.add('a', ['k', 'k']);
    index.add('a', ['k']);
    expect([...index.candidates(['k'])]).toEqual(['a']);
    await store.close();
  });

  it('keeps the newest maxPerKey ids under a key, exactly like the in-memory index', async () => {
    const db = new Database(':memory:');
    migrate(db);
    const sqlite = new SqliteLshIndex(db, { maxPerKey: 3 });
    const memory = new MemoryLshIndex({ maxPerKey: 3 });
    const adds: [string, string[]][] = [['a', ['hot', 'x']], ['b', ['hot']], ['a', ['hot']], ['c', ['hot', 'y']], ['d', ['hot']], ['e', ['x']]];
    for (const [id, keys] of adds) {
      sqlite.add(id, keys);
      memory.add(id, keys);
    }
    for (const key of ['hot', 'x', 'y']) expect(sqlite.candidates([key])).toEqual(memory.candidates([key]));
    expect(sqlite.candidates(['hot'])).toEqual(new Set(['b', 'c', 'd']));
    db.close();
  });

  it('matches the in-memory index on a random stream with re-adds of evicted ids', () => {
    const db = new Database(':memory:');
    migrate(db);
    const sqlite = new SqliteLshIndex(db, { maxPerKey: 4 });
    const memory = new MemoryLshIndex({ maxPerKey: 4 });
    let seed = 7;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return Math.floor((seed / 2 ** 32) * n);
    };
    const keys = Array.from({ length: 12 }, (_, k) => `b${k % 3}:${k}`);
    for (let step = 0; step < 600; step++) {
      const id = `a${rand(40)}`;
      const ks = Array.from({ length: 1 + rand(4) }, () => keys[rand(keys.length)] ?? 'k');
      sqlite.add(id, ks);
      memory.add(id, ks);
      const probe = [keys[rand(keys.length)] ?? 'k', keys[rand(keys.length)] ?? 'k'];
      expect(sqlite.candidates(probe)).toEqual(memory.candidates(probe));
    }
    for (const key of keys) expect(sqlite.candidates([key])).toEqual(memory.candidates([key]));
    db.close();
  });

  it('trims a key to a lowered maxPerKey on its next add', () => {
    const db = new Database(':memory:');
    migrate(db);
    const wide = new SqliteLshIndex(db, { maxPerKey: 5 });
    for (const id of ['a', 'b', 'c', 'd', 'e']) wide.add(id, ['hot']);
    const narrow = new SqliteLshIndex(db, { maxPerKey: 2 });
    narrow.add('f', ['hot']);
    expect(narrow.candidates(['hot'])).toEqual(new Set(['e', 'f']));
    db.close();
  });

  it('hashes keys to distinct signed 64-bit integers', () => {
    const hashes = new Set(Array.from({ length: 10_000 }, (_, i) => keyHash(`b${i % 42}:${i.toString(16)}`)));
    expect(hashes.size).toBe(10_000);
    for (const h of hashes) {
      const v = BigInt(h);
      expect(v > -(2n ** 63n) && v < 2n ** 63n).toBe(true);
    }
    expect(keyHash('x:0a1b')).toBe(keyHash('x:0a1b'));
  });

  it('persists across connections and forgets everything on clear', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caixun-lsh-'));
    const first = new SqliteStore(join(dir, 'x.db'));
    first.stories().index.add('a', ['k']);
    await first.close();
    const store = new SqliteStore(join(dir, 'x.db'));
    const index = store.stories().index;
    expect(index.candidates(['k'])).toEqual(new Set(['a']));
    index.clear();
    expect(index.candidates(['k'])).toEqual(new Set());
    index.add('b', ['k']);
    expect(index.candidates(['k'])).toEqual(new Set(['b']));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
