/**
 * One hostile item never takes its feed down: a feed of ten ordinary items and one whose body
 * nests `<div>` 6,000 deep (it overflowed the cleaner's tree walk and the whole feed failed,
 * round after round) stores all eleven, the deep one with its text and without the nesting.
 * On a real loopback server and a real store (the suite's backend).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { runFetchRound } from '../../src/fetch-round/run-fetch-round.js';
import type { FetchRoundSummary } from '../../src/fetch-round/types.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { testDbSpec } from '../support/backends.js';
import { makeRss } from './fixtures/generated.js';
import { sendBody, startMockServer, type MockServer } from './mock-server.js';

const DEPTH = 6000;
const deepItem = `<item><title>深层嵌套的条目</title><guid>deep-1</guid><link>http://x/article/deep-1.html</link>
<description><![CDATA[<p>嵌套之前的第一段。</p>${'<div>'.repeat(DEPTH)}嵌套最深处的文字${'</div>'.repeat(DEPTH)}]]></description>
<pubDate>Mon, 20 Dec 2021 11:00:00 GMT</pubDate></item>`;

let server: MockServer;
let store: Store;
let round: FetchRoundSummary;

beforeAll(async () => {
  const feed = makeRss({ origin: 'http://x', prefix: 'ok', count: 10 }).replace('</channel>', `${deepItem}</channel>`);
  server = await startMockServer({ '/feed': sendBody(feed, 'application/rss+xml') });
  const config = parseConfig(`sources:
  - { key: poisoned, kind: feed, url: "${server.origin}/feed", outlet: 示例财经, every: 10m, fullText: never }
network: { allowPrivate: true, retries: 0 }
schedule: { jitter: 0 }
`);
  store = await openStore(await testDbSpec(mkdtempSync(join(tmpdir(), 'caixun-hostile-')), 'hostile.db'));
  round = await runFetchRound(config, store, { now: () => new Date('2021-12-21T00:00:00Z') });
});

afterAll(async () => {
  await store?.close();
  await server?.close();
});

describe('a feed with one item nested 6,000 deep', () => {
  it('stores every item, the ordinary ten and the deep one', async () => {
    expect(round.sources[0]).toMatchObject({ key: 'poisoned', status: 'ok', items: 11, new: 11, itemFailures: 0 });
    const articles = (await store.listArticles({ limit: 50 })).articles;
    expect(articles.map((a) => a.title).sort()).toEqual([...Array.from({ length: 10 }, (_, i) => `ok新闻第${i}条`), '深层嵌套的条目'].sort());
  });

  it('keeps the deep item’s text, in order, and none of its nesting', async () => {
    const articles = (await store.listArticles({ limit: 50 })).articles;
    const deep = articles.find((a) => a.title === '深层嵌套的条目');
    expect(deep?.text).toBe('嵌套之前的第一段。\n\n嵌套最深处的文字');
    expect((deep?.html.match(/<div/g) ?? []).length).toBeLessThanOrEqual(100);
  });
});
