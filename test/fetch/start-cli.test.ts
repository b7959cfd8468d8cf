/**
 * `caixun start` (scheduler + web server in one child process) until SIGTERM, then
 * `caixun sources` on the same database.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCli } from '../support/cli.js';
import { makeRss } from './fixtures/generated.js';
import { sendBody, startMockServer, type MockServer } from './mock-server.js';

let server: MockServer;
let dir: string;
beforeAll(async () => {
  server = await startMockServer({
    '/ok': sendBody(makeRss({ origin: 'http://x', prefix: 'ok', count: 4 }), 'application/rss+xml'),
    '/down': (_req, res) => void res.writeHead(503).end(),
  });
  dir = mkdtempSync(join(tmpdir(), 'caixun-start-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

type LogLine = Record<string, unknown>;

/** Runs a CLI child to completion. */
function run(args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = startCli(args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

it('runs the scheduler and the web server until SIGTERM; sources shows their health', async () => {
  const config = join(dir, 'start.yaml');
  writeFileSync(
    config,
    `sources:
  - { key: ok, kind: feed, url: "${server.origin}/ok", outlet: 示例财经, every: 1h, fullText: never }
  - { key: down, kind: feed, url: "${server.origin}/down", outlet: 示例财经, every: 1h }
network: { allowPrivate: true, retries: 0, hosts: { default: { concurrency: 2, minDelay: 0 } } }
`,
  );
  const db = join(dir, 'start.db');
  const child = startCli(['start', '--config', config, '--db', db, '--port', '0', '--log-level', 'info']);
  const logs: LogLine[] = [];
  let buffer = '';
  const seen = new Promise<void>((resolve) => {
    child.stderr.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      const fetched = logs.filter((l) => l['stage'] === 'fetch').length;
      if (fetched >= 2 && logs.some((l) => l['msg'] === 'derive')) resolve();
    });
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  await seen;
  const url = logs.find((l) => l['msg'] === 'web server listening')?.['url'];
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  // One human line on stdout says where the UI is.
  expect(stdout).toBe(`caixun: serving ${db} at ${String(url)}/ and polling ${config} (Ctrl-C stops)\n`);

  // A second start on the same port fails with one line and exit 2, not a stack trace.
  const port = new URL(String(url)).port;
  const busy = await run(['start', '--config', config, '--db', join(dir, 'busy.db'), '--port', port, '--log-level', 'silent']);
  expect(busy.status).toBe(2);
  expect(busy.stderr).toBe(`caixun: web: cannot listen on 127.0.0.1:${port} (EADDRINUSE); choose another --port\n`);
  const page = await fetch(`${String(url)}/sources`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('down');
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(logs.at(-1)).toMatchObject({ msg: 'stopped' });
  expect(logs.find((l) => l['source'] === 'ok')).toMatchObject({ msg: 'fetch', status: 'ok', new: 4 });
  expect(logs.find((l) => l['source'] === 'down')).toMatchObject({
    msg: 'fetch failed',
    status: 'failed',
    errorKind: 'http-5xx',
  });

  const sources = await run(['sources', '--db', db, '--json']);
  expect(sources.status).toBe(0);
  const rows = sources.stdout.trim().split('\n').map((l) => JSON.parse(l) as LogLine);
  expect(rows.map((r) => Object.keys(r))).toEqual(
    Array(2).fill([
      'key',
      'outlet',
      'kind',
      'lastAttemptAt',
      'lastSuccessAt',
      'lastError',
      'consecutiveFailures',
      'itemsFetched',
      'nextDueAt',
    ]),
  );
  expect(rows.map((r) => [r['key'], r['outlet'], r['kind'], r['consecutiveFailures'], r['itemsFetched']])).toEqual([
    ['down', '示例财经', 'feed', 1, 0],
    ['ok', '示例财经', 'feed', 0, 4],
  ]);
  expect(rows[0]?.['lastError']).toBe(`http-5xx: fetch: ${server.origin}/down: HTTP 503`);
  expect(rows[0]?.['lastSuccessAt']).toBeNull();
  expect(typeof rows[1]?.['lastSuccessAt']).toBe('string');

  const table = await run(['sources', '--db', db]);
  expect(table.stdout.split('\n')[0]).toMatch(/^source +kind +last attempt +last success +fails +items +next due +last error$/);
  expect(table.stdout).toMatch(/\ndown +feed .* 1 +0 .* http-5xx: fetch: /);
});
