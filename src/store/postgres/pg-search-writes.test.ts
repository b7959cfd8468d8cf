/** Writing search documents in one statement: rowids per second, replacement, the gap path. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshPgDatabase } from '../../../test/support/postgres.js';
import { ROWIDS_PER_SECOND } from '../tables.js';
import { PgStore } from './pg-store.js';
import { writePuts, type PendingPut } from './pg-search-writes.js';

let store: PgStore;
beforeEach(async () => {
  store = await PgStore.open(await freshPgDatabase('writes'));
});
afterEach(() => store.close());

const put = (id: string, sortTs: number, tsv = `'${id}'`): PendingPut => ({ id, sortTs, hash: `h-${id}`, outlet: 'x', categories: '[]', tsv });

async function write(puts: PendingPut[]): Promise<void> {
  const client = await store.pool.connect();
  try {
    await writePuts(client, puts);
  } finally {
    client.release();
  }
}

async function docs(): Promise<[string, number, number, string][]> {
  const r = await store.pool.query<{ article_id: string; rowid: number; content_hash: string; tsv: string }>(
    'SELECT article_id, rowid, content_hash, tsv::text AS tsv FROM search_docs ORDER BY rowid',
  );
  return r.rows.map((d) => [d.article_id, Math.floor(d.rowid / ROWIDS_PER_SECOND), d.rowid % ROWIDS_PER_SECOND, d.tsv]);
}

describe('writePuts', () => {
  it('numbers each second from 0 in the order given, after what the second holds', async () => {
    await write([put('a', 100), put('b', 200), put('c', 100)]);
    await write([put('d', 100), put('e', 300)]);
    expect(await docs()).toEqual([
      ['a', 100, 0, "'a'"],
      ['c', 100, 1, "'c'"],
      ['d', 100, 2, "'d'"],
      ['b', 200, 0, "'b'"],
      ['e', 300, 0, "'e'"],
    ]);
  });

  it('replaces the rows the articles have, also when their second changed', async () => {
    await write([put('a', 100), put('b', 100)]);
    await write([put('a', 100, "'a2'"), put('b', 50, "'b2'")]);
    expect(await docs()).toEqual([
      ['b', 50, 0, "'b2'"],
      ['a', 100, 2, "'a2'"],
    ]);
  });

  it('uses the first gap of a second whose top rowid is taken', async () => {
    const top = 100 * ROWIDS_PER_SECOND + ROWIDS_PER_SECOND - 1;
    await store.pool.query(`INSERT INTO search_docs (rowid, article_id, content_hash, outlet_key, categories, tsv) VALUES ($1, 'z', 'z', 'x', '[]', '')`, [top]);
    await write([put('a', 100), put('b', 100), put('c', 101)]);
    expect((await docs()).map(([id, s, n]) => [id, s, n])).toEqual([
      ['a', 100, 0],
      ['b', 100, 1],
      ['z', 100, ROWIDS_PER_SECOND - 1],
      ['c', 101, 0],
    ]);
  });
});
