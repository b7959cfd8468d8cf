/**
 * The worker loop in one process: the store of the suite's backend, the PostgreSQL work queue
 * on a database of its own, a loopback outlet server counting requests per source. Several
 * workers in one process share the queue as separate processes would.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRss } from '../../test/fetch/fixtures/generated.js';
import { startMockServer, type MockServer } from '../../test/fetch/mock-server.js';
import { testDbSpec } from '../../test/support/backends.js';
import { freshPgDatabase } from '../../test/support/postgres.js';
import { parseConfig } from '../config/load-config.js';
import type { CaixunConfig } from '../config/schema.js';
import type { SourceResult } from '../fetch-round/types.js';
import { openStore } from '../store/open-store.js';
import { PgWorkQueue, workQueuePgMigration, type WorkQueue } from '../store/postgres/pg-work-queue.js';
import type { Store } from '../store/store.js';
import { createWorker, type WorkerOptions } from './worker.js';

let server: MockServer;
let store: Store;
let queue: PgWorkQueue;

beforeEach(async () => {
  server = await startMockServer();
  store = await openStore(await testDbSpec());
  const url = await freshPgDatabase('worker');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(workQueuePgMigration.sql).finally(() => client.end());
  queue = PgWorkQueue.connect(url);
});
afterEach(async () => {
  await server.close();
  await store.close();
  await queue.close();
});

const rss = 'application/rss+xml';

/** A configuration of feeds `keys`, each served at /<key> with 3 items. */
function configFor(keys: readonly string[], every = '1h'): CaixunConfig {
  for (const key of keys) {
    server.route(`/${key}`, (_req, res) =>
      void res.writeHead(200, { 'content-type': rss }).end(makeRss({ origin: server.origin, prefix: key, count: 3 })),
    );
  }
  const sources = keys.map(
    (key) => `  - { key: ${key}, kind: feed, url: "${server.origin}/${key}", outlet: 示例, every: ${every}, fullText: never }`,
  );
  return parseConfig(`sources:
${sources.join('\n')}
network: { allowPrivate: true, retries: 0, hosts: { default: { concurrency: 16, minDelay: 0 } } }
schedule: { jitter: 0, backoffCeiling: 2h }
`);
}

/** The test's queue with some methods replaced (a stalled process, a counter). */
function queueWith(overrides: Partial<WorkQueue>): WorkQueue {
  return {
    enqueue: queue.enqueue.bind(queue),
    claim: queue.claim.bind(queue),
    extend: queue.extend.bind(queue),
    complete: queue.complete.bind(queue),
    release: queue.release.bind(queue),
    msUntilClaimable: queue.msUntilClaimable.bind(queue),
    databaseTime: queue.databaseTime.bind(queue),
    ...overrides,
  };
}

function worker(config: CaixunConfig, owner: string, extra: Partial<WorkerOptions> = {}) {
  return createWorker({ config, store, queue, owner, concurrency: 2, ...extra });
}

const keys = Array.from({ length: 8 }, (_, i) => `s${i}`);

describe('createWorker', () => {
  it('polls every due source exactly once in a pass shared by two workers', async () => {
    const config = configFor(keys);
    let derives = 0;
    const derive = async (): Promise<void> => void derives++;
    const [a, b] = await Promise.all([
      worker(config, 'a', { once: true, derive }).run(),
      worker(config, 'b', { once: true, derive }).run(),
    ]);
    expect(keys.map((k) => server.hits.get(`/${k}`))).toEqual(keys.map(() => 1));
    const polled = [...a.results, ...b.results].map((r) => r.key).sort();
    expect(polled).toEqual(keys);
    expect(a.lost + b.lost).toBe(0);
    expect([...a.results, ...b.results].every((r) => r.status === 'ok' && r.new === 3)).toBe(true);
    expect(await store.countArticles()).toBe(24);
    expect(derives).toBeGreaterThanOrEqual(2);

    // The queue's due times are the ones the fetch round stored, one interval on.
    const rows = await queue.list();
    const states = new Map((await store.sourceStates().listSourceStates()).map((s) => [s.key, s]));
    expect(rows.map((r) => [r.key, r.round, r.leaseOwner, r.dueAt])).toEqual(
      keys.map((k) => [k, 1, null, states.get(k)?.nextDueAt]),
    );

    // Nothing is due any more: a second pass polls nothing.
    const again = await worker(config, 'c', { once: true }).run();
    expect(again.results).toEqual([]);
    expect(keys.map((k) => server.hits.get(`/${k}`))).toEqual(keys.map(() => 1));
  });

  it('reports the round each poll completed, and backs a failing source off', async () => {
    const config = configFor(['ok', 'down']);
    server.route('/down', (_req, res) => void res.writeHead(503).end());
    const seen: [string, string, number][] = [];
    await worker(config, 'a', { once: true, onResult: (r, round) => seen.push([r.key, r.status, round]) }).run();
    expect(seen.sort()).toEqual([
      ['down', 'failed', 1],
      ['ok', 'ok', 1],
    ]);
    const down = (await queue.list()).find((r) => r.key === 'down');
    expect(down?.dueAt).toBe((await store.sourceStates().getSourceState('down'))?.nextDueAt);
    expect((await store.sourceStates().getSourceState('down'))?.consecutiveFailures).toBe(1);
  });

  it('runs until stopped, polling each source again when it is due', async () => {
    const config = configFor(['p', 'q'], '100ms');
    const results: SourceResult[] = [];
    let reached!: () => void;
    const enough = new Promise<void>((resolve) => (reached = resolve));
    const w = worker(config, 'a', {
      onResult: (r) => {
        results.push(r);
        if (results.filter((x) => x.key === 'p').length >= 3 && results.some((x) => x.key === 'q')) reached();
      },
    });
    const running = w.run();
    await enough;
    w.stop();
    const summary = await running;
    const rows = await queue.list();
    // Every poll completed a round, and the server saw exactly one request per round.
    expect(rows.map((r) => [r.key, r.round, r.leaseOwner])).toEqual([
      ['p', server.hits.get('/p'), null],
      ['q', server.hits.get('/q'), null],
    ]);
    expect(summary.results.length).toBe((server.hits.get('/p') ?? 0) + (server.hits.get('/q') ?? 0));
    expect(await store.countArticles()).toBe(6);
  });

  it('finishes an in-flight poll when stopped and records it', async () => {
    const config = configFor(['slow']);
    let arrived!: () => void;
    const requested = new Promise<void>((resolve) => (arrived = resolve));
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.route('/slow', async (_req, res) => {
      arrived();
      await answered;
      res.writeHead(200, { 'content-type': rss }).end(makeRss({ origin: server.origin, prefix: 'slow', count: 2 }));
    });
    const w = worker(config, 'a');
    const running = w.run();
    await requested;
    expect(w.inFlight()).toBe(1);
    w.stop();
    answer();
    const summary = await running;
    expect(summary.results.map((r) => [r.key, r.status, r.new])).toEqual([['slow', 'ok', 2]]);
    expect((await queue.list()).map((r) => [r.key, r.round, r.leaseOwner])).toEqual([['slow', 1, null]]);
    expect(await store.countArticles()).toBe(2);
  });

  it('keeps a slow poll leased while another worker looks for work', async () => {
    const config = configFor(['slow']);
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    let arrived!: () => void;
    const requested = new Promise<void>((resolve) => (arrived = resolve));
    server.route('/slow', async (_req, res) => {
      arrived();
      await answered;
      res.writeHead(200, { 'content-type': rss }).end(makeRss({ origin: server.origin, prefix: 'slow', count: 1 }));
    });
    // Renewals counted as they reach the database, so the test waits on events, not on a clock.
    let renewed = 0;
    let renewedEnough!: () => void;
    const enoughRenewals = new Promise<void>((resolve) => (renewedEnough = resolve));
    const counting = queueWith({
      extend: async (...args) => {
        const ok = await queue.extend(...args);
        if (++renewed === 4) renewedEnough();
        return ok;
      },
    });
    const errors: string[] = [];
    const slow = worker(config, 'a', { queue: counting, leaseMs: 3000, onError: (stage) => errors.push(stage) });
    const running = slow.run();
    await requested;
    const [claimedUntil] = (await queue.list()).map((r) => r.leaseExpiresAt);
    // Four renewals (every third of the lease) outlast the first lease, and the source is still
    // leased: another worker claims nothing.
    await enoughRenewals;
    expect(Date.parse(await queue.databaseTime())).toBeGreaterThan(Date.parse(claimedUntil ?? ''));
    expect(Date.parse((await queue.list())[0]?.leaseExpiresAt ?? '')).toBeGreaterThan(Date.parse(claimedUntil ?? ''));
    expect(await queue.claim({ owner: 'b', keys: ['slow'], limit: 1, leaseMs: 1000 })).toEqual([]);
    answer();
    slow.stop();
    await running;
    expect(server.hits.get('/slow')).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('createWorker when a lease lapses', () => {
  it('lets the late worker record nothing once another worker has taken its source over', async () => {
    const config = configFor(['slow']);
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    let arrived!: () => void;
    const requested = new Promise<void>((resolve) => (arrived = resolve));
    server.route('/slow', async (_req, res, hit) => {
      if (hit === 1) {
        arrived();
        await answered;
      }
      res.writeHead(200, { 'content-type': rss }).end(makeRss({ origin: server.origin, prefix: 'slow', count: 1 }));
    });
    // A worker whose renewals never reach the database (a stalled process, a network split).
    const stalled = queueWith({ extend: async () => true });
    const errors: string[] = [];
    const late = worker(config, 'late', { queue: stalled, leaseMs: 300, onError: (_s, e) => errors.push((e as Error).message) });
    const lateRun = late.run();
    await requested;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const heir = await worker(config, 'heir', { once: true }).run();
    expect(heir.results.map((r) => [r.key, r.status])).toEqual([['slow', 'ok']]);
    const [afterHeir] = await queue.list();
    answer();
    late.stop();
    const summary = await lateRun;
    expect(summary.lost).toBe(1);
    expect(errors).toEqual(['work queue: slow was taken over before its poll finished']);
    // The heir's completion stands: one round, its due time, no lease.
    expect(await queue.list()).toEqual([afterHeir]);
    expect(afterHeir).toMatchObject({ round: 1, leaseOwner: null });
    expect(await store.countArticles()).toBe(1);
  });
});
