import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../../../test/support/make-article.js';
import { ROWIDS_PER_SECOND, type SearchDocument, type SqliteSearchTables } from './search-tables.js';
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

describe('SqliteSearchTables', () => {
  it('gives articles of the same second consecutive rowids in their second', () => {
    tables.put(row('a'), doc('x'));
    tables.put(row('b'), doc('x'));
    tables.put(row('c', TS + 1), doc('x'));
    const all = tables.newestMatches('x', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10);
    expect(all.map((r) => [r.article_id, r.rowid])).toEqual([
      ['c', (TS + 1) * ROWIDS_PER_SECOND],
      ['b', TS * ROWIDS_PER_SECOND + 1],
      ['a', TS * ROWIDS_PER_SECOND],
    ]);
    expect(all.every((r) => r.story_id === null && r.outlet_key === 'cls' && r.categories === '["金融"]')).toBe(true);
  });

  it('replaces a document when it is put again, and removes it', () => {
    tables.put(row('a'), doc('old'));
    const [first] = tables.newestMatches('old', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10);
    tables.put(row('a', TS, first!.rowid), doc('new'));
    expect(tables.countMatches('old', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10)).toBe(0);
    const [second] = tables.newestMatches('new', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10);
    expect(second?.article_id).toBe('a');
    tables.remove(second!.rowid);
    expect(tables.countDocuments()).toBe(0);
    expect(tables.countMatches('new', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10)).toBe(0);
  });

  it('filters by rowid range and counts at most the limit', () => {
    for (let i = 0; i < 5; i++) tables.put(row(`a${i}`, TS + i), doc('x'));
    const lo = (TS + 1) * ROWIDS_PER_SECOND;
    const hi = (TS + 3) * ROWIDS_PER_SECOND + ROWIDS_PER_SECOND - 1;
    expect(tables.newestMatches('x', lo, hi, 10).map((r) => r.article_id)).toEqual(['a3', 'a2', 'a1']);
    expect(tables.countMatches('x', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 3)).toBe(3);
  });

  it('ranks by BM25 with the title weighted above the body', () => {
    tables.put(row('body'), { ...doc('碳 碳 x'), title: 'y' });
    tables.put(row('title'), { ...doc('x'), title: '碳' });
    expect(tables.bestMatches('碳', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10).map((r) => r.article_id)).toEqual(['title', 'body']);
  });

  it('reads the changed articles after a cursor with what the index holds', async () => {
    await store.upsertArticles([makeArticle({ id: 't:1' }), makeArticle({ id: 't:2', title: '另一篇' })]);
    const rows = tables.changedAfter({ updatedAt: '', id: '' }, 10);
    expect(rows.map((r) => [r.id, r.doc_rowid, r.doc_hash])).toEqual([
      ['t:1', null, null],
      ['t:2', null, null],
    ]);
    expect(tables.changedAfter({ updatedAt: rows[0]!.updated_at, id: 't:1' }, 10).map((r) => r.id)).toEqual(['t:2']);
    expect(tables.countChangedSince('')).toBe(2);
  });

  it('keeps the watermark until wiped, and wipes the index', () => {
    tables.put(row('a'), doc('x'));
    tables.setWatermark('2026-11-30T00:00:00.000Z');
    expect(tables.watermark()).toBe('2026-11-30T00:00:00.000Z');
    tables.wipe();
    expect(tables.watermark()).toBe('');
    expect(tables.countDocuments()).toBe(0);
    expect(tables.countMatches('x', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 10)).toBe(0);
  });

  it('reports a malformed expression as a store error', () => {
    expect(() => tables.newestMatches('"unclosed', 0, 1, 1)).toThrow(/^search: query/);
  });
});
