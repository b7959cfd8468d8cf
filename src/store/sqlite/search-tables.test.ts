import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../../../test/support/make-article.js';
import { ROWIDS_PER_SECOND, type SearchDocument } from '../tables.js';
import { fts5Match, type SqliteSearchTables } from './search-tables.js';
import { SqliteStore } from './sqlite-store.js';

const doc = (body: string, meta = 'o1'): SearchDocument => ({ title: '', body, titleWords: '', bodyWords: '', meta });
const TS = Date.parse('2021-12-08T03:00:00Z') / 1000;
const row = (id: string, sortTs = TS, docRowid: number | null = null) => ({
  id,
  sort_ts: sortTs,
  content_hash: `h-${id}`,
  outlet_key: 'cls',
  categories: '["金融"]',
  doc_rowid: docRowid,
});

let store: SqliteStore;
let tables: SqliteSearchTables;
beforeEach(() => {
  store = new SqliteStore(':memory:');
  tables = store.search();
});
afterEach(() => store.close());

describe('SqliteSearchTables', async () => {
  it('gives articles of the same second consecutive rowids in their second', async () => {
    await tables.put(row('a'), doc('x'));
    await tables.put(row('b'), doc('x'));
    await tables.put(row('c', TS + 1), doc('x'));
    const all = await tables.newestMatches(fts5Match('x'), Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10);
    expect(all.map((r) => [r.article_id, r.rowid])).toEqual([
      ['c', (TS + 1) * ROWIDS_PER_SECOND],
      ['b', TS * ROWIDS_PER_SECOND + 1],
      ['a', TS * ROWIDS_PER_SECOND],
    ]);
    expect(all.every((r) => r.story_id === null && r.outlet_key === 'cls' && r.categories === '["金融"]')).toBe(true);
  });

  it('replaces a document when it is put again, and removes it', async () => {
    await tables.put(row('a'), doc('old'));
    const [first] = await tables.newestMatches(fts5Match('old'), Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10);
    await tables.put(row('a', TS, first!.rowid), doc('new'));
    expect(await tables.countMatches(fts5Match('old'), Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10)).toBe(0);
    const [second] = await tables.newestMatches(fts5Match('new'), Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10);
    expect(second?.article_id).toBe('a');
    await tables.remove(second!.rowid);
    expect(await tables.countDocuments()).toBe(0);
    expect(await tables.countMatches(fts5Match('new'), Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10)).toBe(0);
  });

  it('filters by rowid range and counts at most the limit', async () => {
    for (let i = 0; i < 5; i++) await tables.put(row(`a${i}`, TS + i), doc('x'));
    const lo = (TS + 1) * ROWIDS_PER_SECOND;
    const hi = (TS + 3) * ROWIDS_PER_SECOND + ROWIDS_PER_SECOND - 1;
    expect((await tables.newestMatches(fts5Match('x'), lo, hi, 10)).map((r) => r.article_id)).toEqual(['a3', 'a2', 'a1']);
    expect(await tables.countMatches(fts5Match('x'), Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 3)).toBe(3);
  });

  it('ranks by BM25 with the title weighted above the body', async () => {
    await tables.put(row('body'), { ...doc('碳 碳 x'), title: 'y' });
    await tables.put(row('title'), { ...doc('x'), title: '碳' });
    expect((await tables.bestMatches(fts5Match('碳'), Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10)).map((r) => r.article_id)).toEqual(['title', 'body']);
  });

  it('reads the changed articles after a cursor with what the index holds', async () => {
    await store.upsertArticles([makeArticle({ id: 't:1' }), makeArticle({ id: 't:2', title: '另一篇' })]);
    const rows = await tables.changedAfter({ updatedAt: '', id: '' }, 10);
    expect(rows.map((r) => [r.id, r.doc_rowid, r.doc_hash])).toEqual([
      ['t:1', null, null],
      ['t:2', null, null],
    ]);
    expect((await tables.changedAfter({ updatedAt: rows[0]!.updated_at, id: 't:1' }, 10)).map((r) => r.id)).toEqual(['t:2']);
    expect(await tables.countChangedSince('')).toBe(2);
  });

  it('keeps the watermark until wiped, and wipes the index', async () => {
    await tables.put(row('a'), doc('x'));
    await tables.setWatermark('2026-11-30T00:00:00.000Z');
    expect(await tables.watermark()).toBe('2026-11-30T00:00:00.000Z');
    await tables.wipe();
    expect(await tables.watermark()).toBe('');
    expect(await tables.countDocuments()).toBe(0);
    expect(await tables.countMatches(fts5Match('x'), Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10)).toBe(0);
  });

  it('reports a malformed expression as a store error', async () => {
    await expect(tables.newestMatches(fts5Match('"unclosed'), 0, 1, 1)).rejects.toThrow(/^search: query/);
  });
});
