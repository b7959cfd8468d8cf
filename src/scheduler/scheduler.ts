/**
 * The scheduler daemon: polls each source when it is due (its interval plus jitter after a
 * success, exponential backoff to a ceiling after failures; both computed by the round and
 * kept in SQLite, so a restart resumes the schedule), at most `schedule.concurrency` sources
 * at once under the shared per-host limits, and runs the derive steps after new articles.
 * One timer, armed for the earliest due source; `stop()` lets in-flight polls and derive
 * finish their writes.
 */
import type { CaixunConfig, SourceConfig } from '../config/schema.js';
import { createHostLimiter, type HostLimiter } from '../fetch-round/host-limiter.js';
import {
  clientFromConfig,
  runFetchRound,
  type FetchRoundStore,
} from '../fetch-round/run-fetch-round.js';
import type { SourceResult } from '../fetch-round/types.js';
import type { HttpClient } from '../sources/fetch/http-client.js';
import type { Store } from '../store/store.js';
import { coalescedRun } from '../util/coalesced-run.js';

/** The store the scheduler writes to and derives from. */
export type SchedulerStore = FetchRoundStore & Store;

/** Options of {@link createScheduler}. */
export interface SchedulerOptions {
  config: CaixunConfig;
  store: SchedulerStore;
  /** Runs the derive steps (stories, search, facts) after sources brought new articles. */
  derive?: (store: SchedulerStore) => Promise<unknown>;
  /** Called after each polled source. Default none. */
  onResult?: (result: SourceResult) => void;
  /** Called when deriving fails (the schedule goes on). Default none. */
  onError?: (stage: string, err: unknown) => void;
  /** Longest sleep between checks, ms; bounds the effect of clock jumps. Default 60 000. */
  maxSleepMs?: number;
  /** Clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Draws the schedule jitter. Default Math.random. */
  random?: () => number;
  client?: HttpClient;
  limiter?: HostLimiter;
}

/** A running scheduler. */
export interface Scheduler {
  /** Starts polling (idempotent). */
  start(): void;
  /** Stops scheduling, waits for in-flight polls and the derive run to finish. */
  stop(): Promise<void>;
  /** Sources being polled right now. */
  inFlight(): number;
}

/**
 * Creates a scheduler.
 * @example
 * const scheduler = createScheduler({ config, store, derive: (s) => derivePending(s) });
 * scheduler.start();
 * process.once('SIGTERM', () => void scheduler.stop().then(() => store.close()));
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { config, store } = options;
  const now = options.now ?? (() => new Date());
  const client = options.client ?? clientFromConfig(config.network);
  const limiter = options.limiter ?? createHostLimiter({ hosts: config.network.hosts });
  const maxSleep = options.maxSleepMs ?? 60_000;
  const sources = config.sources.filter((s) => s.enabled);
  const running = new Map<string, Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let stopping = false;
  let checking = false;
  /**
   * Sources whose poll ended while check() was reading the schedule: what it read for them may
   * predate the poll's write, so they are looked at again at once instead of polled on it (a
   * stale due time polled them twice, the second time skipped as not due).
   */
  let endedDuringRead: Set<string> | undefined;

  // Without a derive step, requests are ignored.
  const derive = coalescedRun(
    async () => options.derive?.(store),
    (err) => options.onError?.('derive', err),
    () => stopping || !options.derive,
  );
  const requestDerive = (): void => derive.request();

  const poll = (source: SourceConfig): void => {
    const task = runFetchRound(config, store, {
      only: [source.key],
      onlyDue: true,
      client,
      limiter,
      now,
      ...(options.random ? { random: options.random } : {}),
    })
      .then((summary) => {
        for (const result of summary.sources) {
          options.onResult?.(result);
          if (result.new + result.updated > 0) requestDerive();
        }
      })
      .catch((err: unknown) => options.onError?.('fetch', err))
      .finally(() => {
        running.delete(source.key);
        endedDuringRead?.add(source.key);
        arm(0);
      });
    running.set(source.key, task);
  };

  /** Polls what is due and arms the timer for the next due source. */
  const check = async (): Promise<void> => {
    if (stopping || checking) return;
    checking = true;
    let wait = maxSleep;
    const ended = new Set<string>();
    endedDuringRead = ended;
    try {
      const read = await store.sourceStates().listSourceStates();
      endedDuringRead = undefined;
      const states = new Map(read.map((s) => [s.key, s]));
      const at = now().getTime();
      for (const source of sources) {
        if (running.has(source.key)) continue;
        if (ended.has(source.key)) {
          wait = 0;
          continue;
        }
        const due = states.get(source.key)?.nextDueAt;
        const dueAt = due ? Date.parse(due) : at;
        if (dueAt <= at && running.size < config.schedule.concurrency) poll(source);
        else if (dueAt > at) wait = Math.min(wait, dueAt - at);
      }
    } catch (err) {
      options.onError?.('schedule', err);
    } finally {
      endedDuringRead = undefined;
      checking = false;
    }
    arm(wait);
  };

  function arm(ms: number): void {
    if (stopping || !started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void check(), Math.max(0, ms));
  }

  return {
    start() {
      if (started) return;
      started = true;
      // Articles stored by a run that was killed before deriving are derived now.
      requestDerive();
      arm(0);
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      while (running.size > 0) await Promise.allSettled([...running.values()]);
      await derive.idle();
    },
    inFlight: () => running.size,
  };
}
