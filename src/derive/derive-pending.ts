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
  run(store: Store, onProgress: (done: number, total: number) => void): Promise<number>;
}

/** The steps in order. Stories first: search and facts group by story. */
export const deriveSteps: readonly DeriveStep[] = [
  {
    name: 'stories',
    run: async (store, onProgress) =>
      (await clusterPending(store, { onProgress: (p) => onProgress(p.done, p.total) })).clustered,
  },
  {
    name: 'search',
    run: async (store, onProgress) => (await indexPending(store, { onProgress })).indexed,
  },
  {
    name: 'facts',
    run: async (store, onProgress) => extractPending(store, { onProgress }),
  },
];

/** What {@link derivePending} did, step by step (`{ stories: 12, search: 12 }`). */
export type DeriveCounts = Record<string, number>;

/** Runs every derive step in order over what is pending in `store`. */
export async function derivePending(
  store: Store,
  options: {
    onProgress?: (p: DeriveProgress) => void;
    steps?: readonly DeriveStep[];
    /** Called after each step with its count and how long it took (for summaries and benches). */
    onStepDone?: (step: string, count: number, seconds: number) => void;
  } = {},
): Promise<DeriveCounts> {
  const counts: DeriveCounts = {};
  for (const step of options.steps ?? deriveSteps) {
    const started = performance.now();
    counts[step.name] = await step.run(store, (done, total) => options.onProgress?.({ step: step.name, done, total }));
    options.onStepDone?.(step.name, counts[step.name]!, (performance.now() - started) / 1000);
  }
  return counts;
}
