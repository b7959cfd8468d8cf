/**
 * bench search: the corpus (imported with the real importer) replicated to N articles directly in
 * the store (each copy its own id, a title suffix and a publication time shifted back by one hour
 * per copy, so the archive spans years), then the search index built from scratch (time, size),
 * then a fixed list of 1–4 word Chinese queries timed end to end through `searchArticles`
 * (parse, FTS5 or tsquery, grouping, snippets): p50/p95/p99 per size. Target: p95 ≤ 30 ms at 1 M
 * on SQLite; on PostgreSQL p95 ≤ 50 ms at 1 M with a top-10 agreement ≥ 0.9 (issue 16).
 *
 * With `--db postgres://…` the same articles also go into a new database on that server (created
 * from the URL's credentials, dropped at the end), and both indexes are built from the SAME
 * segmented documents: every corpus article is segmented once, and a copy's document is the
 * original's with the copy number appended to its title grams (what segmenting ` #N` gives,
 * checked on a sample), so the build rates compare writing the index, not jieba. Each backend
 * reports its build rate, index size and latencies; `agreement` is how many of the top 10
 * results the two backends share, per query (ranking comparable means close to 1).
 * `--keep-db` keeps the PostgreSQL database (its URL goes to stderr) for EXPLAIN.
 *   npm run bench -- search [sizes=100000,1000000] [--db postgres://user@host/db] [--keep-db]
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { importPaths } from '../src/ingest/import-job.js';
import type { Article } from '../src/model/article.js';
import { searchDocumentOf } from '../src/search/index-articles.js';
import { searchArticles } from '../src/search/search.js';
import { openStore } from '../src/store/open-store.js';
import type { PgStore } from '../src/store/postgres/pg-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import type { SearchDocument, SearchSourceRow } from '../src/store/tables.js';
import { corpusDir } from '../test/corpus.js';

/** The fixed query list: 1–4 words, rare and common terms, one and two characters. */
export const BENCH_QUERIES = [
  '碳',
  '股市',
  '5G',
  '央行',
  '北向资金',
  '新能源汽车',
  '专精特新',
  '人民币 汇率',
  '碳达峰 碳中和',
  '茅台 股价',
  '国债 中标',
  '港股 苹果 概念股',
  '数据中心 绿色 发展',
  '美国 众议院 债务上限',
  'A股 三大指数 创业板指 上涨',
  '工业企业 利润 同比 增长',
] as const;
/** Timed rounds over the query list. */
const ROUNDS = 5;
const BATCH = 5_000;

/**
 * The baseline measured in the same run: milliseconds to SHA-1 8 MiB (median of 5), a fixed piece
 * of CPU work. These machines are shared; divide a latency by it to compare runs.
 */
function cpuBaselineMs(): number {
  const block = Buffer.alloc(8 * 2 ** 20, 7);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    createHash('sha1').update(block).digest();
    times.push(performance.now() - t);
  }
  return Number((times.sort((a, b) => a - b)[2] ?? 0).toFixed(2));
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const fileBytes = (path: string): number => {
  let n = 0;
  for (const suffix of ['', '-wal']) {
    try {
      n += statSync(path + suffix).size;
    } catch {
      // no WAL file
    }
  }
  return n;
};

function copyOf(a: Article, copy: number): Article {
  const shift = (iso: string | null): string | null => {
    if (iso === null) return null;
    const t = Date.parse(iso) - copy * 3_600_000;
    return `${new Date(t + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
  };
  return { ...a, id: `${a.id}#${copy}`, title: `${a.title} #${copy}`, publishedAt: shift(a.publishedAt), contentHash: `${a.contentHash}#${copy}` };
}

type DocumentOf = (row: SearchSourceRow) => SearchDocument;

/**
 * The documents of every copy from one segmentation of the corpus: a copy's title ` #N` adds
 * the token N to the title grams and no word. Checked against real segmentation on a sample.
 */
function segmentOnce(corpus: readonly Article[]): { documentOf: DocumentOf; seconds: number } {
  const t0 = performance.now();
  const base = new Map<string, SearchDocument>();
  for (const a of corpus) {
    base.set(a.id, searchDocumentOf({ title: a.title, text: a.text, outlet_key: a.outletKey, categories: JSON.stringify(a.categories) }));
  }
  const seconds = (performance.now() - t0) / 1000;
  const documentOf: DocumentOf = (row) => {
    const cut = row.id.lastIndexOf('#');
    const doc = base.get(row.id.slice(0, cut));
    if (doc === undefined) throw new Error(`bench search: ${row.id} is not a copy of a corpus article`);
    return { ...doc, title: `${doc.title} ${row.id.slice(cut + 1)}`.trim() };
  };
  for (const a of corpus.slice(0, 50)) {
    const copy = copyOf(a, 7);
    const row = { id: copy.id, title: copy.title, text: copy.text, outlet_key: copy.outletKey, categories: JSON.stringify(copy.categories) };
    if (JSON.stringify(documentOf(row as SearchSourceRow)) !== JSON.stringify(searchDocumentOf(row))) {
      throw new Error(`bench search: the copy document of ${a.id} differs from its segmentation`);
    }
  }
  return { documentOf, seconds };
}

async function fill(store: Store, corpus: readonly Article[], size: number): Promise<number> {
  const t0 = performance.now();
  for (let done = 0; done < size; ) {
    const batch: Article[] = [];
    for (; batch.length < BATCH && done < size; done++) batch.push(copyOf(corpus[done % corpus.length] as Article, Math.floor(done / corpus.length)));
    await store.upsertArticles(batch);
  }
  return (performance.now() - t0) / 1000;
}

/** The indexing loop of `indexPending` over pre-segmented documents; returns seconds (build, optimize). */
async function buildIndex(store: Store, documentOf: DocumentOf): Promise<{ build: number; optimize: number; documents: number }> {
  const tables = store.search();
  const t0 = performance.now();
  let cursor = { updatedAt: '', id: '' };
  for (;;) {
    const rows = await tables.changedAfter(cursor, 2_000);
    const last = rows[rows.length - 1];
    if (last === undefined) break;
    await tables.transaction(async () => {
      for (const row of rows) await tables.put(row, documentOf(row));
      await tables.setWatermark(last.updated_at);
    });
    cursor = { updatedAt: last.updated_at, id: last.id };
  }
  const build = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await tables.optimize();
  return { build, optimize: (performance.now() - t1) / 1000, documents: await tables.countDocuments() };
}

const round2 = (x: number): number => Number(x.toFixed(2));

/** Latency figures of one backend. */
interface QueryFigures {
  queries: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  cpuBaselineMs: number[];
  perQueryMeanMs: Record<string, { ms: number; total: number; exact: boolean }>;
  /**
   * The untimed first pass (each query once, page size 10, before the rounds): its median and
   * maximum. On PostgreSQL it includes a new backend's first touch of the pages it reads.
   */
  firstPassP50Ms: number;
  firstPassMaxMs: number;
}

/** Latencies of the query list through `searchArticles`, and each query's top 10 article ids. */
async function timeQueries(store: Store): Promise<{ figures: QueryFigures; top: Map<string, string[]> }> {
  const now = new Date();
  const perQuery: Record<string, { ms: number; total: number; exact: boolean }> = {};
  const top = new Map<string, string[]>();
  const firstPass: number[] = [];
  for (const q of BENCH_QUERIES) {
    const t = performance.now();
    const r = await searchArticles(store, { q, pageSize: 10 }, { now });
    firstPass.push(performance.now() - t);
    perQuery[q] = { ms: 0, total: r.total, exact: r.totalExact };
    top.set(q, r.results.map((h) => h.articleId));
  }
  const baselineBefore = cpuBaselineMs();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of BENCH_QUERIES) {
      const t = performance.now();
      await searchArticles(store, { q }, { now });
      const ms = performance.now() - t;
      times.push(ms);
      (perQuery[q] as { ms: number }).ms += ms / ROUNDS;
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    top,
    figures: {
      queries: times.length,
      p50Ms: round2(percentile(sorted, 50)),
      p95Ms: round2(percentile(sorted, 95)),
      p99Ms: round2(percentile(sorted, 99)),
      maxMs: round2(sorted[sorted.length - 1] ?? 0),
      cpuBaselineMs: [baselineBefore, cpuBaselineMs()],
      perQueryMeanMs: Object.fromEntries(Object.entries(perQuery).map(([q, v]) => [q, { ms: round2(v.ms), total: v.total, exact: v.exact }])),
      firstPassP50Ms: round2(percentile([...firstPass].sort((a, b) => a - b), 50)),
      firstPassMaxMs: round2(Math.max(...firstPass)),
    },
  };
}

async function runSqlite(corpus: readonly Article[], size: number, work: string, documentOf: DocumentOf) {
  const path = join(work, `bench-${size}.db`);
  const store = new SqliteStore(path);
  try {
    const fillSeconds = await fill(store, corpus, size);
    const before = fileBytes(path);
    const built = await buildIndex(store, documentOf);
    const sizeMiB = (fileBytes(path) - before) / 2 ** 20;
    process.stderr.write(`bench search: sqlite, ${size} articles stored in ${fillSeconds.toFixed(1)} s, indexed in ${built.build.toFixed(1)} s\n`);
    const { figures, top } = await timeQueries(store);
    const result = {
      indexed: built.documents,
      indexBuildSeconds: round2(built.build),
      optimizeSeconds: round2(built.optimize),
      articlesPerSecond: Math.round(size / built.build),
      indexSizeMiB: Math.round(sizeMiB),
      ...figures,
    };
    process.stderr.write(`bench search: sqlite ${JSON.stringify(result)}\n`);
    return { result, top };
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}

/** A new database on the server of `url` (dropped by the returned function). */
async function createPgDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `caixun_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function runPostgres(corpus: readonly Article[], size: number, serverUrl: string, documentOf: DocumentOf, keep: boolean) {
  const db = await createPgDatabase(serverUrl);
  const store = (await openStore(db.url)) as PgStore;
  try {
    const fillSeconds = await fill(store, corpus, size);
    const built = await buildIndex(store, documentOf);
    const sizes = await store.pool.query<{ total: number; gin: number }>(
      `SELECT pg_total_relation_size('search_docs') AS total, pg_relation_size('search_docs_tsv') AS gin`,
    );
    process.stderr.write(`bench search: postgres, ${size} articles stored in ${fillSeconds.toFixed(1)} s, indexed in ${built.build.toFixed(1)} s\n`);
    const { figures, top } = await timeQueries(store);
    const result = {
      indexed: built.documents,
      indexBuildSeconds: round2(built.build),
      optimizeSeconds: round2(built.optimize),
      articlesPerSecond: Math.round(size / built.build),
      // search_docs with its TOAST and both indexes; the GIN index alone
      indexSizeMiB: Math.round(Number(sizes.rows[0]?.total ?? 0) / 2 ** 20),
      ginSizeMiB: Math.round(Number(sizes.rows[0]?.gin ?? 0) / 2 ** 20),
      ...figures,
    };
    process.stderr.write(`bench search: postgres ${JSON.stringify(result)}\n`);
    return { result, top };
  } finally {
    await store.close();
    if (keep) process.stderr.write(`bench search: kept ${db.url}\n`);
    else await db.drop();
  }
}

/** Per query: the share of the top 10 results both backends return (1 when both return none), and the same first result. */
function agreement(a: Map<string, string[]>, b: Map<string, string[]>): { mean: number; sameFirst: number; perQuery: Record<string, number> } {
  const perQuery: Record<string, number> = {};
  let sameFirst = 0;
  for (const q of BENCH_QUERIES) {
    const x = a.get(q) ?? [];
    const y = b.get(q) ?? [];
    const ys = new Set(y);
    perQuery[q] = x.length + y.length === 0 ? 1 : round2(x.filter((id) => ys.has(id)).length / Math.max(x.length, y.length));
    if (x[0] === y[0]) sameFirst++;
  }
  const values = Object.values(perQuery);
  return { mean: round2(values.reduce((s, v) => s + v, 0) / Math.max(1, values.length)), sameFirst: round2(sameFirst / BENCH_QUERIES.length), perQuery };
}

/** Runs the benchmark; `args`: a comma-separated list of sizes, and `--db postgres://…` to compare. */
export async function benchSearch(args: string[]): Promise<Record<string, unknown>> {
  const keep = args.includes('--keep-db');
  args = args.filter((a) => a !== '--keep-db');
  const dbAt = args.indexOf('--db');
  const pgUrl = dbAt >= 0 ? args[dbAt + 1] : undefined;
  if (dbAt >= 0 && (pgUrl === undefined || !/^postgres(ql)?:\/\//i.test(pgUrl))) throw new Error('bench search: --db needs a postgres:// URL');
  const positional = args.filter((_, i) => dbAt < 0 || (i !== dbAt && i !== dbAt + 1));
  const sizes = (positional[0] ?? '100000,1000000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
  const work = mkdtempSync(join(tmpdir(), 'caixun-bench-search-'));
  try {
    const source = new SqliteStore(join(work, 'corpus.db'));
    await importPaths([join(corpusDir, 'jekyll'), join(corpusDir, 'hexo')], source, { workers: 0 });
    const corpus: Article[] = [];
    for await (const a of source.iterateArticles()) corpus.push(a);
    await source.close();
    const { documentOf, seconds: segmentSeconds } = segmentOnce(corpus);
    const results = [];
    for (const size of sizes) {
      const sqlite = await runSqlite(corpus, size, work, documentOf);
      const postgres = pgUrl === undefined ? undefined : await runPostgres(corpus, size, pgUrl, documentOf, keep);
      results.push({
        articles: size,
        sqlite: sqlite.result,
        ...(postgres === undefined ? {} : { postgres: postgres.result, agreementTop10: agreement(sqlite.top, postgres.top) }),
      });
    }
    const last = results[results.length - 1];
    return {
      bench: 'search',
      cpuBaselineMs: cpuBaselineMs(),
      loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
      corpusArticles: corpus.length,
      segmentCorpusSeconds: round2(segmentSeconds),
      queryList: BENCH_QUERIES,
      sizes: results,
      targetP95Ms: 30,
      ...(pgUrl === undefined ? {} : { postgresTargetP95Ms: 50, postgresTargetAgreement: 0.9 }),
      targetAtArticles: 1_000_000,
      p95AtLargest: last === undefined ? null : { sqlite: last.sqlite.p95Ms, ...(last.postgres ? { postgres: last.postgres.p95Ms } : {}) },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
