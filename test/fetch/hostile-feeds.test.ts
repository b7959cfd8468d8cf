/**
 * Feeds that try to stall a round: a feed far longer than one poll takes is stored and folded
 * over several rounds, each bounded (a poison item is in hostile-items.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { derivePending } from '../../src/derive/derive-pending.js';
import { runFetchRound } from '../../src/fetch-round/run-fetch-round.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { testDbSpec } from '../support/backends.js';
import { sendBody, startMockServer, type MockServer } from './mock-server.js';

let server: MockServer;
let dir: string;
let store: Store;

beforeAll(async () => {
  server = await startMockServer({});
  server.route('/long', sendBody(datedFeed(95), 'application/rss+xml'));
  server.route('/huge', sendBody(hugeFeed(100_000), 'application/rss+xml'));
  dir = mkdtempSync(join(tmpdir(), 'caixun-hostile-'));
  store = await openStore(await testDbSpec(dir));
});
afterAll(async () => {
  await store.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const T0 = Date.parse('2024-03-01T00:00:00Z');

/** `n` CJK characters drawn by a fixed generator: items that share no words never fold together. */
function words(seed: number, n: number): string {
  let x = (seed * 2654435761 + 12345) >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += String.fromCodePoint(0x4e00 + (x % 20_000));
  }
  return out;
}

/** A feed of `count` short, unrelated items, oldest first, item i published i minutes after T0. */
function datedFeed(count: number): string {
  const items = Array.from({ length: count }, (_, i) => {
    const date = new Date(T0 + i * 60_000).toUTCString();
    return `<item><title>快讯${i}${words(i, 6)}</title><guid isPermaLink="false">n${i}</guid><description>${words(i + 7, 24)}</description><pubDate>${date}</pubDate></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>长</title>${items.join('')}</channel></rss>`;
}

/** A feed of `count` minimal undated items (about 8 MB for 100,000, as in the issue). */
function hugeFeed(count: number): string {
  const items = Array.from(
    { length: count },
    (_, i) => `<item><title>${words(i, 5)}</title><guid isPermaLink="false">h${i}</guid></item>`,
  );
  return `<rss version="2.0"><channel><title>大</title>${items.join('')}</channel></rss>`;
}

const longConfig = (path: string, extra: string) =>
  parseConfig(`
sources:
  - { key: long, kind: feed, url: "${server.origin}${path}", outlet: 示例财经, every: 10m, fullText: never${extra} }
network: { allowPrivate: true, hosts: { default: { concurrency: 2, minDelay: 0 } } }
schedule: { jitter: 0, backlogDelay: 1m }
`);

describe('a feed longer than one poll takes', () => {
  it('is taken newest first, 10 new items a poll, polled again after backlogDelay until all are stored and folded', async () => {
    const spec = await testDbSpec(mkdtempSync(join(tmpdir(), 'caixun-long-')));
    const own = await openStore(spec);
    try {
      const cfg = longConfig('/long', ', maxItemsPerPoll: 10');
      let clock = T0 + 200 * 60_000;
      const rounds: { new: number; unchanged: number; more: boolean; folded: number }[] = [];
      for (let i = 0; i < 20; i++) {
        const summary = await runFetchRound(cfg, own, { now: () => new Date(clock), onlyDue: true });
        const r = summary.sources[0];
        if (r?.status !== 'ok') break;
        const derived = await derivePending(own);
        rounds.push({ new: r.new, unchanged: r.unchanged, more: r.more === true, folded: derived['stories'] ?? 0 });
        if (i === 1) {
          // The backlog goes oldest first.
          const titles = (await own.listArticles({ limit: 100 })).articles.map((a) => Number(/\d+/.exec(a.title)?.[0]));
          expect(titles.filter((n) => n < 85).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        }
        if (i === 0) {
          const stored = (await own.listArticles({ limit: 100 })).articles.map((a) => Number(/\d+/.exec(a.title)?.[0]));
          expect(stored.sort()).toEqual([85, 86, 87, 88, 89, 90, 91, 92, 93, 94]);
          const state = await own.sourceStates().getSourceState('long');
          expect(state?.nextDueAt).toBe(new Date(clock + 60_000).toISOString());
        }
        clock += 60_000;
      }
      // Nine polls of 10 new items (each also re-reads the 10 newest), a tenth of 5; then not due for 10 minutes.
      expect(rounds.map((r) => r.new)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 5]);
      expect(rounds.map((r) => r.more)).toEqual([...Array<boolean>(9).fill(true), false]);
      expect(rounds.slice(1).every((r) => r.unchanged === 10)).toBe(true);
      // Each derive folds what its round stored, plus at most the 10 newest items' stories that
      // an older arrival re-opens (clustering replays publication order).
      expect(rounds.every((r) => r.folded >= r.new && r.folded <= r.new + 10)).toBe(true);
      expect((await derivePending(own))['stories']).toBe(0);
      expect(await own.countArticles()).toBe(95);
    } finally {
      await own.close();
    }
  });

  it('a 100,000-item feed: a round stores and folds only the default 200 new items', async () => {
    const own = await openStore(await testDbSpec(mkdtempSync(join(tmpdir(), 'caixun-huge-'))));
    try {
      const cfg = longConfig('/huge', '');
      const first = await runFetchRound(cfg, own, { now: () => new Date(T0) });
      expect(first.sources[0]?.reason).toBeUndefined();
      expect(first.sources[0]).toMatchObject({ status: 'ok', items: 200, new: 200, more: true });
      expect((await derivePending(own))['stories']).toBe(200);
      expect(await own.countArticles()).toBe(200);
    } finally {
      await own.close();
    }
  });
});
