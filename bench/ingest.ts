/**
 * bench ingest: articles/s through store + derive (stories → search → facts) with 1, 2 and 4
 * worker processes sharing one PostgreSQL database, next to one process on a SQLite file (the
 * baseline, same run, same articles). The workers take the next 50 articles in publication order
 * from a shared counter (as `caixun worker`s take due sources from the shared queue), store them
 * and run the derive steps; clustering is serialised by the store's lock and follows the other
 * workers' progress (derive-pending.ts), storing and indexing are not. The articles are the corpus replicated with
 * permuted characters (test/support/permuted-corpus.ts), cleaned once beforehand: cleaning is
 * per worker and scales with cores, the database is what workers share. After each run the stories are
 * compared with the SQLite run's: `splitArticles` counts articles whose story holds other members.
 * With `--search N` it then runs `bench search N` on the same server: search p50/p95/p99 on
 * SQLite and PostgreSQL archives of N articles built from the same segmented documents.
 *   npm run bench -- ingest [--db postgres://ADMIN-URL] [--articles 8800] [--workers 1,2,4] [--batch 50] [--search 1000000]
 * Without --db a private PostgreSQL server is started (as the tests do). This machine has 2 cores,
 * so 4 workers cannot be faster than 2.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Article } from '../src/model/article.js';
import { openStore } from '../src/store/open-store.js';
import { projectRoot } from '../test/corpus.js';
import startPostgres from '../test/support/postgres-server.js';
import { importedCorpus, permutedArticles } from '../test/support/permuted-corpus.js';
import { BATCH_SEQUENCE } from './ingest-worker-queue.js';
import { benchSearch } from './search.js';

interface Options {
  db: string | undefined;
  articles: number;
  workers: number[];
  batch: number;
  search: number | undefined;
}

function parseOptions(args: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return {
    db: value('--db'),
    articles: Number(value('--articles') ?? 8_800),
    workers: (value('--workers') ?? '1,2,4').split(',').map(Number),
    batch: Number(value('--batch') ?? 50),
    search: value('--search') === undefined ? undefined : Number(value('--search')),
  };
}

/** The corpus through the real importer, then permuted copies up to `n` articles, in a JSONL file. */
async function prepareArticles(dir: string, n: number): Promise<{ path: string; count: number }> {
  const lines = permutedArticles(await importedCorpus(), n).map((a) => JSON.stringify(a));
  // Interleaved by time, as polls bring them: shards then overlap in time (shared stories).
  lines.sort((x, y) => ((JSON.parse(x) as Article).publishedAt ?? '').localeCompare((JSON.parse(y) as Article).publishedAt ?? ''));
  const path = join(dir, 'articles.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, count: lines.length };
}

interface WorkerFigures {
  index: number;
  articles: number;
  created: number;
  storeMs: number;
  deriveMs: number;
  /** Milliseconds per derive step, this worker's runs (for every worker's articles). */
  stepMs: Record<string, number>;
  stepItems: Record<string, number>;
  wallMs: number;
}

/** Seconds per derive step, summed over workers. */
function stepSeconds(figures: readonly WorkerFigures[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const f of figures) for (const [step, ms] of Object.entries(f.stepMs)) sums[step] = (sums[step] ?? 0) + ms;
  return Object.fromEntries(Object.entries(sums).map(([step, ms]) => [step, Number((ms / 1000).toFixed(1))]));
}

function runWorker(db: string, jsonl: string, index: number, count: number, batch: number): Promise<WorkerFigures> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'bench', 'ingest-worker.ts'), db, jsonl, String(index), String(count), String(batch)], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as WorkerFigures);
      else reject(new Error(`bench ingest: worker ${index} exited with ${code}: ${err.slice(-2000)}`));
    });
  });
}

/** Member sets of every story, keyed by article id (for comparing two runs). */
async function partition(db: string): Promise<Map<string, string>> {
  const store = await openStore(db, { mustExist: true });
  try {
    const tables = store.stories();
    const out = new Map<string, string>();
    for (const s of await tables.listStories(Math.max(1, await tables.countStories()))) {
      const key = s.members.map((m) => m.id).sort().join('|');
      for (const m of s.members) out.set(m.id, key);
    }
    return out;
  } finally {
    await store.close();
  }
}

async function timedRun(db: string, jsonl: string, workers: number, batch: number, total: number) {
  const started = performance.now();
  const figures = await Promise.all(Array.from({ length: workers }, (_, i) => runWorker(db, jsonl, i, workers, batch)));
  const seconds = (performance.now() - started) / 1000;
  const store = await openStore(db, { mustExist: true });
  let articles: number;
  let stories: number;
  try {
    articles = await store.countArticles();
    stories = await store.stories().countStories();
  } finally {
    await store.close();
  }
  if (articles !== total) throw new Error(`bench ingest: ${articles} articles stored, expected ${total}`);
  return {
    workers,
    articlesPerSecond: Math.round(total / seconds),
    seconds: Number(seconds.toFixed(1)),
    stories,
    deriveShare: Number((figures.reduce((n, f) => n + f.deriveMs, 0) / figures.reduce((n, f) => n + f.wallMs, 0)).toFixed(2)),
    storeSeconds: Number((figures.reduce((n, f) => n + f.storeMs, 0) / 1000).toFixed(1)),
    stepSeconds: stepSeconds(figures),
    stepItems: Object.fromEntries(Object.keys(figures[0]?.stepItems ?? {}).map((step) => [step, figures.reduce((n, f) => n + (f.stepItems[step] ?? 0), 0)])),
  };
}

/** A fresh database with the workers' shared batch counter (bench/ingest-worker.ts). */
async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await db.query(`CREATE SEQUENCE ${BATCH_SEQUENCE} START 1`);
  } finally {
    await db.end();
  }
  return url.toString();
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function benchIngest(args: string[]): Promise<Record<string, unknown>> {
  const options = parseOptions(args);
  const dir = mkdtempSync(join(tmpdir(), 'caixun-bench-ingest-'));
  const stopServer = options.db === undefined ? await startPostgres() : undefined;
  const adminUrl = options.db ?? process.env.CAIXUN_TEST_PG;
  try {
    if (adminUrl === undefined) throw new Error(`bench ingest: no PostgreSQL (${process.env.CAIXUN_TEST_PG_MISSING ?? 'pass --db'})`);
    const { path: jsonl, count } = await prepareArticles(dir, options.articles);
    process.stderr.write(`bench ingest: ${count} articles, workers ${options.workers.join('/')}\n`);
    const sqliteDb = join(dir, 'bench.db');
    const sqlite = await timedRun(sqliteDb, jsonl, 1, options.batch, count);
    const reference = await partition(sqliteDb);
    process.stderr.write(`  sqlite, 1 worker: ${sqlite.articlesPerSecond}/s\n`);
    const postgres = [];
    for (const w of options.workers) {
      const name = `caixun_bench_${w}_${process.pid}`;
      const db = await createDatabase(adminUrl, name);
      try {
        const run = await timedRun(db, jsonl, w, options.batch, count);
        const got = await partition(db);
        let splitArticles = 0;
        for (const [id, key] of reference) if (got.get(id) !== key) splitArticles++;
        postgres.push({ ...run, splitArticles });
        process.stderr.write(`  postgres, ${w} workers: ${run.articlesPerSecond}/s, ${splitArticles} articles grouped differently\n`);
      } finally {
        await dropDatabase(adminUrl, name);
      }
    }
    const ingest = { articles: count, batch: options.batch, cores: 2, loadavg: loadavg()[0], sqlite: { ...sqlite, splitArticles: 0 }, postgres };
    if (options.search === undefined) return { bench: 'ingest', ...ingest };
    process.stderr.write(`bench ingest: search at ${options.search} articles on both backends\n`);
    const search = await benchSearch([String(options.search), '--db', adminUrl]);
    return { bench: 'ingest', ...ingest, search };
  } finally {
    stopServer?.();
    rmSync(dir, { recursive: true, force: true });
  }
}
