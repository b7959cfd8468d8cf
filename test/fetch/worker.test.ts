/**
 * `caixun worker` as real processes on one PostgreSQL database (a fresh one per test) against a
 * loopback outlet server that counts requests per source per round: four workers share every
 * round with no source polled twice or skipped, a worker killed with SIGKILL mid-poll loses its
 * source to another one when its lease runs out, SIGTERM lets the poll in flight finish, a
 * worker and `caixun serve` run side by side, and a SQLite `--db` is a usage error.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { runCli, startCli } from '../support/cli.js';
import { freshPgDatabase } from '../support/postgres.js';
import { makeRss } from './fixtures/generated.js';
import { startMockServer, type MockServer } from './mock-server.js';

const SOURCES = 20;
const ITEMS = 3;
const WORKERS = 4;
const PER_WORKER = 2;
const keys = Array.from({ length: SOURCES }, (_, i) => `s${String(i).padStart(2, '0')}`);

let server: MockServer;
let dir: string;
let db: string;
/** Requests per source, one map per round (the test says which round it is). */
let rounds: Map<string, number>[] = [];
/** Requests held until every worker has its sources in flight (or released by hand). */
let held: (() => void)[] = [];
let holdUntil = 0;
let peakHeld = 0;

const rss = 'application/rss+xml';

beforeAll(async () => {
  server = await startMockServer();
  for (const key of keys) {
    server.route(`/${key}`, async (_req, res) => {
      const round = rounds.at(-1);
      round?.set(key, (round.get(key) ?? 0) + 1);
      if (held.length + 1 < holdUntil) {
        // Held until all workers have their sources in flight at once, so the round is shared.
        await new Promise<void>((resolve) => {
          held.push(resolve);
          peakHeld = Math.max(peakHeld, held.length);
        });
      } else if (holdUntil > 0) {
        peakHeld = Math.max(peakHeld, held.length + 1);
        holdUntil = 0;
        for (const release of held.splice(0)) release();
      }
      res.writeHead(200, { 'content-type': rss }).end(makeRss({ origin: server.origin, prefix: key, count: ITEMS }));
    });
  }
  dir = mkdtempSync(join(tmpdir(), 'caixun-worker-'));
});
afterAll(async () => {
  for (const release of held.splice(0)) release();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  db = await freshPgDatabase('worker');
  rounds = [];
  held = [];
  holdUntil = 0;
  peakHeld = 0;
});

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function writeConfig(name: string, sourceKeys: readonly string[]): string {
  const path = join(dir, name);
  const lines = sourceKeys.map(
    (key) => `  - { key: ${key}, kind: feed, url: "${server.origin}/${key}", outlet: 示例财经, every: 1h, fullText: never }`,
  );
  writeFileSync(
    path,
    `sources:\n${lines.join('\n')}\nnetwork: { allowPrivate: true, retries: 0, hosts: { default: { concurrency: 8, minDelay: 0 } } }\n`,
  );
  return path;
}

type LogLine = Record<string, unknown>;

/** A worker process, its log lines as they come, and its exit. */
function spawnWorker(args: readonly string[]) {
  const child = startCli(['worker', '--db', db, ...args]) as unknown as ChildProcessWithoutNullStreams;
  children.push(child);
  const logs: LogLine[] = [];
  const watchers: { test: (l: LogLine) => boolean; resolve: () => void }[] = [];
  let buffer = '';
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      const log = JSON.parse(line) as LogLine;
      logs.push(log);
      for (const w of watchers) if (w.test(log)) w.resolve();
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    logs,
    exited,
    output: () => ({ stdout, stderr }),
    /** Resolves at the first log line (already seen or to come) that passes `test`. */
    seen: (test: (l: LogLine) => boolean) =>
      new Promise<void>((resolve) => {
        if (logs.some(test)) resolve();
        else watchers.push({ test, resolve });
      }),
  };
}

async function queueRows(): Promise<{ source_key: string; round: string; lease_owner: string | null }[]> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    return (await client.query('SELECT source_key, round::text, lease_owner FROM work_queue ORDER BY source_key')).rows;
  } finally {
    await client.end();
  }
}

/** Articles stored, and how many of them are in stories and in the search index (derived). */
async function archiveCounts(): Promise<{ articles: number; inStories: number; indexed: number }> {
  const store = await openStore(db);
  try {
    return {
      articles: await store.countArticles(),
      inStories: await store.stories().countMembers(),
      indexed: await store.search().countDocuments(),
    };
  } finally {
    await store.close();
  }
}

async function articleCount(): Promise<number> {
  return (await archiveCounts()).articles;
}

/** One round: WORKERS `--once` workers at the same time; returns how many sources each polled. */
async function runRound(config: string): Promise<number[]> {
  rounds.push(new Map());
  holdUntil = WORKERS * PER_WORKER;
  const workers = Array.from({ length: WORKERS }, () =>
    spawnWorker(['--config', config, '--once', '--concurrency', String(PER_WORKER), '--log-level', 'warn']),
  );
  const codes = await Promise.all(workers.map((w) => w.exited));
  expect(codes, workers.map((w) => w.output().stderr).join('\n')).toEqual(workers.map(() => 0));
  // Nothing worth a warning: no failed poll, derive or lost lease.
  expect(workers.flatMap((w) => w.logs)).toEqual([]);
  return workers.map((w) => {
    const match = /^worker \S+: polled (\d+) sources: /.exec(w.output().stdout);
    return Number(match?.[1]);
  });
}

it('shares each round among 4 workers: every source polled exactly once, articles stored once', async () => {
  const config = writeConfig('twenty.yaml', keys);
  const first = await runRound(config);
  // All four had their two sources in flight at once, and between them polled every source once.
  expect(peakHeld).toBe(WORKERS * PER_WORKER);
  expect(first.every((n) => n >= PER_WORKER)).toBe(true);
  expect(first.reduce((a, b) => a + b, 0)).toBe(SOURCES);
  expect(keys.map((k) => rounds[0]?.get(k))).toEqual(keys.map(() => 1));
  expect(await queueRows()).toEqual(keys.map((k) => ({ source_key: k, round: '1', lease_owner: null })));
  const total = SOURCES * ITEMS;
  expect(await archiveCounts()).toEqual({ articles: total, inStories: total, indexed: total });

  // Nothing is due for an hour: a pass now polls nothing and exits 0.
  rounds.push(new Map());
  const idle = spawnWorker(['--config', config, '--once', '--log-level', 'warn']);
  expect(await idle.exited).toBe(0);
  expect(idle.output().stdout).toMatch(/^worker \S+: polled 0 sources: 0 new, 0 updated, 0 unchanged, 0 failed\n$/);
  expect(rounds.pop()?.size).toBe(0);

  // The hour passes: round two, the same again, nothing stored twice.
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  await client.query('UPDATE work_queue SET due_at = now()').finally(() => client.end());
  const second = await runRound(config);
  expect(second.reduce((a, b) => a + b, 0)).toBe(SOURCES);
  expect(keys.map((k) => rounds[1]?.get(k))).toEqual(keys.map(() => 1));
  expect(await queueRows()).toEqual(keys.map((k) => ({ source_key: k, round: '2', lease_owner: null })));
  expect(await archiveCounts()).toEqual({ articles: total, inStories: total, indexed: total });
});

it('gives the source of a worker killed mid-poll to another worker once its lease runs out', async () => {
  const config = writeConfig('one.yaml', ['s00']);
  rounds.push(new Map());
  holdUntil = 2; // the first request hangs until released
  const doomed = spawnWorker(['--config', config, '--lease', '1s', '--log-level', 'info']);
  await new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (held.length === 1) {
        clearInterval(check);
        resolve();
      }
    }, 20);
  });
  doomed.child.kill('SIGKILL');
  expect(await doomed.exited).toBeNull();
  const doomedName = doomed.logs.find((l) => l['msg'] === 'worker started')?.['worker'];
  expect((await queueRows())[0]?.lease_owner).toBe(doomedName);

  holdUntil = 0;
  const heir = spawnWorker(['--config', config, '--lease', '1s', '--log-level', 'info']);
  await heir.seen((l) => l['source'] === 's00' && l['msg'] === 'fetch');
  heir.child.kill('SIGTERM');
  expect(await heir.exited).toBe(0);
  const heirName = heir.logs.find((l) => l['msg'] === 'worker started')?.['worker'];
  expect(heirName).not.toBe(doomedName);
  expect(heir.logs.find((l) => l['source'] === 's00')).toMatchObject({ status: 'ok', new: ITEMS, worker: heirName });
  expect(rounds[0]?.get('s00')).toBe(2);
  expect(await queueRows()).toEqual([{ source_key: 's00', round: '1', lease_owner: null }]);
  expect(await articleCount()).toBe(ITEMS);
  for (const release of held.splice(0)) release();
});

it('finishes the poll in flight on SIGTERM, records it and exits 0', async () => {
  const config = writeConfig('term.yaml', ['s01']);
  rounds.push(new Map());
  holdUntil = 2;
  const worker = spawnWorker(['--config', config, '--log-level', 'info']);
  await new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (held.length === 1) {
        clearInterval(check);
        resolve();
      }
    }, 20);
  });
  worker.child.kill('SIGTERM');
  await worker.seen((l) => l['msg'] === 'stopping: finishing in-flight polls');
  for (const release of held.splice(0)) release();
  expect(await worker.exited).toBe(0);
  expect(worker.output().stdout).toMatch(/^caixun: worker \S+ polling 1 sources of .*term\.yaml \(Ctrl-C stops\)\n$/);
  expect(worker.logs.find((l) => l['source'] === 's01')).toMatchObject({ status: 'ok', new: ITEMS });
  expect(worker.logs.at(-1)).toMatchObject({ msg: 'stopped', polled: 1, lost: 0 });
  expect(await queueRows()).toEqual([{ source_key: 's01', round: '1', lease_owner: null }]);
  expect(await articleCount()).toBe(ITEMS);
});

it('refuses a SQLite database with one usage line pointing to caixun start', async () => {
  const config = writeConfig('sqlite.yaml', ['s02']);
  const r = await runCli(['worker', '--db', join(dir, 'caixun.db'), '--config', config]);
  expect(r.status).toBe(2);
  expect(r.stderr).toBe(
    `caixun: worker: --db must be a PostgreSQL URL (postgres://…); for a SQLite archive run caixun start --db ${join(dir, 'caixun.db')}\n`,
  );
  expect(r.stdout).toBe('');
});

it('runs beside caixun serve as a separate process on the same database', async () => {
  const config = writeConfig('serve.yaml', ['s03', 's04']);
  rounds.push(new Map());
  const worker = spawnWorker(['--config', config, '--log-level', 'info']);
  // A derive after both polls: their articles are in stories and the search index.
  const fetched = (): number => worker.logs.filter((x) => x['stage'] === 'fetch').length;
  await worker.seen((l) => l['msg'] === 'derive' && fetched() === 2);
  const serve = startCli(['serve', '--db', db, '--port', '0']) as unknown as ChildProcessWithoutNullStreams;
  children.push(serve);
  const served = new Promise<number | null>((resolve) => serve.on('close', (code) => resolve(code)));
  const origin = await new Promise<string>((resolve) => {
    let out = '';
    serve.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = / at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
  });
  const articles = (await (await fetch(`${origin}/api/articles?limit=50`)).json()) as { articles: { title: string }[] };
  expect(articles.articles.map((a) => a.title).sort()).toEqual(
    ['s03', 's04'].flatMap((k) => Array.from({ length: ITEMS }, (_, i) => `${k}新闻第${i}条`)).sort(),
  );
  const search = (await (await fetch(`${origin}/api/search?q=${encodeURIComponent('s04新闻第1条')}`)).json()) as {
    results: { title: string }[];
  };
  expect(search.results.map((r) => r.title)).toContain('s04新闻第1条');
  const sources = await (await fetch(`${origin}/sources`)).text();
  expect(sources).toContain('s03');
  expect(sources).toContain('s04');
  worker.child.kill('SIGTERM');
  serve.kill('SIGTERM');
  expect(await worker.exited).toBe(0);
  expect(await served).toBe(0);
});
