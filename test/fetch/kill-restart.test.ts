/**
 * `caixun fetch` killed with SIGKILL mid-round (a child process, real SQLite file, real HTTP on
 * loopback), then run again: nothing it had fetched is lost and nothing is stored twice.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.js';
import { makeRss } from './fixtures/generated.js';
import { startMockServer, type MockServer } from './mock-server.js';

const SOURCES = 12;
const ITEMS = 5;
/** Sources 0‥5 answer at once; 6‥11 hang until released (the kill comes first). */
const PROMPT = 6;
let server: MockServer;
let dir: string;
let stalled = true;
const waiting: (() => void)[] = [];

beforeAll(async () => {
  server = await startMockServer();
  for (let i = 0; i < SOURCES; i++) {
    server.route(`/f/${i}`, async (_req, res) => {
      if (i >= PROMPT && stalled) await new Promise<void>((r) => waiting.push(r));
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(makeRss({ origin: server.origin, prefix: `k${i}`, count: ITEMS }));
    });
  }
  dir = mkdtempSync(join(tmpdir(), 'caixun-fetch-kill-'));
});
afterAll(async () => {
  for (const release of waiting) release();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function count(db: string, sql: string): number {
  if (!existsSync(db)) return 0;
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (conn.prepare(sql).get() as { n: number }).n;
  } catch {
    return 0; // schema not created yet
  } finally {
    conn.close();
  }
}

it('loses nothing fetched and duplicates nothing after a SIGKILL mid-round', async () => {
  const config = join(dir, 'kill.yaml');
  const lines = Array.from(
    { length: SOURCES },
    (_, i) => `  - { key: s${i}, kind: feed, url: "${server.origin}/f/${i}", outlet: 示例, fullText: never }`,
  );
  writeFileSync(
    config,
    `sources:\n${lines.join('\n')}\nnetwork:\n  allowPrivate: true\n  retries: 0\n  hosts:\n    default: { concurrency: 16, minDelay: 0 }\n`,
  );
  const db = join(dir, 'kill.db');
  const child = startCli(['fetch', '--config', config, '--db', db, '--log-level', 'silent']);
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  // Wait until the prompt sources are stored and every stalled request is in flight.
  const want = PROMPT * ITEMS;
  for (let i = 0; i < 600; i++) {
    if (count(db, 'SELECT count(*) AS n FROM articles') >= want && waiting.length === SOURCES - PROMPT) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  await exited;
  expect(count(db, 'SELECT count(*) AS n FROM articles')).toBe(want);
  // Killed before the derive step: nothing folded into stories yet.
  expect(count(db, 'SELECT count(*) AS n FROM story_members')).toBe(0);

  stalled = false;
  for (const release of waiting.splice(0)) release();
  const again = runCli(['fetch', '--config', config, '--db', db, '--json', '--log-level', 'silent']);
  const second = JSON.parse((await again).stdout) as { new: number; unchanged: number; failed: number; derived: Record<string, number> };
  expect(second).toMatchObject({ new: (SOURCES - PROMPT) * ITEMS, unchanged: want, failed: 0 });
  // The restart derives the killed run's articles too.
  expect(second.derived['stories']).toBe(SOURCES * ITEMS);
  expect(count(db, 'SELECT count(*) AS n FROM articles')).toBe(SOURCES * ITEMS);
  expect(count(db, 'SELECT count(DISTINCT url) AS n FROM articles')).toBe(SOURCES * ITEMS);
  expect(count(db, 'SELECT count(*) AS n FROM article_revisions')).toBe(0);
});
