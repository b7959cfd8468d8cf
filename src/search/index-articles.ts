/**
 * The search index step: segments every article that is new or changed since the last run
 * (by `articles.updated_at`, with the indexed content hash as the final word) and writes it to
 * the FTS5 index, a few hundred per transaction, so an interrupted run resumes where it stopped.
 * `reindexAll` empties the index and rebuilds it.
 */
import type { Store } from '../store/store.js';
import type { SearchDocument, SearchSourceRow } from '../store/tables.js';
import { StoreError } from '../util/errors.js';
import { observed, worthAThread } from '../util/task-worker.js';
import { justAfter, lookBackFrom } from '../util/watermark.js';
import { segmentPool } from './segment-pool.js';

export { searchDocumentOf } from './search-document.js';


/** Options of {@link indexPending}. */
export interface IndexOptions {
  /** Called after each committed batch. */
  onProgress?: (done: number, total: number) => void;
  /** Articles per transaction. Default 500. */
  batchSize?: number;
  /** Segment on a worker thread. Default: {@link worthAThread} of the changed articles. */
  threaded?: boolean;
}

/** What an indexing run did. */
export interface IndexCounts {
  /** Articles (re)written to the index. */
  indexed: number;
  /** Articles looked at whose indexed content was already current. */
  unchanged: number;
  /** Documents in the index after the run. */
  documents: number;
}

/**
 * How many articles changed after the newest one the last indexing run saw (all of them before
 * the first run): what `caixun search` warns about. Unlike counting every article against every
 * indexed document, its cost is the number of such articles, not the archive's size (0.9 s on
 * PostgreSQL at 1 M articles, for a warning that is almost always zero).
 */
export async function countUnindexed(store: Store): Promise<number> {
  const tables = store.search();
  return tables.countChangedSince(justAfter(await tables.watermark()));
}

/**
 * Index every article new or changed since the last run.
 *
 * @example
 * const store = await openStore('caixun.db');
 * const { indexed } = await indexPending(store);
 */
export async function indexPending(store: Store, options: IndexOptions = {}): Promise<IndexCounts> {
  const tables = store.search();
  const watermark = await tables.watermark();
  const start = lookBackFrom(watermark);
  const total = await tables.countChangedSince(start);
  const batchSize = Math.max(1, options.batchSize ?? 500);
  // A thread is worth it for what is new since the last run, not for the slack's second look at
  // the last minute (the index holds those rows, and reads them without their text): a worker
  // deriving every 50 articles during a busy minute started a thread, jieba and all, every time.
  const pool = segmentPool(options.threaded ?? worthAThread(await tables.countChangedSince(justAfter(watermark))));
  // Segmented outside the transaction: other writers wait for the index's write lock (on
  // PostgreSQL) only while the documents are written, not while jieba runs. Pipelined: the next
  // batch is read and segmented (on the worker) while this one is written; reading ahead is safe,
  // as writing the index changes no article's updated_at.
  const segment = (rows: SearchSourceRow[]): { changed: SearchSourceRow[]; docs: Promise<SearchDocument[]> } => {
    const changed = rows.filter((row) => row.doc_hash !== row.content_hash);
    return { changed, docs: observed(pool.run(changed)) };
  };
  let seen = 0;
  let indexed = 0;
  try {
    let rows = await tables.changedAfter({ updatedAt: start, id: '' }, batchSize);
    let pending = segment(rows);
    for (;;) {
      const last = rows[rows.length - 1];
      if (last === undefined) break;
      const nextRows = await tables.changedAfter({ updatedAt: last.updated_at, id: last.id }, batchSize);
      const next = segment(nextRows);
      try {
        const { changed } = pending;
        const docs = await pending.docs;
        indexed += await tables.transaction(async () => {
          for (let i = 0; i < changed.length; i++) await tables.put(changed[i]!, docs[i]!);
          await tables.setWatermark(last.updated_at);
          return changed.length;
        });
      } catch (err) {
        throw new StoreError(`search: indexing ${rows.length} articles from ${rows[0]?.id ?? ''} failed: ${(err as Error).message}`, {
          cause: err,
        });
      }
      seen += rows.length;
      options.onProgress?.(seen, Math.max(total, seen));
      await new Promise<void>((resolve) => setImmediate(resolve));
      rows = nextRows;
      pending = next;
    }
  } finally {
    await pool.close();
  }
  return { indexed, unchanged: seen - indexed, documents: await tables.countDocuments() };
}

/** Empty the index, index every article again, and merge the index into one segment. */
export async function reindexAll(store: Store, options: IndexOptions = {}): Promise<IndexCounts> {
  const tables = store.search();
  await tables.wipe();
  const counts = await indexPending(store, options);
  await tables.optimize();
  return counts;
}
