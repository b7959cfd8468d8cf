/**
 * The scheduler against a real loopback server and the suite's store backend: short intervals, assertions on
 * order and counts only (never on speed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDbSpec } from '../../test/support/backends.js';
import { makeRss } from '../../test/fetch/fixtures/generated.js';
import { sendWithEtag, startMockServer, type MockServer } from '../../test/fetch/mock-server.js';
import { parseConfig } from '../config/load-config.js';
import type { SourceResult } from '../fetch-round/types.js';
import { derivePending } from '../derive/derive-pending.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { createScheduler } from './scheduler.js';

let server: MockServer;
let dir: string;
let store: Store;

beforeEach(async () => {
  server = await startMockServer();
  dir = mkdtempSync(join(tmpdir(), 'caixun-scheduler-'));
  store = await openStore(await testDbSpec(dir));
});
afterEach(async () => {
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const config = (sources: string, extra = ''): ReturnType<typeof parseConfig> =>
  parseConfig(`
sources:
${sources}
network:
  allowPrivate: true
  retries: 0
  hosts:
    default: { concurrency: 2, minDelay: 0 }
schedule:
  backoffCeiling: 400ms
  jitter: 0
${extra}`);

/** Resolves once `done()` holds, checking on each result (a 20 s guard fails the test). */
function until(done: () => boolean): { onResult: (r: SourceResult) => void; reached: Promise<void> } {
  let resolve!: () => void;
  const reached = new Promise<void>((r) => (resolve = r));
  const guard = setTimeout(resolve, 20_000);
  return {
    onResult: () => {
      if (done()) {
        clearTimeout(guard);
        resolve();
      }
    },
    reached,
  };
}

describe('createScheduler', () => {
  it('polls each source repeatedly, backs off a failing one and lets it recover', async () => {
    server.route('/a', sendWithEtag(() => makeRss({ origin: server.origin, prefix: 'a', count: 3 }), 'application/rss+xml', '"a1"'));
    let flaky = 0;
    server.route('/flaky', (_req, res) => {
      if (++flaky <= 3) res.writeHead(503).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(makeRss({ origin: server.origin, prefix: 'f', count: 2 }));
    });
    const results: SourceResult[] = [];
    const watch = until(
      () =>
        results.filter((r) => r.key === 'flaky' && r.status === 'ok').length >= 2 &&
        results.filter((r) => r.key === 'a').length >= 4,
    );
    const derived: number[] = [];
    const scheduler = createScheduler({
      config: config(
        `  - { key: a, kind: feed, url: "${server.origin}/a", outlet: 示例, every: 100ms, fullText: never }
  - { key: flaky, kind: feed, url: "${server.origin}/flaky", outlet: 示例, every: 100ms, fullText: never }`,
      ),
      store,
      derive: async (s) => derived.push((await derivePending(s))['stories'] ?? 0),
      onResult: (r) => {
        results.push(r);
        watch.onResult(r);
      },
    });
    scheduler.start();
    await watch.reached;
    await scheduler.stop();
    expect(scheduler.inFlight()).toBe(0);

    const flakyStatuses = results.filter((r) => r.key === 'flaky').map((r) => r.status);
    expect(flakyStatuses.slice(0, 4)).toEqual(['failed', 'failed', 'failed', 'ok']);
    const aStatuses = results.filter((r) => r.key === 'a').map((r) => r.status);
    expect(aStatuses[0]).toBe('ok');
    expect(new Set(aStatuses.slice(1))).toEqual(new Set(['not-modified']));
    // While flaky backed off (100, 200, 400 ms), the healthy source was polled more often.
    const aBeforeRecovery = results.slice(0, results.findIndex((r) => r.key === 'flaky' && r.status === 'ok'))
      .filter((r) => r.key === 'a').length;
    expect(aBeforeRecovery).toBeGreaterThan(3);

    expect(await store.countArticles()).toBe(5);
    const health = await store.sourceStates().listSourceHealth();
    expect(health.map((h) => [h.key, h.consecutiveFailures, h.lastError, h.itemsFetched])).toEqual([
      ['a', 0, null, 3],
      ['flaky', 0, null, flakyStatuses.filter((s) => s === 'ok').length * 2],
    ]);
    // New articles were folded into stories by the derive step. The flaky source's two items
    // arrived after the three of `a` were clustered and precede them in publication order, so
    // their stories re-opened (clustering stays in publication order): 3 + 5 clustered.
    expect(derived.reduce((a, b) => a + b, 0)).toBe(8);
    expect(await store.stories().countMembers()).toBe(5);
  });

  // The schedule is read asynchronously: a poll that ends during that read leaves it stale. Here
  // every read of the schedule made while `slow` is polled is held back until that poll's write
  // is done, and only then answered with what was read before it.
  it('does not poll a source again on a schedule read before its last poll ended', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let requested!: () => void;
    const inFlight = new Promise<void>((r) => (requested = r));
    server.route('/slow', async (_req, res) => {
      requested();
      await gate;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(makeRss({ origin: server.origin, prefix: 's', count: 1 }));
    });
    let polled!: () => void;
    const pollEnded = new Promise<void>((r) => (polled = r));
    let staleReads = 0;
    let ended = false;
    const states = store.sourceStates();
    // Proxies that call through to the real objects (their methods use private fields).
    const through = <T extends object>(target: T, own: Partial<T>): T =>
      new Proxy(target, {
        get: (t, key) => {
          if (key in own) return own[key as keyof T];
          const value = Reflect.get(t, key, t) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
        },
      });
    const listSourceStates = async (): Promise<Awaited<ReturnType<typeof states.listSourceStates>>> => {
      const inPoll = server.hits.get('/slow') === 1 && !ended;
      const read = await states.listSourceStates();
      if (!inPoll) return read;
      staleReads++;
      await pollEnded;
      return read;
    };
    const delayed = through(states, { listSourceStates });
    const watched = through(store, { sourceStates: () => delayed });
    const results: SourceResult[] = [];
    const scheduler = createScheduler({
      config: config(`  - { key: slow, kind: feed, url: "${server.origin}/slow", outlet: 示例, every: 1h, fullText: never }`),
      store: watched,
      maxSleepMs: 5,
      onResult: (r) => {
        results.push(r);
        // After the result, the poll's finally runs: let the held read answer after it.
        if (r.key === 'slow') {
          ended = true;
          setImmediate(polled);
        }
      },
    });
    scheduler.start();
    await inFlight;
    // Let the 5 ms checks start a read while the poll is in flight.
    while (staleReads === 0) await new Promise((r) => setImmediate(r));
    release();
    await pollEnded;
    // Every check after the poll reads the new due time (1 h away); a few rounds of them:
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    await scheduler.stop();
    expect(results.map((r) => [r.key, r.status])).toEqual([['slow', 'ok']]);
    expect(server.hits.get('/slow')).toBe(1);
  });

  it('finishes an in-flight poll and its write on stop', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const requested = new Promise<void>((r) => (started = r));
    server.route('/slow', async (_req, res) => {
      started();
      await gate;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(makeRss({ origin: server.origin, prefix: 's', count: 2 }));
    });
    const scheduler = createScheduler({
      config: config(`  - { key: slow, kind: feed, url: "${server.origin}/slow", outlet: 示例, every: 1h, fullText: never }`),
      store,
    });
    scheduler.start();
    await requested;
    const stopped = scheduler.stop();
    expect(scheduler.inFlight()).toBe(1);
    release();
    await stopped;
    expect(await store.countArticles()).toBe(2);
    expect((await store.sourceStates().getSourceState('slow'))?.lastSuccessAt).not.toBeNull();
    expect(server.hits.get('/slow')).toBe(1);
  });

  it('polls at most schedule.concurrency sources at once', async () => {
    for (const k of ['x', 'y', 'z']) {
      server.route(`/${k}`, async (_req, res) => {
        await new Promise((r) => setTimeout(r, 30));
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(makeRss({ origin: server.origin, prefix: k, count: 1 }));
      });
    }
    const results: SourceResult[] = [];
    const watch = until(() => results.length >= 3);
    const scheduler = createScheduler({
      config: config(
        ['x', 'y', 'z']
          .map((k) => `  - { key: ${k}, kind: feed, url: "${server.origin}/${k}", outlet: 示例, every: 1h, fullText: never }`)
          .join('\n'),
        '  concurrency: 1',
      ),
      store,
      onResult: (r) => {
        results.push(r);
        watch.onResult(r);
      },
    });
    scheduler.start();
    await watch.reached;
    await scheduler.stop();
    expect(results.map((r) => r.key)).toEqual(['x', 'y', 'z']);
    expect(server.maxInFlight()).toBe(1);
    expect(await store.countArticles()).toBe(3);
  });
});
