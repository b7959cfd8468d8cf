/**
 * The derive stage: after articles are stored (import, fetch), bring every derived structure up
 * to date — stories, then the search index and facts, which read story memberships. Each step
 * processes only what it has not seen yet, so running this after an interrupted run resumes it.
 * The order of steps lives here and nowhere else (like Miniflux's processor).
 */
import type { Store } from '../store/store.js';
import { indexPending } from '../search/index-articles.js';
import { clusterPending } from '../stories/cluster-store.js';
import { extractPending } from '../facts/derive.js';

/** Progress of one step: how many items it has processed out of how many. */
export interface DeriveProgress {
  step: string;
  done: number;
  total: number;
}

/** One derive step: brings its structure up to date with the store. */
export interface DeriveStep {
  /** Short name, shown in progress and summaries (`stories`, `search`, `facts`). */
  name: string;
  /** Processes what is pending; returns how many items it processed. */
  run(store: Store, onProgress: (done: number, total: number) => void, context: DeriveContext): Promise<number>;
  /**
   * Workers wait for this step when another runs it instead of skipping it. Stories do: the
   * clusterer is order-dependent, and a worker that stored on while another clustered brings
   * articles earlier than what was clustered, which re-opens stories (four workers over 4,000
   * articles clustered 36,043 when they skipped, 11,300 to 14,000 when they waited).
   */
  waitWhenBusy?: boolean;
  /**
   * Runs beside the other steps instead of after them: it reads only stored articles and writes
   * only its own tables, so no other step's result changes it (search, facts: their segmenting
   * and extracting then run on worker threads while clustering keeps the main thread).
   */
  alongside?: boolean;
}

/** What a step is told about the run beyond the store. */
export interface DeriveContext {
  /** Stories: articles at or after this position wait for a later run (see {@link writersHorizonFor}). */
  until?: { ts: number; id: string };
}

/**
 * The steps: stories, with search and facts beside it (search rows and claims are grouped by
 * story only when read; each step's CPU work runs on its own worker thread on a large run).
 */
export const deriveSteps: readonly DeriveStep[] = [
  {
    name: 'stories',
    waitWhenBusy: true,
    run: async (store, onProgress, context) =>
      (
        await clusterPending(store, {
          onProgress: (p) => onProgress(p.done, p.total),
          ...(context.until === undefined ? {} : { until: context.until }),
        })
      ).clustered,
  },
  {
    name: 'search',
    alongside: true,
    run: async (store, onProgress) => (await indexPending(store, { onProgress })).indexed,
  },
  {
    name: 'facts',
    alongside: true,
    run: async (store, onProgress) => extractPending(store, { onProgress }),
  },
];

/** What {@link derivePending} did, step by step (`{ stories: 12, search: 12 }`). */
export type DeriveCounts = Record<string, number>;

/** Options of {@link derivePending}. */
export interface DerivePendingOptions {
  onProgress?: (p: DeriveProgress) => void;
  steps?: readonly DeriveStep[];
  /** Called after each step with its count and how long it took (for summaries and benches). */
  onStepDone?: (step: string, count: number, seconds: number) => void;
  /**
   * What to do when another process is running a step: `wait` for it, then run it (the
   * default: an import's summary counts everything it brought), or `skip` it and go on to the
   * next step (workers: see {@link runUnlessBusy}), except a step that says it waits.
   */
  whenBusy?: 'wait' | 'skip';
  /**
   * Workers sharing a database: cluster only up to where the other registered writers' latest
   * batches reached (see {@link writersHorizonFor}). Default false: cluster everything.
   */
  followWriters?: boolean;
}

/** A writer that has not stored for this long holds nobody back (an idle poller). */
export const WRITER_FRESH_SECONDS = 60;

/**
 * Where clustering stops while other workers store. Workers storing the same stretch of time (a
 * backlog split between them, or polls of sources publishing the same minutes) commit batches
 * that interleave: when one clusters its batch at once, another's batch arrives earlier than
 * what was clustered and re-opens those stories (rewind-plan.ts): four workers clustered 14,562
 * articles for 4,000. Each writer tells how far its latest batch reached (Store.registerWriter);
 * articles after the slowest of the others wait for a later run, so its next batch lands after
 * the clustered point instead of before it. The stories are the same either way (a late arrival
 * still re-opens what it changes); only the rework shrinks. Alone, clustering takes everything.
 */
export async function writersHorizonFor(store: Store): Promise<DeriveContext['until']> {
  const ts = await store.writersHorizon(WRITER_FRESH_SECONDS);
  return ts === undefined ? undefined : { ts, id: '' };
}

/**
 * Runs every derive step over what is pending in `store`: the steps in order, and those marked
 * `alongside` at the same time as them. A failed step stops the steps after it in order (they
 * may need it) while the steps beside them run to their end; the first failure in step order is
 * thrown once every started step has ended.
 */
export async function derivePending(store: Store, options: DerivePendingOptions = {}): Promise<DeriveCounts> {
  const steps = options.steps ?? deriveSteps;
  const until = options.followWriters === true ? await writersHorizonFor(store) : undefined;
  const context: DeriveContext = until === undefined ? {} : { until };
  const runStep = async (step: DeriveStep): Promise<number> => {
    const started = performance.now();
    const run = (): Promise<number> => step.run(store, (done, total) => options.onProgress?.({ step: step.name, done, total }), context);
    const skip = options.whenBusy === 'skip' && step.waitWhenBusy !== true;
    const count = skip ? await runUnlessBusy(store, step.name, run) : await run();
    options.onStepDone?.(step.name, count, (performance.now() - started) / 1000);
    return count;
  };
  const outcomes = new Map<DeriveStep, Promise<number>>();
  for (const step of steps) if (step.alongside === true) outcomes.set(step, runStep(step));
  // Observed now, awaited below: a step beside the chain that fails early is no unhandled rejection.
  for (const p of outcomes.values()) p.catch(() => {});
  for (const step of steps) {
    if (step.alongside === true) continue;
    const outcome = runStep(step);
    outcomes.set(step, outcome);
    if (!(await outcome.then(() => true, () => false))) break; // a later step may need this one
  }
  const counts: DeriveCounts = {};
  let failure: { error: unknown } | undefined;
  for (const step of steps) {
    const outcome = outcomes.get(step);
    if (outcome === undefined) continue;
    try {
      counts[step.name] = await outcome;
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure !== undefined) throw failure.error;
  return counts;
}

/**
 * Run a step unless another process is running it. Several workers sharing a database would
 * otherwise each run every step over the same pending articles (each segments and extracts them
 * all again) or queue behind the clustering lock; with this, one worker runs a step while the
 * others go on storing and run the other steps.
 *
 * Nothing is left behind: a worker that skips has committed its articles before it tried the
 * lock, so before the holder released it. The holder, after releasing, runs the step again
 * (taking the lock anew) until a run that began after a release found nothing to do; that run
 * read the skipped worker's articles. If someone else holds the lock by then, the same holds
 * for them.
 */
export async function runUnlessBusy(store: Store, step: string, run: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let round = 0; ; round++) {
    const release = await store.tryLock(`derive-${step}`);
    if (release === undefined) return total;
    let n: number;
    try {
      n = await run();
    } finally {
      await release();
    }
    total += n;
    if (n === 0 && round > 0) return total;
  }
}
