/** `caixun serve` as a user runs it: the real CLI in a child process on a free loopback port. */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivePending } from '../../src/derive/derive-pending.js';
import { openStore } from '../../src/store/open-store.js';
import { testDbSpec } from '../support/backends.js';
import { runCli, startCli } from '../support/cli.js';
import { makeArticle } from '../support/make-article.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-serve-'));
  db = await testDbSpec(dir, 'serve.db');
  const store = await openStore(db);
  await store.upsertArticles([makeArticle()]);
  await derivePending(store);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caixun serve', () => {
  it('prints its URL, serves the home page and the API, and exits 0 on SIGTERM', async () => {
    const child = startCli(['serve', '--db', db, '--port', '0']);
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('某市一季度工业增加值同比增长5%');
    const api = (await (await fetch(`${url}/api/stories`)).json()) as { stories: { articleIds: string[] }[] };
    expect(api.stories.map((s) => s.articleIds)).toEqual([['testoutlet:1']]);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('exits 3 for a missing database and 2 for a port in use or a bad public URL', async () => {
    const badUrl = await runCli(['serve', '--db', db, '--port', '0', '--public-url', 'news.example.org/x']);
    expect(badUrl.status).toBe(2);
    expect(badUrl.stderr).toContain('--public-url must be an origin');
    const startBadUrl = await runCli(['start', '--db', db, '--port', '0', '--public-url', 'news.example.org/x']);
    expect(startBadUrl.status).toBe(2);
    expect(startBadUrl.stderr).toContain('start: --public-url must be an origin');
    const help = (await runCli(['start', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--public-url <url> absolute origin used in feed links (default: the address the server listens on)');
    // A database caixun never wrote: no file (SQLite), an empty database (PostgreSQL).
    const missing = await runCli(['serve', '--db', await testDbSpec(dir, 'nope.db'), '--port', '0']);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('no database at');
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = (blocker.address() as { port: number }).port;
    try {
      const busy = await runCli(['serve', '--db', db, '--port', String(port)]);
      expect(busy.status).toBe(2);
      expect(busy.stderr).toContain(`cannot listen on 127.0.0.1:${port} (EADDRINUSE); choose another --port`);
    } finally {
      blocker.close();
    }
  });
});
