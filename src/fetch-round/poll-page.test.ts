import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeArticlePage } from '../../test/fetch/fixtures/generated.js';
import { sendBody, sendWithEtag, startMockServer, type MockServer } from '../../test/fetch/mock-server.js';
import { parseConfig } from '../config/load-config.js';
import { testDbSpec } from '../../test/support/backends.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { runFetchRound } from './run-fetch-round.js';

let server: MockServer;
let edition = 1;
beforeAll(async () => {
  server = await startMockServer({
    '/list': sendWithEtag(
      () =>
        `<ul class="news"><li><a href="/p/1.html">一</a></li><li><a href="p/2.html">二</a></li></ul>
         <a href="/about.html">关于</a>`,
      'text/html; charset=utf-8',
      '"l1"',
    ),
    '/p/1.html': sendBody(makeArticlePage('列表文章一', 'p1'), 'text/html'),
    '/p/2.html': sendBody(makeArticlePage('列表文章二', 'p2'), 'text/html'),
    '/direct.html': (_req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(makeArticlePage(edition === 1 ? '直接文章' : '直接文章（更新）', 'direct')),
  });
});
afterAll(() => server.close());
let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-page-'));
  store = await openStore(await testDbSpec(dir));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const config = () =>
  parseConfig(`
sources:
  - key: listed
    kind: page
    url: ${server.origin}/list
    outlet: 示例网
    page: { links: ".news a", maxLinks: 10 }
  - key: direct
    kind: page
    url: ${server.origin}/direct.html
    outlet: 示例网
network: { allowPrivate: true, retries: 0, hosts: { default: { concurrency: 2, minDelay: 0 } } }
schedule: { jitter: 0 }
`);

describe('page sources', () => {
  it('follows the list page links once; re-reads configured pages and keeps edits as revisions', async () => {
    edition = 1;
    const one = await runFetchRound(config(), store);
    expect(one.sources.map((s) => [s.key, s.status, s.items, s.new])).toEqual([
      ['listed', 'ok', 2, 2],
      ['direct', 'ok', 1, 1],
    ]);
    const titles: string[] = [];
    for await (const a of store.iterateArticles()) titles.push(`${a.title}|${a.format}|${a.url ?? ''}`);
    expect(titles.sort()).toEqual(
      [
        `列表文章一|page|${server.origin}/p/1.html`,
        `列表文章二|page|${server.origin}/p/2.html`,
        `直接文章|page|${server.origin}/direct.html`,
      ].sort(),
    );
    edition = 2;
    const two = await runFetchRound(config(), store);
    expect(two.sources.map((s) => [s.key, s.status, s.updated])).toEqual([
      ['listed', 'not-modified', 0],
      ['direct', 'ok', 1],
    ]);
    expect(server.hits.get('/p/1.html')).toBe(1);
    expect(await store.countArticles()).toBe(3);
  });
});
