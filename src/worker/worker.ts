/**
 * The worker loop of `caixun worker`: claim due sources from the shared work queue, poll each
 * with the fetch round (so validators, health and the next due time follow the scheduler's
 * rules and land in the store's source state), record the outcome in the queue, and fold new
 * articles into stories, search and facts. Several workers, in one process or on several
 * machines, share the queue; each source is polled by exactly one of them per round.
 *
 * While a poll runs its lease is renewed every third of the lease, so a slow poll keeps its
 * source and a killed worker's sources come free one lease later.
 */
import type { CaixunConfig, SourceConfig } from '../config/schema.js';
import { nextDueAt } from '../fetch-round/backoff.js';
import { createHostLimiter, type HostLimiter } from '../fetch-round/host-limiter.js';
import {
  clientFromConfig,
  runFetchRound,
  type FetchRoundStore,
} from '../fetch-round/run-fetch-round.js';
import type { SourceResult } from '../fetch-round/types.js';
import type { HttpClient } from '../sources/fetch/http-client.js';
import type { Lease, WorkQueue } from '../store/postgres/pg-work-queue.js';
import type { ArticleStore } from '../store/store.js';
import { coalescedRun } from '../util/coalesced-run.js';

/** The store a worker writes to and derives from. */
export type WorkerStore = FetchRoundStore & ArticleStore;

/** Options of {@link createWorker}. */
export interface WorkerOptions {
  config: CaixunConfig;
  store: WorkerStore;
  queue: WorkQueue;
  /** This worker's name in leases; unique per process. */
  owner: string;
  /** Sources polled at once. Default `config.schedule.concurrency`. */
  concurrency?: number;
  /** Lease length, ms; renewed every third of it while polling. Default 120 000. */
  leaseMs?: number;
  /** One pass over the sources due when it starts, then stop. Default false: run until stopped. */
  once?: boolean;
  /** Runs the derive steps (stories, search, facts) after sources brought new articles. */
  derive?: (store: WorkerStore) => Promise<unknown>;
  /** Called after each polled source with the round it completed (1 for the first). */
  onResult?: (result: SourceResult, round: number) => void;
  /** Called when a step fails (the loop goes on): `queue`, `fetch`, `lease`, `derive`. */
  onError?: (stage: string, err: unknown) => void;
  /** Longest sleep between claims, ms. Default 60 000. */
  maxSleepMs?: number;
  /** Pause after the queue failed, ms. Default 5 000. */
  retryMs?: number;
  /** Clock of the fetch round. Default `() => new Date()`. */
  now?: () => Date;
  /** Draws the schedule jitter. Default Math.random. */
  random?: () => number;
  client?: HttpClient;
  limiter?: HostLimiter;
}

/** What a worker did. */
export interface WorkerSummary {
  /** Sources polled to completion (one result each, in completion order). */
  results: SourceResult[];
  /** Polls whose lease another worker had taken over by the time they finished. */
  lost: number;
}

/** A worker. */
export interface Worker {
  /** Runs until `stop()` (or one pass with `once`); resolves when in-flight polls and derive are done. */
  run(): Promise<WorkerSummary>;
  /** Stops claiming; in-flight polls finish and record their outcome. */
  stop(): void;
  /** Sources being polled right now. */
  inFlight(): number;
}

/** A stop signal that can also be awaited. */
function createGate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/**
 * Creates a worker over a shared queue.
 * @example
 * const worker = createWorker({ config, store, queue, owner: 'host:1234', derive: derivePending });
 * process.once('SIGTERM', () => worker.stop());
 * await worker.run();
 */
export function createWorker(options: WorkerOptions): Worker {
  const { config, store, queue, owner } = options;
  const concurrency = options.concurrency ?? config.schedule.concurrency;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxSleep = options.maxSleepMs ?? 60_000;
  const retryMs = options.retryMs ?? 5_000;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const client = options.client ?? clientFromConfig(config.network);
  const limiter = options.limiter ?? createHostLimiter({ hosts: config.network.hosts });
  const sources = new Map<string, SourceConfig>(
    config.sources.filter((s) => s.enabled).map((s) => [s.key, s]),
  );
  const keys = [...sources.keys()];
  const running = new Map<string, Promise<void>>();
  const summary: WorkerSummary = { results: [], lost: 0 };
  const stopGate = createGate();
  let wake = createGate();
  let stopping = false;

  // Without a derive step, requests are ignored.
  const derive = coalescedRun(
    async () => options.derive?.(store),
    (err) => options.onError?.('derive', err),
    () => !options.derive,
  );
  const requestDerive = (): void => derive.request();

  /** When the source is next due if the round could not say (its state was not saved). */
  const fallbackDue = (source: SourceConfig): string =>
    nextDueAt({
      now: now().getTime(),
      every: source.every,
      consecutiveFailures: 1,
      ceiling: config.schedule.backoffCeiling,
      jitter: config.schedule.jitter,
      random: random(),
    });

  const pollLease = async (lease: Lease, source: SourceConfig): Promise<void> => {
    let polled = false;
    const heartbeat = setInterval(() => {
      queue.extend(lease, leaseMs).then(
        (held) => {
          // A renewal that reaches the database after the completion finds no lease: not a loss.
          if (!held && !polled) {
            options.onError?.('lease', new Error(`work queue: lost the lease on ${lease.key}`));
          }
        },
        (err: unknown) => options.onError?.('lease', err),
      );
    }, Math.max(1, Math.floor(leaseMs / 3)));
    try {
      const started = now().getTime();
      const only = [source.key];
      const round = await runFetchRound(config, store, { only, client, limiter, now, random });
      const result = round.sources[0];
      const state = await store.sourceStates().getSourceState(source.key);
      const saved = state?.nextDueAt;
      const due = saved && Date.parse(saved) > started ? saved : fallbackDue(source);
      clearInterval(heartbeat);
      polled = true;
      if (!(await queue.complete(lease, due))) {
        summary.lost++;
        const message = `work queue: ${lease.key} was taken over before its poll finished`;
        options.onError?.('lease', new Error(message));
      }
      if (result) {
        summary.results.push(result);
        options.onResult?.(result, lease.round + 1);
        if (result.new + result.updated > 0) requestDerive();
      }
    } catch (err) {
      // The round records a source's own failures; this is the store or queue failing. Give the
      // source back, due after a backoff, so no worker spins on it.
      options.onError?.('fetch', err);
      await queue.release(lease, fallbackDue(source)).catch((e: unknown) => options.onError?.('queue', e));
    } finally {
      clearInterval(heartbeat);
    }
  };

  const start = (lease: Lease): void => {
    const source = sources.get(lease.key);
    if (!source) {
      // Only configured keys are claimed; should one slip through, another worker may have it.
      void queue.release(lease).catch((e: unknown) => options.onError?.('queue', e));
      return;
    }
    const task = pollLease(lease, source).finally(() => {
      running.delete(lease.key);
      wake.open();
    });
    running.set(lease.key, task);
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, ms));
      void Promise.race([stopGate.promise, wake.promise]).then(() => {
        clearTimeout(timer);
        resolve();
      });
    });

  const loop = async (): Promise<void> => {
    await queue.enqueue(await initialEntries(store, keys));
    // Articles stored by a worker killed before deriving are derived now.
    requestDerive();
    const dueBy = options.once ? await queue.databaseTime() : undefined;
    while (!stopping) {
      wake = createGate();
      const free = concurrency - running.size;
      // Never a source this worker is still polling, even when its lease has lapsed.
      const idle = running.size === 0 ? keys : keys.filter((k) => !running.has(k));
      let claimed: Lease[] = [];
      try {
        claimed = await queue.claim({ owner, keys: idle, limit: free, leaseMs, dueBy });
      } catch (err) {
        if (options.once) throw err;
        options.onError?.('queue', err);
        await sleep(retryMs);
        continue;
      }
      for (const lease of claimed) start(lease);
      if (stopping) break;
      if (free > 0 && claimed.length === free) continue; // more may be due
      if (options.once) {
        if (running.size === 0) break;
        await sleep(maxSleep); // until a poll finishes
        continue;
      }
      let wait = maxSleep;
      if (running.size < concurrency) {
        try {
          wait = Math.min(maxSleep, (await queue.msUntilClaimable(idle)) ?? maxSleep);
        } catch (err) {
          options.onError?.('queue', err);
          wait = retryMs;
        }
      }
      // A source due now but leased elsewhere reads 0: wait at least a little before asking again.
      await sleep(Math.max(wait, 50));
    }
  };

  return {
    async run() {
      try {
        await loop();
      } finally {
        while (running.size > 0) await Promise.allSettled([...running.values()]);
        await derive.idle();
      }
      return summary;
    },
    stop() {
      stopping = true;
      stopGate.open();
    },
    inFlight: () => running.size,
  };
}

/** The queue rows a worker adds for its sources: due when their stored state says, else now. */
async function initialEntries(
  store: WorkerStore,
  keys: readonly string[],
): Promise<{ key: string; dueAt: string | null }[]> {
  const states = new Map((await store.sourceStates().listSourceStates()).map((s) => [s.key, s]));
  return keys.map((key) => ({ key, dueAt: states.get(key)?.nextDueAt ?? null }));
}
