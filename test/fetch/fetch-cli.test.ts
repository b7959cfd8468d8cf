/**
 * `caixun fetch` end to end: a real HTTP server on 127.0.0.1, a fresh store of the suite's backend
 * and the real CLI in a child process (the built one under `npm test`). A fetch round writes
 * only to a SQLite file: on PostgreSQL `caixun worker --once` polls through the shared queue
 * instead (test/fetch/worker.test.ts), and `fetch` says so.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BACKEND, testDbSpec } from '../support/backends.js';
import { runCli } from '../support/cli.js';
import { atomFeed, jsonFeed, rssHubFeed } from './fixtures/feeds.js';
import { sendBody, sendWithEtag, startMockServer, type MockServer } from './mock-server.js';

let server: MockServer;
let dir: string;

beforeAll(async () => {
  server = await startMockServer({
    '/rss': sendWithEtag(() => rssHubFeed('x'), 'application/rss+xml; charset=utf-8', '"r1"'),
    '/atom': sendWithEtag(() => atomFeed, 'application/atom+xml', '"a1"'),
    '/json': (req, res) => {
      const lm = 'Mon, 20 Dec 2021 12:00:00 GMT';
      if (req.headers['if-modified-since'] === lm) res.writeHead(304).end();
      else
        res
          .writeHead(200, { 'content-type': 'application/feed+json', 'last-modified': lm })
          .end(jsonFeed);
    },
    '/plain': sendBody(rssHubFeed('y'), 'application/xml'),
    '/down': (_req, res) => void res.writeHead(500).end(),
  });
  dir = mkdtempSync(join(tmpdir(), 'caixun-fetch-'));
});
afterAll(() => server.close());

function writeConfig(
  name: string,
  sources: readonly [string, string][],
  allowPrivate = true,
): string {
  const file = join(dir, name);
  const lines = sources.map(
    ([key, path]) =>
      `  - { key: ${key}, kind: feed, url: "${server.origin}${path}", outlet: 新浪财经, every: 5m, fullText: never }`,
  );
  writeFileSync(
    file,
    `sources:\n${lines.join('\n')}\nnetwork:\n  allowPrivate: ${allowPrivate}\n  retries: 0\n  hosts:\n    default: { concurrency: 4, minDelay: 0 }\n`,
  );
  return file;
}

describe.skipIf(TEST_BACKEND === 'postgres')('caixun fetch (child process)', () => {
  it('stores every feed once; the second round is not modified / unchanged', async () => {
    const config = writeConfig('ok.yaml', [
      ['rss', '/rss'],
      ['atom', '/atom'],
      ['json', '/json'],
      ['plain', '/plain'],
    ]);
    const db = await testDbSpec(dir, 'ok.db');
    const first = await runCli(['fetch', '--config', config, '--db', db, '--json']);
    expect(first.status).toBe(0);
    // stderr carries the structured log: one line per source, then the derive step.
    const logs = first.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logs.filter((l) => l['msg'] === 'fetch').map((l) => l['source']).sort()).toEqual([
      'atom',
      'json',
      'plain',
      'rss',
    ]);
    expect(logs.find((l) => l['source'] === 'rss')).toMatchObject({
      status: 'ok',
      url: `${server.origin}/rss`,
      new: expect.any(Number) as number,
      updated: 0,
      durationMs: expect.any(Number) as number,
    });
    expect(logs.at(-1)).toMatchObject({ msg: 'derive', stage: 'derive', stories: 5 });
    const one = JSON.parse(first.stdout) as {
      new: number;
      failed: number;
      sources: { key: string; status: string; new: number }[];
    };
    expect(one).toMatchObject({ failed: 0 });
    // /rss and /plain serve the same items: the same ids, stored once.
    expect(one.new).toBe(5);

    const second = await runCli(['fetch', '--config', config, '--db', db]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(
      /^fetched 4 sources in [\d.]+ s: 0 new, 0 updated, 2 unchanged, 3 not modified, 0 failed, 0 skipped\n/,
    );
    expect(second.stdout).toMatch(/\n {2}rss +not modified\n/);
    expect(second.stdout).toMatch(/\n {2}plain +ok \(2 items: 0 new, 0 updated, 2 unchanged\)\n/);
  });

  it('exits 0 when some sources fail and 1 when all of them do', async () => {
    const db = await testDbSpec(dir, 'mixed.db');
    const mixed = await runCli([
      'fetch',
      '--config',
      writeConfig('mixed.yaml', [
        ['rss', '/rss'],
        ['down', '/down'],
      ]),
      '--db',
      db,
    ]);
    expect(mixed.status).toBe(0);
    expect(mixed.stdout).toMatch(
      /\n {2}down +FAILED http-5xx: fetch: http:\/\/127\.0\.0\.1:\d+\/down: HTTP 500\n/,
    );
    const all = await runCli([
      'fetch',
      '--config',
      writeConfig('down.yaml', [
        ['down', '/down'],
        ['gone', '/gone'],
      ]),
      '--db',
      db,
    ]);
    expect(all.status).toBe(1);
    expect(all.stdout).toMatch(/\n {2}gone +FAILED http-4xx/);
  });

  it('refuses the loopback server when allowPrivate is false', async () => {
    const config = writeConfig('private.yaml', [['rss', '/rss']], false);
    const before = server.hits.get('/rss');
    const r = await runCli(['fetch', '--config', config, '--db', await testDbSpec(dir, 'private.db')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAILED private-address');
    expect(server.hits.get('/rss')).toBe(before);
  });
});

describe('caixun fetch: bad input (child process)', () => {
  it('ends a bad configuration with a clear message and exit 2', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'sources:\n  - { key: a, kind: feed, url: "https://e.org/", outlet: x }\n  - { key: b, kind: feed, url: "https://e.org/", outlet: x, every: often }\n',
    );
    const r = await runCli(['fetch', '--config', file, '--db', await testDbSpec(dir, 'bad.db')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `caixun: config: ${file} is invalid:\n  sources[1].every: expected a duration like 5m\n`,
    );
    const missing = await runCli(['fetch', '--config', join(dir, 'nope.yaml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^caixun: config: cannot read .*nope\.yaml: ENOENT\n$/);
  });
});

describe.runIf(TEST_BACKEND === 'postgres')('caixun fetch on PostgreSQL (child process)', () => {
  it('is a usage error (exit 2) that names the worker command, and polls nothing', async () => {
    const config = writeConfig('pg.yaml', [['rss', '/rss']]);
    const before = server.hits.get('/rss');
    const r = await runCli(['fetch', '--config', config, '--db', await testDbSpec(dir)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'caixun: fetch: with a PostgreSQL database run `caixun worker --once --db URL --config FILE` (it polls through the shared queue)\n',
    );
    expect(server.hits.get('/rss')).toBe(before);
  });
});

describe('caixun fetch with an empty source list', () => {
  it('reports a bad configuration with exit 2', async () => {
    const file = join(dir, 'bad-main.yaml');
    writeFileSync(file, 'sources: []\n');
    const r = await runCli(['fetch', '--config', file, '--db', await testDbSpec(dir, 'main.db')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('sources: expected at least one source');
  });
});
