/**
 * `newestMatches` on PostgreSQL finds the newest matches window by window (primary-key windows
 * intersected with the GIN bitmap) or from the bitmap of all matches: whichever way, its rows
 * must be exactly what ranking every match and taking the newest gives (the plain SQL below,
 * the query before the windows), on the real corpus copied into several hundred documents
 * spread over time, for common and rare terms, several limits and date ranges.
 */
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../../../test/corpus.js';
import { freshPgDatabase } from '../../../test/support/postgres.js';
import { importPaths } from '../../ingest/import-job.js';
import type { Article } from '../../model/article.js';
import { indexPending, searchDocumentOf } from '../../search/index-articles.js';
import { parseQuery } from '../../search/query-parse.js';
import { buildTsquery } from '../../search/tsquery-expression.js';
import { ROWIDS_PER_SECOND, type SearchCandidateRow } from '../tables.js';
import { PG_RANK_NORMALIZATION, PG_RANK_WEIGHTS, PgSearchTables } from './pg-search-tables.js';
import { PgStore } from './pg-store.js';

/** Copies of each corpus article, an hour older each (so a topic's articles cluster in time). */
const COPIES = 6;
const ALL = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] as const;

let store: PgStore;
/** Every SQL statement the store ran since the last `statements.length = 0`. */
const statements: string[] = [];

/** The newest `limit` matches with every match ranked: the plain query, as before the windows. */
async function reference(pool: pg.Pool, q: string, lo: number, hi: number, limit: number): Promise<SearchCandidateRow[]> {
  const compiled = buildTsquery(parseQuery(q));
  if (compiled === null) throw new Error(`no query: ${q}`);
  const rank = compiled.terms.map((_, i) => `ts_rank('{${PG_RANK_WEIGHTS.join(',')}}'::float4[], d.tsv, $${i + 5}::tsquery, ${PG_RANK_NORMALIZATION})`).join(' + ');
  const rows = await pool.query<{ rowid: string; rank: number; article_id: string; outlet_key: string; categories: string; story_id: string | null }>(
    `SELECT d.rowid, (${rank}) AS rank, d.article_id, d.outlet_key, d.categories, s.story_id
     FROM search_docs d LEFT JOIN story_members s ON s.article_id = d.article_id
     WHERE d.tsv @@ $1::tsquery AND d.rowid BETWEEN $2 AND $3 ORDER BY d.rowid DESC LIMIT $4`,
    [compiled.match, lo, hi, limit, ...compiled.terms],
  );
  return rows.rows.map((r) => ({ rowid: Number(r.rowid), bm25: -Number(r.rank), article_id: r.article_id, outlet_key: r.outlet_key, categories: r.categories, story_id: r.story_id }));
}

/** The statement that finds a window's bound, and the one that reads every match of the range. */
const WINDOW = /ORDER BY rowid DESC OFFSET \$3 LIMIT 1/;
const READ_ALL = /count\(\*\) OVER \(\) AS n FROM search_docs d\s+WHERE d\.tsv @@ \$1::tsquery/;

/** The planner's estimate of a query's matches. */
async function estimate(pool: pg.Pool, tables: PgSearchTables, q: string): Promise<number> {
  const compiled = tables.compile(parseQuery(q)) as unknown as { match: string };
  const rows = await pool.query<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>('EXPLAIN (FORMAT JSON) SELECT 1 FROM search_docs WHERE tsv @@ $1::tsquery', [compiled.match]);
  return Number(rows.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows']);
}

/** Rows compared with the relevance rounded (float4 sums may differ in the last bit). */
const comparable = (rows: readonly SearchCandidateRow[]) => rows.map((r) => ({ ...r, bm25: Number(r.bm25.toFixed(5)) }));

const copyOf = (a: Article, copy: number): Article => ({
  ...a,
  id: `${a.id}#${copy}`,
  title: `${a.title} #${copy}`,
  publishedAt: a.publishedAt === null ? null : new Date(Date.parse(a.publishedAt) - copy * 3_600_000).toISOString(),
  contentHash: `${a.contentHash}#${copy}`,
});

beforeAll(async () => {
  store = await PgStore.open(await freshPgDatabase('newest'));
  await importPaths([join(corpusDir, 'jekyll'), join(corpusDir, 'hexo')], store, { workers: 0 });
  const corpus: Article[] = [];
  for await (const a of store.iterateArticles()) corpus.push(a);
  for (let copy = 1; copy < COPIES; copy++) await store.upsertArticles(corpus.map((a) => copyOf(a, copy)));
  await indexPending(store);
  await store.search().optimize();
  const query = store.pool.query.bind(store.pool) as (...args: unknown[]) => unknown;
  store.pool.query = ((...args: unknown[]) => {
    statements.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text));
    return query(...args);
  }) as typeof store.pool.query;
});

afterAll(async () => {
  await store?.close();
});

describe('newestMatches on PostgreSQL, on the corpus', () => {
  it('returns exactly the newest matches, ranked as every match ranked alone, for common and rare terms', async () => {
    const tables = store.search();
    const queries = ['碳', '股市', '5G', '央行', '北向资金', '人民币 汇率', '茅台 股价', '港股 苹果 概念股', '工业企业 利润 同比 增长', '"碳中和"', '涨 -跌', '指数'];
    let compared = 0;
    for (const q of queries) {
      const match = tables.compile(parseQuery(q));
      if (match === null) continue;
      for (const limit of [1, 7, 40, 1000]) {
        const got = await tables.newestMatches(match, ...ALL, limit);
        expect(comparable(got), `${q} limit ${limit}`).toEqual(comparable(await reference(store.pool, q, ...ALL, limit)));
        compared += got.length;
      }
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('gives the same rows in date ranges that end long before the newest match', async () => {
    const tables = store.search();
    const top = (await reference(store.pool, '指数', ...ALL, 1))[0]?.rowid ?? 0;
    for (const hoursBack of [2, 30, 24 * 20, 24 * 200]) {
      const hi = top - hoursBack * 3600 * ROWIDS_PER_SECOND;
      for (const q of ['指数', '碳', '美国 股市']) {
        const got = await tables.newestMatches(tables.compile(parseQuery(q))!, ALL[0], hi, 5);
        expect(comparable(got), `${q}, ${hoursBack} h back`).toEqual(comparable(await reference(store.pool, q, ALL[0], hi, 5)));
      }
    }
  });

  it('uses the windows for a common term over the whole archive', async () => {
    const tables = store.search();
    statements.length = 0;
    expect((await tables.newestMatches(tables.compile(parseQuery('指数'))!, ...ALL, 5)).length).toBe(5);
    expect(statements.some((s) => WINDOW.test(s))).toBe(true);
  });

  it('uses the windows for words that occur together, from the rarest word (the planner multiplies their frequencies)', async () => {
    const tables = store.search();
    const q = '港股 苹果 概念股';
    const [whole, rarest] = await Promise.all([estimate(store.pool, tables, q), estimate(store.pool, tables, '港股')]);
    // the premise: the whole query is estimated far below its rarest word
    expect(whole * 4).toBeLessThan(rarest);
    statements.length = 0;
    const got = await tables.newestMatches(tables.compile(parseQuery(q))!, ...ALL, 5);
    expect(comparable(got)).toEqual(comparable(await reference(store.pool, q, ...ALL, 5)));
    expect(statements.some((s) => WINDOW.test(s))).toBe(true);
    expect(statements.filter((s) => READ_ALL.test(s))).toEqual([]);
  });

  it('reads every match from the bitmap for a rare term', async () => {
    const tables = store.search();
    // a character bigram in one or two corpus articles: in 6 to 12 documents, spread over the copies
    const rare = await store.pool.query<{ word: string }>(
      `SELECT word FROM ts_stat('SELECT tsv FROM search_docs') WHERE ndoc BETWEEN 6 AND 12 AND word ~ '^[一-龥]{2}$' ORDER BY word LIMIT 1`,
    );
    const q = rare.rows[0]?.word ?? '';
    const all = await reference(store.pool, q, ...ALL, 10);
    expect(all.length).toBeGreaterThanOrEqual(6);
    statements.length = 0;
    expect(comparable(await tables.newestMatches(tables.compile(parseQuery(q))!, ...ALL, 10))).toEqual(comparable(all));
    expect(statements.some((s) => WINDOW.test(s))).toBe(false);
    expect(statements.filter((s) => READ_ALL.test(s)).length).toBe(1);
  });

  it('uses the windows for a rare combination of common words, and finds its only, oldest match', async () => {
    const tables = store.search();
    // The copy number is in the copies' titles only: '#5' is in the oldest copy of each article.
    const oldest = await reference(store.pool, '"美国" 5', ...ALL, 10);
    expect(oldest.length).toBeGreaterThan(0);
    expect(comparable(await tables.newestMatches(tables.compile(parseQuery('"美国" 5'))!, ...ALL, 10))).toEqual(comparable(oldest));
  });

  it('counts as a fresh count would, after the windows (their count is reused) and without them', async () => {
    const tables = store.search();
    const fresh = new PgSearchTables(store.pool);
    for (const q of ['指数', '碳', '"美国" 5', '央行']) {
      const match = tables.compile(parseQuery(q))!;
      for (const limit of [3, 50, 100_000]) {
        await tables.newestMatches(match, ...ALL, 20);
        const counted = await tables.countMatches(match, ...ALL, limit);
        expect(counted, `${q} ${limit}`).toBe(await fresh.countMatches(match, ...ALL, limit));
      }
    }
    // another range is counted afresh, not from the last windows
    const match = tables.compile(parseQuery('指数'))!;
    await tables.newestMatches(match, ...ALL, 20);
    expect(await tables.countMatches(match, 0, 1, 10)).toBe(0);
  });
});

describe('newestMatches on PostgreSQL, a term only in the older half', () => {
  let own: PgStore;
  beforeAll(async () => {
    own = await PgStore.open(await freshPgDatabase('newest'));
  });
  afterAll(async () => {
    await own?.close();
  });

  it('grows the windows until they reach the matches, and returns the newest of them', async () => {
    const t = own.search();
    const second = Date.parse('2021-12-20T20:21:15+08:00') / 1000;
    const doc = (title: string) => searchDocumentOf({ title, text: '', outlet_key: 'x', categories: '[]' });
    await t.transaction(async () => {
      for (let i = 0; i < 3000; i++) {
        const row = { id: `n${i}`, sort_ts: second + i * 60, content_hash: `h${i}`, outlet_key: 'x', categories: '[]', doc_rowid: null };
        await t.put(row, doc(i < 1500 ? `碳市场 第${i}篇` : `股市 第${i}篇`));
      }
    });
    await t.optimize();
    const statementsOf = async <T>(fn: () => Promise<T>): Promise<[T, string[]]> => {
      const seen: string[] = [];
      const query = own.pool.query.bind(own.pool) as (...args: unknown[]) => unknown;
      own.pool.query = ((...args: unknown[]) => {
        seen.push(String(args[0]));
        return query(...args);
      }) as typeof own.pool.query;
      try {
        return [await fn(), seen];
      } finally {
        own.pool.query = query as typeof own.pool.query;
      }
    };
    const [rows, seen] = await statementsOf(() => t.newestMatches(t.compile(parseQuery('碳市场'))!, ...ALL, 3));
    expect(rows.map((r) => r.article_id)).toEqual(['n1499', 'n1498', 'n1497']);
    // several windows, each larger than the last, and no read of every match
    const windows = seen.filter((s) => WINDOW.test(s));
    expect(windows.length).toBeGreaterThan(2);
    expect(seen.filter((s) => READ_ALL.test(s))).toEqual([]);
    // the count the windows saw answers the count that follows, as a fresh count would
    expect(await t.countMatches(t.compile(parseQuery('碳市场'))!, ...ALL, 100_000)).toBe(await new PgSearchTables(own.pool).countMatches(t.compile(parseQuery('碳市场'))!, ...ALL, 100_000));
  });
});
