/**
 * bench search: the corpus (imported with the real importer) replicated to N articles directly in
 * the store (each copy its own id, a title suffix and a publication time shifted back by one hour
 * per copy, so the archive spans years), then the search index built from scratch (time, size),
 * then a fixed list of 1–4 word Chinese queries timed end to end through `searchArticles`
 * (parse, FTS5, grouping, snippets): p50/p95/p99 per size. Target: p95 ≤ 30 ms at 1 M.
 *   npm run bench -- search [sizes=100000,1000000]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPaths } from '../src/ingest/import-job.js';
import type { Article } from '../src/model/article.js';
import { indexPending, searchTablesOf } from '../src/search/index-articles.js';
import { searchArticles } from '../src/search/search.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
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

async function runSize(corpus: readonly Article[], size: number, work: string): Promise<Record<string, unknown>> {
  const path = join(work, `bench-${size}.db`);
  const store = new SqliteStore(path);
  try {
    const t0 = performance.now();
    for (let done = 0; done < size; ) {
      const batch: Article[] = [];
      for (; batch.length < BATCH && done < size; done++) batch.push(copyOf(corpus[done % corpus.length] as Article, Math.floor(done / corpus.length)));
      await store.upsertArticles(batch);
    }
    const fillSeconds = (performance.now() - t0) / 1000;
    const before = fileBytes(path);
    const t1 = performance.now();
    const counts = await indexPending(store, { batchSize: 2_000 });
    const indexSeconds = (performance.now() - t1) / 1000;
    const t2 = performance.now();
    searchTablesOf(store).optimize();
    const optimizeSeconds = (performance.now() - t2) / 1000;
    const sizeMiB = (fileBytes(path) - before) / 2 ** 20;
    process.stderr.write(`bench search: ${size} articles stored in ${fillSeconds.toFixed(1)} s, indexed in ${indexSeconds.toFixed(1)} s\n`);

    const now = new Date();
    const perQuery: Record<string, { ms: number; total: number; exact: boolean }> = {};
    for (const q of BENCH_QUERIES) {
      const r = await searchArticles(store, { q }, { now });
      perQuery[q] = { ms: 0, total: r.total, exact: r.totalExact };
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
    const round2 = (x: number): number => Number(x.toFixed(2));
    const result = {
      articles: size,
      indexed: counts.indexed,
      indexBuildSeconds: round2(indexSeconds),
      optimizeSeconds: round2(optimizeSeconds),
      articlesPerSecond: Math.round(size / indexSeconds),
      indexSizeMiB: Math.round(sizeMiB),
      queries: times.length,
      p50Ms: round2(percentile(sorted, 50)),
      p95Ms: round2(percentile(sorted, 95)),
      p99Ms: round2(percentile(sorted, 99)),
      maxMs: round2(sorted[sorted.length - 1] ?? 0),
      cpuBaselineMs: [baselineBefore, cpuBaselineMs()],
      perQueryMeanMs: Object.fromEntries(Object.entries(perQuery).map(([q, v]) => [q, { ms: round2(v.ms), total: v.total, exact: v.exact }])),
    };
    process.stderr.write(`bench search: ${JSON.stringify(result)}\n`);
    return result;
  } finally {
    await store.close();
    rmSync(path, { force: true });
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
  }
}

/** Runs the benchmark; `args[0]` is a comma-separated list of sizes. */
export async function benchSearch(args: string[]): Promise<Record<string, unknown>> {
  const sizes = (args[0] ?? '100000,1000000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
  const work = mkdtempSync(join(tmpdir(), 'caixun-bench-search-'));
  try {
    const source = new SqliteStore(join(work, 'corpus.db'));
    await importPaths([join(corpusDir, 'jekyll'), join(corpusDir, 'hexo')], source, { workers: 0 });
    const corpus: Article[] = [];
    for await (const a of source.iterateArticles()) corpus.push(a);
    await source.close();
    const results = [];
    for (const size of sizes) results.push(await runSize(corpus, size, work));
    const last = results[results.length - 1] as { p95Ms: number } | undefined;
    return {
      bench: 'search',
      cpuBaselineMs: cpuBaselineMs(),
      loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
      corpusArticles: corpus.length,
      queryList: BENCH_QUERIES,
      sizes: results,
      targetP95Ms: 30,
      targetAtArticles: 1_000_000,
      p95AtLargest: last?.p95Ms ?? null,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
