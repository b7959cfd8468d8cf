import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryLshIndex } from '../../stories/lsh.js';
import { migrate, SqliteStore } from './sqlite-store.js';
import { SqliteLshIndex } from './sqlite-lsh-index.js';

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
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
