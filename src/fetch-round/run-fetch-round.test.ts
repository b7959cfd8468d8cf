import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rssHubFeed, rssWithContent } from '../../test/fetch/fixtures/feeds.js';
import { newsApiDetail, newsApiList } from '../../test/fetch/fixtures/pages.js';
import {
  sendBody,
  sendWithEtag,
  startMockServer,
  type MockServer,
} from '../../test/fetch/mock-server.js';
import { parseConfig } from '../config/load-config.js';
import { testDbSpec } from '../../test/support/backends.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { createHttpClient } from '../sources/fetch/http-client.js';
import type { FetchRoundEvent } from './types.js';
import { runFetchRound } from './run-fetch-round.js';

let server: MockServer;
let dir: string;
let store: Store;
let feedVersion = 1;
let c3Requests = 0;
const client = createHttpClient({ allowPrivate: true, retries: 1, sleep: async () => {} });
const clock = () => new Date('2021-12-21T00:00:00Z');

beforeAll(async () => {
  server = await startMockServer({
    '/rss': sendWithEtag(
      () =>
        rssHubFeed(
          'x',
          feedVersion > 1
            ? '<item><title>新增条目</title><guid>new-1</guid><description>新的正文。</description></item>'
            : '',
        ),
      'application/rss+xml',
      '"v1"',
    ),
    '/dup': sendBody(rssWithContent, 'application/xml'),
    '/broken': sendBody('<rss><channel><item>', 'application/xml'),
    '/down': (_req, res) => void res.writeHead(503).end(),
    '/api/list': sendBody(newsApiList(['C1', 'C2', 'C3']), 'application/json'),
    '/api/text': (req, res) => {
      const code = new URL(req.url ?? '/', 'http://x').searchParams.get('code') ?? '';
      if (code === 'C3' && ++c3Requests <= 2) res.writeHead(500).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(newsApiDetail(code));
    },
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-round-'));
  store = await openStore(await testDbSpec(dir));
  feedVersion = 1;
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const configFor = (sources: string): ReturnType<typeof parseConfig> =>
  parseConfig(`
sources:
${sources.replaceAll('ORIGIN', server.origin)}
network:
  allowPrivate: true
  hosts:
    default: { concurrency: 2, minDelay: 0 }
schedule:
  backoffCeiling: 1h
  jitter: 0
`);

const feedSource = (key: string, path: string, outlet = '新浪财经') =>
  `  - { key: ${key}, kind: feed, url: ORIGIN${path}, outlet: ${outlet}, every: 5m, fullText: never }\n`;

describe('runFetchRound', () => {
  it('stores a feed, then sees it unchanged via 304, then picks up a new item', async () => {
    const config = configFor(feedSource('sina', '/rss'));
    const first = await runFetchRound(config, store, { client, now: clock });
    expect(first).toMatchObject({ new: 2, failed: 0, notModified: 0 });
    expect(first.sources[0]).toMatchObject({ key: 'sina', status: 'ok', items: 2, new: 2 });
    const state = await store.sourceStates().getSourceState('sina');
    expect(state).toMatchObject({
      etag: '"v1"',
      consecutiveFailures: 0,
      itemsFetched: 2,
      nextDueAt: '2021-12-21T00:05:00.000Z',
    });

    const second = await runFetchRound(config, store, { client, now: clock });
    expect(second.sources[0]).toMatchObject({ status: 'not-modified', new: 0 });
    expect(await store.countArticles()).toBe(2);

    // A changed feed without a matching ETag: the old items are unchanged, one is new.
    await store.sourceStates().putSourceState({ ...state!, etag: null });
    feedVersion = 2;
    const third = await runFetchRound(config, store, { client, now: clock });
    expect(third.sources[0]).toMatchObject({ status: 'ok', new: 1, unchanged: 2 });
  });

  it('stores an item repeated in a feed once', async () => {
    const summary = await runFetchRound(configFor(feedSource('dup', '/dup', '示例财经')), store, {
      client,
      now: clock,
    });
    expect(summary.sources[0]).toMatchObject({ items: 3, new: 2 });
    expect(await store.countArticles()).toBe(2);
  });

  it('records each failure and goes on with the other sources', async () => {
    const events: FetchRoundEvent[] = [];
    const config = configFor(
      feedSource('good', '/rss') +
        feedSource('broken', '/broken') +
        feedSource('down', '/down') +
        feedSource('gone', '/gone') +
        '  - { key: paper, kind: feed, url: ORIGIN/rss, outlet: 示例, enabled: false }\n',
    );
    const summary = await runFetchRound(config, store, {
      client,
      now: clock,
      onEvent: (e) => events.push(e),
    });
    const byKey = Object.fromEntries(summary.sources.map((r) => [r.key, r]));
    expect(byKey['good']).toMatchObject({ status: 'ok', new: 2 });
    expect(byKey['broken']).toMatchObject({ status: 'failed', errorKind: 'parse' });
    expect(byKey['down']).toMatchObject({ status: 'failed', errorKind: 'http-5xx' });
    expect(byKey['gone']).toMatchObject({ status: 'failed', errorKind: 'http-4xx' });
    expect(byKey['paper']).toMatchObject({ status: 'skipped', reason: 'disabled' });
    expect(summary).toMatchObject({ failed: 3, skipped: 1 });
    expect(events.filter((e) => e.type === 'source-done')).toHaveLength(4);

    const down = await store.sourceStates().getSourceState('down');
    expect(down).toMatchObject({
      consecutiveFailures: 1,
      lastErrorKind: 'http-5xx',
      nextDueAt: '2021-12-21T00:05:00.000Z',
    });
    await runFetchRound(config, store, { client, now: clock, only: ['down'] });
    await runFetchRound(config, store, { client, now: clock, only: ['down'] });
    expect(await store.sourceStates().getSourceState('down')).toMatchObject({
      consecutiveFailures: 3,
      nextDueAt: '2021-12-21T00:20:00.000Z',
    });
  });

  it('skips sources that are not due when asked to', async () => {
    const config = configFor(feedSource('sina', '/rss'));
    await runFetchRound(config, store, { client, now: clock });
    const again = await runFetchRound(config, store, { client, now: clock, onlyDue: true });
    expect(again.sources[0]).toMatchObject({
      status: 'skipped',
      reason: 'not due until 2021-12-21T00:05:00.000Z',
    });
  });

  it('reads a news API list and fetches each new detail once', async () => {
    const config = configFor(`  - key: finews
    kind: newsapi
    url: ORIGIN/api/list
    outlet: 东方财富
    newsapi:
      recordsPath: data.list
      fields: { code: infoCode, mediaName: medianame }
      detailUrl: ORIGIN/api/text?code={code}
      detailHtmlPath: data.content
`);
    const first = await runFetchRound(config, store, { client, now: clock });
    // C3's detail fails twice (one retry): it is left for the next round.
    expect(first.sources[0]).toMatchObject({ status: 'ok', items: 3, new: 2, itemFailures: 1 });
    const article = await store.getArticle('xinhuacaijing:C1');
    expect(article).toMatchObject({ publishedAt: '2021-12-20T20:20:15+08:00', format: 'newsapi' });
    expect(article?.text).toContain('编号C1的示例正文');

    const detailHits = server.hits.get('/api/text');
    const second = await runFetchRound(config, store, { client, now: clock });
    expect(second.sources[0]).toMatchObject({
      status: 'ok',
      new: 1,
      unchanged: 2,
      itemFailures: 0,
    });
    expect(server.hits.get('/api/text')).toBe((detailHits ?? 0) + 1);
    expect(await store.countArticles()).toBe(3);
  });

  it('keeps at most the configured number of requests in flight per host', async () => {
    const slow = await startMockServer({
      '/feed': (_req, res) =>
        void setTimeout(
          () => res.writeHead(200, { 'content-type': 'application/xml' }).end(rssHubFeed('x')),
          50,
        ),
    });
    try {
      const sources = Array.from(
        { length: 6 },
        (_, i) =>
          `  - { key: s${i}, kind: feed, url: ${slow.origin}/feed?n=${i}, outlet: 新浪财经, fullText: never }\n`,
      ).join('');
      const config = configFor(sources);
      const summary = await runFetchRound(config, store, { client, now: clock });
      expect(summary.failed).toBe(0);
      expect(slow.maxInFlight()).toBe(2);
    } finally {
      await slow.close();
    }
  });
});
