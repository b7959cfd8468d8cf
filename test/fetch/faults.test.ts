/**
 * The issue's fault list, on a real loopback server and a real store (the suite's backend): for each fault the
 * right articles land once, the right error is recorded in the source's state, and the other
 * sources (and the schedule) go on.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import type { Article } from '../../src/model/article.js';
import { runFetchRound } from '../../src/fetch-round/run-fetch-round.js';
import type { FetchRoundSummary, SourceResult } from '../../src/fetch-round/types.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { testDbSpec } from '../support/backends.js';
import { atomFeed, rssWithContent } from './fixtures/feeds.js';
import { makeArticlePage, makeRss } from './fixtures/generated.js';
import { encodeGbk } from './fixtures/gbk.js';
import { newsApiList } from './fixtures/pages.js';
import { sendBody, startMockServer, type MockServer } from './mock-server.js';

let server: MockServer;
let store: Store;
let first: FetchRoundSummary;
let second: FetchRoundSummary;
const T0 = Date.parse('2021-12-21T00:00:00Z');
let clock = T0;
const now = (): Date => new Date(clock);

const gbkPage = (title: string): Buffer =>
  encodeGbk(makeArticlePage(title, '国债收益率', 'x').replace('<meta charset="x">', ''));

/** Source key → [path, extra source fields]. */
const SOURCES: Record<string, [string, string]> = {
  good: ['/good', ''],
  e500: ['/e500', ''],
  e503once: ['/e503once', ''],
  e429: ['/e429', ''],
  reset: ['/reset', ''],
  stall: ['/stall', ''],
  truncxml: ['/truncxml', ''],
  truncjson: ['/truncjson', 'kind: newsapi, newsapi: { recordsPath: data.list, fields: { code: infoCode } }'],
  huge: ['/huge', ''],
  hugedeclared: ['/hugedeclared', ''],
  loop: ['/loop', ''],
  gbk: ['/gbk.html', 'kind: page'],
  wronglabel: ['/wrong.html', 'kind: page'],
  atom: ['/atom', ''],
  dups: ['/dups', ''],
  summaries: ['/summaries', 'fullText: auto'],
};

beforeAll(async () => {
  server = await startMockServer({
    '/good': sendBody(makeRss({ origin: 'http://x', prefix: 'good', count: 3 }), 'application/rss+xml'),
    '/e500': (_req, res) => void res.writeHead(500).end(),
    '/e503once': (_req, res, hit) => {
      if (hit === 1) res.writeHead(503).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(makeRss({ origin: 'http://x', prefix: 'late', count: 2 }));
    },
    '/e429': (_req, res) => void res.writeHead(429, { 'retry-after': '7200' }).end(),
    '/reset': (req) => void req.socket.destroy(),
    '/stall': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write(makeRss({ origin: 'http://x', prefix: 'stall', count: 5 }).slice(0, 300));
      // …and never ends: the body timeout fires.
    },
    '/truncxml': sendBody(makeRss({ origin: 'http://x', prefix: 't', count: 3 }).slice(0, 400), 'application/rss+xml'),
    '/truncjson': sendBody(newsApiList(['A1', 'A2']).slice(0, 60), 'application/json'),
    '/huge': (_req, res) => {
      // 50 MB, chunked (no Content-Length): the cap stops reading at 10 MB.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(1 << 20, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
        else res.once('drain', pump);
      };
      res.on('error', () => {});
      pump();
    },
    '/hugedeclared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(50 << 20) });
      res.write('<rss>');
    },
    '/loop': (_req, res) => void res.writeHead(302, { location: '/loop2' }).end(),
    '/loop2': (_req, res) => void res.writeHead(302, { location: '/loop' }).end(),
    '/gbk.html': sendBody(gbkPage('国债期货全线收涨'), 'text/html'),
    '/wrong.html': sendBody(gbkPage('声明错误的页面'), 'text/html; charset=utf-8'),
    '/atom': sendBody(atomFeed, 'application/atom+xml'),
    '/dups': sendBody(rssWithContent, 'application/rss+xml'),
  });
  const o = server.origin;
  server.route(
    '/summaries',
    sendBody(makeRss({ origin: o, prefix: 'sum', count: 3, full: false, noDate: true }), 'application/rss+xml'),
  );
  server.route('/article/sum-0.html', sendBody(makeArticlePage('摘要条目零', 'sum-0'), 'text/html'));
  server.route('/article/sum-1.html', sendBody(makeArticlePage('摘要条目一', 'sum-1'), 'text/html'));
  // sum-2's page is missing in the first round and appears in the second.
  let sum2 = 0;
  server.route('/article/sum-2.html', (_req, res) => {
    if (++sum2 === 1) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html' }).end(makeArticlePage('摘要条目二', 'sum-2'));
  });

  // The stall runs in its own rounds with a short body timeout; the others get generous
  // timeouts, so on a loaded machine a 10 MB body never races the stall's timer.
  const configOf = (keys: string[], bodyTimeout: string) => {
    const lines = Object.entries(SOURCES).filter(([key]) => keys.includes(key)).map(
      ([key, [path, extra]]) =>
        `  - { key: ${key}, kind: feed, url: "${o}${path}", outlet: 示例财经, every: 10m, fullText: never${extra ? `, ${extra}` : ''} }`,
    );
    // A flow mapping may not repeat a key: the extras replace the defaults they name.
    const yaml = lines
      .map((l) => (l.includes('kind: newsapi') || l.includes('kind: page') ? l.replace('kind: feed, ', '') : l))
      .map((l) => (l.includes('fullText: auto') ? l.replace('fullText: never, ', '') : l))
      .join('\n');
    return parseConfig(`sources:\n${yaml}
network:
  allowPrivate: true
  retries: 1
  retryDelay: 10ms
  connectTimeout: 60s
  headersTimeout: 60s
  bodyTimeout: ${bodyTimeout}
  hosts:
    default: { concurrency: 4, minDelay: 0 }
schedule:
  backoffCeiling: 6h
  jitter: 0
`);
  };
  const keys = Object.keys(SOURCES);
  const main = configOf(keys.filter((k) => k !== 'stall'), '120s');
  const stall = configOf(['stall'], '700ms');
  const round = async (): Promise<FetchRoundSummary> => {
    const rest = await runFetchRound(main, store, { now });
    const stalled = await runFetchRound(stall, store, { now });
    return { ...rest, sources: [...rest.sources, ...stalled.sources] };
  };
  store = await openStore(await testDbSpec(mkdtempSync(join(tmpdir(), 'caixun-faults-')), 'faults.db'));
  first = await round();
  clock = T0 + 60_000;
  second = await round();
});

afterAll(async () => {
  await store.close();
  await server.close();
});

const result = (summary: FetchRoundSummary, key: string): SourceResult => {
  const r = summary.sources.find((s) => s.key === key);
  if (!r) throw new Error(`no result for ${key}`);
  return r;
};
const stateOf = async (key: string) => store.sourceStates().getSourceState(key);
const minutes = (n: number): string => new Date(T0 + n * 60_000).toISOString();

describe('fault list (one round with every fault, then a second round)', () => {
  it.each([
    ['e500', 'http-5xx', /\/e500: HTTP 500$/],
    ['e429', 'http-4xx', /\/e429: HTTP 429$/],
    ['reset', 'network', /socket hang up|ECONNRESET/],
    ['stall', 'timeout', /no complete body within 700 ms/],
    ['truncxml', 'parse', /./],
    ['truncjson', 'parse', /./],
    ['huge', 'too-large', /body exceeds 10485760 bytes/],
    ['hugedeclared', 'too-large', /body of 52428800 bytes exceeds 10485760/],
    ['loop', 'too-many-redirects', /more than 5 redirects/],
  ])('%s fails as %s, is recorded and backs off', async (key, kind, message) => {
    expect(result(first, key)).toMatchObject({ status: 'failed', errorKind: kind, new: 0 });
    expect(result(second, key)).toMatchObject({ status: 'failed', errorKind: kind });
    const state = await stateOf(key);
    expect(state).toMatchObject({ lastErrorKind: kind, consecutiveFailures: 2, lastSuccessAt: null });
    expect(state?.lastError).toMatch(message);
  });

  it('retries 5xx and resets (one retry) but never 4xx', () => {
    expect(server.hits.get('/e500')).toBe(4);
    expect(server.hits.get('/reset')).toBe(4);
    expect(server.hits.get('/e429')).toBe(2);
    // Not retried: each round follows the loop 5 times (/loop 3 times) and gives up.
    expect(server.hits.get('/loop')).toBe(6);
  });

  it('schedules by backoff, or by Retry-After when the server asks for longer', async () => {
    // Second failure at T0+1m: every (10m) × 2 = 20 minutes later.
    expect((await stateOf('e500'))?.nextDueAt).toBe(minutes(21));
    // Retry-After: 2 hours.
    expect((await stateOf('e429'))?.nextDueAt).toBe(minutes(121));
  });

  it('recovers from a 503 by retrying within the round', async () => {
    expect(result(first, 'e503once')).toMatchObject({ status: 'ok', new: 2 });
    expect(server.hits.get('/e503once')).toBe(3);
    expect(await stateOf('e503once')).toMatchObject({ consecutiveFailures: 0, lastError: null });
  });

  it('goes on with the healthy sources: stored once, unchanged the second time', async () => {
    expect(result(first, 'good')).toMatchObject({ status: 'ok', new: 3 });
    expect(result(second, 'good')).toMatchObject({ status: 'ok', new: 0, unchanged: 3 });
    expect(await stateOf('good')).toMatchObject({ itemsFetched: 6, nextDueAt: minutes(11) });
  });

  it('decodes a GBK page without any charset declaration', async () => {
    expect(result(first, 'gbk')).toMatchObject({ status: 'ok', new: 1 });
    const [article] = await articlesOf('gbk');
    expect(article?.title).toBe('国债期货全线收涨');
    expect(article?.text).toContain('国债收益率第1段：');
    expect(article?.publishedAt).toBe('2021-12-20T18:30:00+08:00');
    expect(article?.provenance.source).toBe('示例通讯社');
  });

  it('decodes a GBK page whose header wrongly says UTF-8', async () => {
    const [article] = await articlesOf('wronglabel');
    expect(article?.title).toBe('声明错误的页面');
    expect(article?.text).not.toContain('\ufffd');
  });

  it('resolves the relative links of an Atom feed', async () => {
    const [article] = await articlesOf('atom');
    expect(article?.url).toBe('https://atom.example.com/news/2021/12/bond.html');
    // The body's relative image resolves against the entry's (absolute) link.
    expect(article?.images).toEqual(['https://atom.example.com/news/2021/img/chart.png']);
  });

  it('stores a duplicated GUID once, and an item without a date with a flag', async () => {
    expect(result(first, 'dups')).toMatchObject({ items: 3, new: 2 });
    const articles = await articlesOf('dups');
    expect(articles.map((a) => a.title).sort()).toEqual(['没有日期的快讯', '示例指数收涨']);
    const undated = articles.find((a) => a.title === '没有日期的快讯');
    expect(undated?.publishedAt).toBeNull();
    expect(undated?.flags.map((f) => f.code)).toContain('missing-date');
  });

  it('fetches the page of summary-only items, keeps a summary when the page fails, and completes it later', async () => {
    expect(result(first, 'summaries')).toMatchObject({ status: 'ok', new: 3, itemFailures: 1 });
    const articles = await articlesOf('summaries');
    expect(articles).toHaveLength(3);
    const full = articles.find((a) => a.title === 'sum新闻第0条');
    expect(full?.text).toContain('sum-0第4段');
    expect(full?.digest).toBe('sum摘要0');
    // The item has no date; the page's dateline fills it.
    expect(full?.publishedAt).toBe('2021-12-20T18:30:00+08:00');
    // sum-2: summary stored in round 1, replaced by its page in round 2 (a revision).
    expect(result(second, 'summaries')).toMatchObject({ new: 0, updated: 1, unchanged: 2 });
    const completed = articles.find((a) => a.title === 'sum新闻第2条');
    expect(completed?.text).toContain('sum-2第1段');
    expect(completed?.flags.map((f) => f.code)).not.toContain('summary-only');
    expect((await store.getRevisions(completed!.id)).map((r) => r.article.text)).toEqual(['sum摘要2']);
    // Pages of stored items are not fetched again.
    expect(server.hits.get('/article/sum-0.html')).toBe(1);
  });

  it('stores nothing twice overall', async () => {
    const urls: string[] = [];
    for await (const a of store.iterateArticles()) if (a.url) urls.push(a.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(await store.countArticles()).toBe(3 + 2 + 1 + 1 + 1 + 2 + 3);
  });
});

/** Articles of one source: an outlet caixun does not know files under the source's key. */
async function articlesOf(key: string): Promise<Article[]> {
  const out: Article[] = [];
  for await (const a of store.iterateArticles()) if (a.outletKey === key) out.push(a);
  return out;
}
