/**
 * The PostgreSQL search tables on a fresh database of the test server: rowid allocation per
 * second, replacing a document, the watermark, several indexers at once, and any typed query.
 * (Relevance on the corpus runs on both backends in test/search/search-corpus.test.ts.)
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshPgDatabase } from '../../../test/support/postgres.js';
import { makeArticle } from '../../../test/support/make-article.js';
import { indexPending, searchDocumentOf } from '../../search/index-articles.js';
import { parseQuery } from '../../search/query-parse.js';
import { searchArticles } from '../../search/search.js';
import { ROWIDS_PER_SECOND, type CompiledMatch } from '../tables.js';
import { PG_RANK_NORMALIZATION, PG_RANK_WEIGHTS, rankPlan } from './pg-search-tables.js';
import { PgStore } from './pg-store.js';

let url: string;
let stores: PgStore[] = [];

async function open(): Promise<PgStore> {
  const store = await PgStore.open(url);
  stores.push(store);
  return store;
}

beforeEach(async () => {
  url = await freshPgDatabase('search');
});
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

const ALL = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] as const;
const SECOND = Date.parse('2021-12-20T20:21:15+08:00') / 1000;
const row = (id: string, hash = id) => ({ id, sort_ts: SECOND, content_hash: hash, outlet_key: 'x', categories: '[]', doc_rowid: null });
const doc = (title: string) => searchDocumentOf({ title, text: '', outlet_key: 'x', categories: '[]' });

describe('PgSearchTables', () => {
  it('allocates rowids per second, replaces an article’s document, and finds a gap when the second is full', async () => {
    const store = await open();
    const t = store.search();
    const q = t.compile(parseQuery('碳达峰'))!;
    const rowids = async (): Promise<[string, number][]> =>
      (await t.newestMatches(q, ...ALL, 10)).map((r) => [r.article_id, r.rowid - SECOND * ROWIDS_PER_SECOND]);
    for (const id of ['a', 'b', 'c']) await t.put(row(id), doc(`碳达峰${id}`));
    expect(await rowids()).toEqual([['c', 2], ['b', 1], ['a', 0]]);
    // a stale doc_rowid (another worker re-indexed it) does not matter: the article's row is replaced
    await t.put({ ...row('a', 'a2'), doc_rowid: null }, doc('碳达峰 新版'));
    expect(await rowids()).toEqual([['a', 3], ['c', 2], ['b', 1]]);
    expect(await t.countDocuments()).toBe(3);
    await t.remove(SECOND * ROWIDS_PER_SECOND + 1);
    // the last rowid of the second taken: the first free one is used (a's old one)
    await store.pool.query(
      `INSERT INTO search_docs (rowid, article_id, content_hash, outlet_key, categories, tsv) VALUES ($1, 'z', 'z', 'x', '[]', '''#碳达峰''')`,
      [SECOND * ROWIDS_PER_SECOND + ROWIDS_PER_SECOND - 1],
    );
    await t.put(row('d'), doc('碳达峰d'));
    expect(await rowids()).toEqual([['z', ROWIDS_PER_SECOND - 1], ['a', 3], ['c', 2], ['d', 0]]);
  });

  it('ranks a title match ×5 a body match, as a cost (lower is better)', async () => {
    const t = (await open()).search();
    await t.put(row('title'), searchDocumentOf({ title: '央行降准', text: '消息公布。', outlet_key: 'x', categories: '[]' }));
    await t.put(row('body'), searchDocumentOf({ title: '消息', text: '央行降准公布。', outlet_key: 'x', categories: '[]' }));
    const [a, b] = (await t.bestMatches(t.compile(parseQuery('降准'))!, ...ALL, 10)).map((r) => [r.article_id, r.bm25] as const);
    expect(a?.[0]).toBe('title');
    expect(b?.[0]).toBe('body');
    expect((a?.[1] ?? 0) / (b?.[1] ?? 1)).toBeCloseTo(5, 5);
    expect(a?.[1]).toBeLessThan(0);
  });

  it('ranks the one-lexeme terms with one ts_rank call and keeps the sum of every term’s own rank', async () => {
    expect(rankPlan(["'#a股'", "'碳':*", "('达' <-> '峰')", "'#a股'"])).toEqual({
      queries: ["'#a股' | '碳':*", "('达' <-> '峰')", "'#a股'"],
      factors: [2, 1, 1],
    });
    const store = await open();
    const t = store.search();
    const text = '碳市场扩容，碳价上涨。A股碳中和板块走强，达峰方案公布，碳排放下降。'.repeat(3);
    await t.put(row('x'), searchDocumentOf({ title: 'A股碳达峰', text, outlet_key: 'x', categories: '[]' }));
    for (const q of ['A股 碳 达峰', 'A股 碳 "达峰" A股', '碳 上涨']) {
      const m = t.compile(parseQuery(q))! as CompiledMatch & { terms: string[] };
      const [hit] = await t.bestMatches(m, ...ALL, 1);
      const sums = await store.pool.query<{ rank: number }>(
        `SELECT sum(ts_rank('{${PG_RANK_WEIGHTS.join(',')}}'::float4[], tsv, q::tsquery, ${PG_RANK_NORMALIZATION})) AS rank
         FROM search_docs, unnest($1::text[]) AS q`,
        [m.terms],
      );
      expect(-(hit?.bm25 ?? 0)).toBeCloseTo(Number(sums.rows[0]?.rank), 5);
    }
  });

  it('keeps the watermark moving forward only, and forgets it on wipe', async () => {
    const t = (await open()).search();
    expect(await t.watermark()).toBe('');
    await t.setWatermark('2026-11-30T01:00:00.000Z');
    await t.setWatermark('2026-11-30T00:59:00.000Z');
    expect(await t.watermark()).toBe('2026-11-30T01:00:00.000Z');
    await t.put(row('a'), doc('碳'));
    await t.wipe();
    expect([await t.watermark(), await t.countDocuments()]).toEqual(['', 0]);
  });

  it('finds the newest matches with either plan (a term in every document, and a rare one), in a date range', async () => {
    const t = (await open()).search();
    await t.transaction(async () => {
      for (let i = 0; i < 300; i++) {
        await t.put({ ...row(`n${i}`), sort_ts: SECOND + i }, doc(i % 50 === 0 ? `碳市场${i}` : `碳${i}`));
      }
    });
    await t.optimize();
    const newest = async (q: string, lo: number, hi: number): Promise<string[]> =>
      (await t.newestMatches(t.compile(parseQuery(q))!, lo, hi, 3)).map((r) => r.article_id);
    // every document matches 碳: primary-key windows; 碳市场 is in six: the bitmap of all matches
    expect(await newest('碳', ...ALL)).toEqual(['n299', 'n298', 'n297']);
    expect(await newest('碳市场', ...ALL)).toEqual(['n250', 'n200', 'n150']);
    const until = (i: number): number => (SECOND + i) * ROWIDS_PER_SECOND + ROWIDS_PER_SECOND - 1;
    expect(await newest('碳', Number.MIN_SAFE_INTEGER, until(120))).toEqual(['n120', 'n119', 'n118']);
    expect(await newest('碳市场', Number.MIN_SAFE_INTEGER, until(120))).toEqual(['n100', 'n50', 'n0']);
    expect(await t.countMatches(t.compile(parseQuery('碳市场'))!, ...ALL, 1000)).toBe(6);
  });

  it('answers the hit rows and outlet names asked together with one statement each', async () => {
    const store = await open();
    await store.upsertArticles([
      makeArticle({ id: 'o:1', outlet: '旧名', outletKey: 'o', publishedAt: '2021-12-20T20:21:15+08:00' }),
      makeArticle({ id: 'o:2', outlet: '新名', outletKey: 'o', title: '第二篇', publishedAt: '2021-12-21T20:21:15+08:00' }),
    ]);
    const t = store.search();
    const query = store.pool.query.bind(store.pool);
    let statements = 0;
    store.pool.query = ((...args: Parameters<typeof query>) => {
      statements++;
      return query(...args);
    }) as typeof store.pool.query;
    const hits = await Promise.all(['o:2', 'missing', 'o:1'].map((id) => t.hitRow(id)));
    expect(hits.map((h) => h?.title)).toEqual(['第二篇', undefined, makeArticle().title]);
    expect(hits[0]).toMatchObject({ id: 'o:2', outlet: '新名', outlet_key: 'o', text: makeArticle().text });
    expect(statements).toBe(1);
    expect(await Promise.all(['o', 'nobody'].map((k) => t.outletName(k)))).toEqual(['新名', undefined]);
    expect(statements).toBe(2);
    // in a transaction each look-up runs on the transaction's client, alone
    expect(await t.transaction(() => Promise.all([t.hitRow('o:1'), t.outletName('o')]))).toMatchObject([{ id: 'o:1' }, '新名']);
  });

  it('refuses a query compiled for another backend', async () => {
    const t = (await open()).search();
    const sqlite = { backend: 'sqlite', expression: 'x' } as CompiledMatch;
    await expect(t.countMatches(sqlite, ...ALL, 1)).rejects.toThrow(/a sqlite query cannot run on PostgreSQL/);
  });

  it('turns any typed query into a tsquery PostgreSQL accepts (property)', async () => {
    const t = (await open()).search();
    const pieces = fc.constantFrom('"', "'", '\\', '-', '!', '&', '|', ':*', '<->', 'outlet:', 'category:', ' ', '(', ')', '碳', '达峰', 'A股', '5G', '，');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme' })), { maxLength: 8 }), async (parts) => {
        const compiled = t.compile(parseQuery(parts.join('')), { outlet: parts[0] ?? 'x', category: parts[1] ?? 'y' });
        if (compiled !== null) {
          expect(await t.countMatches(compiled, ...ALL, 1)).toBe(0);
          expect(await t.bestMatches(compiled, ...ALL, 1)).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('several indexers at once', () => {
  it('index every article exactly once, with distinct rowids, while articles keep arriving', async () => {
    const writer = await open();
    const workers = await Promise.all([open(), open(), open()]);
    // many articles in few seconds, so the workers compete for the same rowids
    const batch = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) =>
        makeArticle({ id: `t:${from + i}`, title: `第${from + i}篇 碳达峰`, text: `碳达峰碳中和${from + i}`, publishedAt: `2021-12-20T20:21:0${(from + i) % 3}+08:00` }),
      );
    await writer.upsertArticles(batch(0, 120));
    const runs = workers.map((w) => indexPending(w, { batchSize: 7 }));
    await writer.upsertArticles(batch(120, 60));
    await Promise.all(runs);
    const last = await indexPending(workers[0] as PgStore);
    expect(last.documents).toBe(180);
    const docs = await writer.pool.query<{ n: number; ids: number; rowids: number }>(
      'SELECT count(*) AS n, count(DISTINCT article_id) AS ids, count(DISTINCT rowid) AS rowids FROM search_docs',
    );
    expect(docs.rows[0]).toEqual({ n: 180, ids: 180, rowids: 180 });
    const res = await searchArticles(writer, { q: '碳达峰', pageSize: 100 });
    expect(res.total).toBe(180);
    expect((await searchArticles(writer, { q: '"碳中和179"' })).results.map((h) => h.articleId)).toEqual(['t:179']);
  });
});
