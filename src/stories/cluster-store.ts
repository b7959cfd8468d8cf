/**
 * Clustering against the store: every article without a story (or whose text changed since it
 * was clustered) goes through the {@link StoryClusterer}, whose state lives in the store's story
 * tables. Articles are taken in publication order, a few hundred per transaction, so a crash
 * loses at most one batch and the next run resumes where this one stopped.
 */
import type { Article } from '../model/article.js';
import { precedes } from '../store/rewind-plan.js';
import type { Store } from '../store/store.js';
import type { PendingArticleRow, PendingCursor, StoryTables } from '../store/tables.js';
import { StoreError } from '../util/errors.js';
import { StoryClusterer, type ClustererOptions } from './cluster.js';
import { PrintPool } from './print-pool.js';
import { StoryStateCache } from './story-state-cache.js';
import type { ClusterInput } from './story-state.js';

/** Progress of {@link clusterPending}, reported after each batch. */
export interface ClusterProgress {
  /** Articles clustered so far in this run. */
  done: number;
  /** Articles this run has to cluster. */
  total: number;
}

/** Options of {@link clusterPending}. */
export interface ClusterPendingOptions {
  /** Called after each committed batch. */
  onProgress?: (progress: ClusterProgress) => void;
  /** Articles per transaction. Default 250. */
  batchSize?: number;
  /** Clusterer options. Default `DEFAULT_CLUSTERER_OPTIONS`. */
  clusterer?: Partial<ClustererOptions>;
  /**
   * Worker threads that fingerprint the next batch while this one is clustered. Default 1 when
   * at least 2,000 articles are pending (two cores: one fingerprints, one clusters), else 0.
   */
  workers?: number;
  /**
   * Cluster only articles before this position; the rest wait for a later run (other workers
   * are still storing up to there: see derive-pending.ts). The stories are the same either way.
   */
  until?: PendingCursor;
}

/** Below this many pending articles, starting a worker costs more than it saves. */
const SMALL_RUN = 2_000;

/** What a clustering run did. */
export interface ClusterCounts {
  /** Articles clustered in this run (new, changed, or released by a changed story). */
  clustered: number;
  /** Stories in the store after the run. */
  stories: number;
  /** Of the clustered articles, how many joined an existing story (the rest started one). */
  joined: number;
}

/** What the clusterer reads of a canonical article. */
export function clusterInputOf(article: Article): ClusterInput {
  return {
    id: article.id,
    title: article.title,
    text: article.text,
    publishedAt: article.publishedAt,
    outletKey: article.outletKey,
    ...(article.provenance.source === undefined ? {} : { provenanceSource: article.provenance.source }),
  };
}

function toClusterInput(row: PendingArticleRow): ClusterInput {
  const provenance = JSON.parse(row.provenance) as { source?: string };
  return {
    id: row.id,
    title: row.title,
    text: row.text,
    // left packed: the print worker decompresses it (see ClusterInput.body_br)
    body_br: row.body_br,
    publishedAt: row.published_at,
    outletKey: row.outlet_key,
    ...(provenance.source === undefined ? {} : { provenanceSource: provenance.source }),
  };
}

/**
 * Cluster every article that has no story yet, in publication order (then id). An article whose
 * content hash differs from the one recorded when it was clustered dissolves its story first,
 * so that story is rebuilt from its members' current texts.
 *
 * @example
 * const store = await openStore('caixun.db');
 * await importPaths(['archive/'], store);
 * const { clustered, stories } = await clusterPending(store);
 */
export async function clusterPending(store: Store, options: ClusterPendingOptions = {}): Promise<ClusterCounts> {
  const tables = store.stories();
  // Several workers may share a PostgreSQL database: one clusters at a time (see StoryTables).
  const release = await tables.lockClustering();
  try {
    return await clusterLocked(tables, options);
  } finally {
    await release();
  }
}

/** Cluster what is pending, holding the lock (which already released changed articles). */
async function clusterLocked(tables: StoryTables, options: ClusterPendingOptions): Promise<ClusterCounts> {
  const cutoff = options.until;
  const total = await tables.countPending();
  // States parsed once per run and written once per batch (see story-state-cache.ts).
  const states = new StoryStateCache(tables.repository);
  const clusterer = new StoryClusterer({
    index: tables.index,
    repository: states,
    ...(options.clusterer === undefined ? {} : { options: options.clusterer }),
  });
  const batchSize = Math.max(1, options.batchSize ?? 250);
  const pool = new PrintPool(options.workers ?? (total >= SMALL_RUN ? 1 : 0), clusterer.options);
  let clustered = 0;
  let joined = 0;
  try {
    // Pipelined: the prints of the next batch are computed (on the worker) while this batch is
    // clustered. Fetching the next batch early is safe: clustering only assigns this batch's
    // articles and re-assigns members already clustered, so it never changes what is pending
    // after this batch's last article.
    const before = (rs: PendingArticleRow[]): PendingArticleRow[] =>
      cutoff === undefined ? rs : rs.filter((r) => precedes({ ts: r.sort_ts, id: r.id }, cutoff));
    let rows = before(await tables.pendingAfter(null, batchSize));
    let inputs = rows.map(toClusterInput);
    let prints = pool.print(inputs);
    for (;;) {
      const last = rows[rows.length - 1];
      if (last === undefined) break;
      const nextRows = before(await tables.pendingAfter({ ts: last.sort_ts, id: last.id }, batchSize));
      const nextInputs = nextRows.map(toClusterInput);
      const nextPrints = pool.print(nextInputs);
      const ready = await prints;
      try {
        joined += await tables.transaction(async () => {
          let n = 0;
          for (let i = 0; i < inputs.length; i++) {
            if ((await clusterer.add(inputs[i] as ClusterInput, ready[i])).action === 'joined') n++;
          }
          await states.flush();
          return n;
        });
      } catch (err) {
        throw new StoreError(`stories: clustering ${rows.length} articles from ${rows[0]?.id ?? ''} failed: ${(err as Error).message}`, {
          cause: err,
        });
      }
      clustered += rows.length;
      options.onProgress?.({ done: clustered, total: Math.max(total, clustered) });
      // Let progress output and signals through between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
      rows = nextRows;
      inputs = nextInputs;
      prints = nextPrints;
    }
  } finally {
    await pool.close();
  }
  return { clustered, stories: await tables.countStories(), joined };
}

/**
 * Rebuild every story from scratch: wipe the story tables, then {@link clusterPending}.
 * Resumable like it: after a crash, the next `clusterPending` finishes the job.
 */
export async function reclusterAll(store: Store, options: ClusterPendingOptions = {}): Promise<ClusterCounts> {
  const tables = store.stories();
  const release = await tables.lockClustering();
  try {
    await tables.wipe();
    return await clusterLocked(tables, options);
  } finally {
    await release();
  }
}
