/**
 * Feeds that try to take a source down: one poison item among good ones (markup nested
 * 6,000 deep) fails alone with a reason, and the good items are stored every round.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { runFetchRound } from '../../src/fetch-round/run-fetch-round.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { testDbSpec } from '../support/backends.js';
import { makeRss } from './fixtures/generated.js';
import { sendBody, startMockServer, type MockServer } from './mock-server.js';

let server: MockServer;
let dir: string;
let store: Store;

const POISON = `<item><title>毒条目</title><guid>poison</guid><description><![CDATA[${'<div>'.repeat(6000)}深${'</div>'.repeat(6000)}]]></description></item>`;

beforeAll(async () => {
  server = await startMockServer({});
  const rss = makeRss({ origin: server.origin, prefix: 'ok', count: 10 }).replace('</channel>', `${POISON}</channel>`);
  server.route('/poison', sendBody(rss, 'application/rss+xml'));
  dir = mkdtempSync(join(tmpdir(), 'caixun-hostile-'));
  store = await openStore(await testDbSpec(dir));
});
afterAll(async () => {
  await store.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const config = () =>
  parseConfig(`
sources:
  - { key: poison, kind: feed, url: "${server.origin}/poison", outlet: 示例财经, every: 10m, fullText: never }
network: { allowPrivate: true, hosts: { default: { concurrency: 2, minDelay: 0 } } }
schedule: { jitter: 0 }
`);

describe('a poison item', () => {
  it('fails alone with its reason; the ten good items are stored, round after round', async () => {
    const first = await runFetchRound(config(), store);
    expect(first.sources[0]).toMatchObject({ status: 'ok', items: 11, new: 10, itemFailures: 1 });
    expect(first.sources[0]?.reason).toBe(
      // A guid without isPermaLink="false" is the item's link, resolved against the feed URL.
      `1 items failed, first ${server.origin}/poison: clean: markup nests 6000 levels deep (more than 1000); refused as hostile`,
    );
    expect(await store.countArticles()).toBe(10);
    const second = await runFetchRound(config(), store);
    expect(second.sources[0]).toMatchObject({ status: 'ok', new: 0, unchanged: 10, itemFailures: 1 });
  });
});
