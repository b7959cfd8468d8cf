/**
 * The search index step: segments every article that is new or changed since the last run
 * (by `articles.updated_at`, with the indexed content hash as the final word) and writes it to
 * the FTS5 index, a few hundred per transaction, so an interrupted run resumes where it stopped.
 * `reindexAll` empties the index and rebuilds it.
 */
import type { Store } from '../store/store.js';
import type { SearchDocument, SearchSourceRow } from '../store/tables.js';
import { StoreError } from '../util/errors.js';
import { categoryToken, outletToken } from './fts-expression.js';
import { gramTokens } from './grams.js';
import { indexWords } from './segment.js';

/**
 * Articles whose `updated_at` is up to this much older than the watermark are looked at again:
 * a batch is stamped just before its transaction, so a concurrent writer (a `caixun fetch` during
 * an import) can commit a stamp slightly older than one already seen. Their content hash makes
 * the second look cheap.
 */
const WATERMARK_SLACK_MS = 60_000;

/** Options of {@link indexPending}. */
export interface IndexOptions {
  /** Called after each committed batch. */
  onProgress?: (done: number, total: number) => void;
  /** Articles per transaction. Default 500. */
  batchSize?: number;
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

function parseCategories(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
}

/** The segmented columns of one article. */
export function searchDocumentOf(row: Pick<SearchSourceRow, 'title' | 'text' | 'outlet_key' | 'categories'>): SearchDocument {
  const meta = [outletToken(row.outlet_key), ...parseCategories(row.categories).map(categoryToken)];
  return {
    title: gramTokens(row.title).join(' '),
    body: gramTokens(row.text).join(' '),
    titleWords: indexWords(row.title).join(' '),
    bodyWords: indexWords(row.text).join(' '),
    meta: [...new Set(meta)].join(' '),
  };
}

function slackBefore(watermark: string): string {
  const t = Date.parse(watermark);
  return Number.isNaN(t) ? '' : new Date(t - WATERMARK_SLACK_MS).toISOString();
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
  const start = slackBefore(await tables.watermark());
  const total = await tables.countChangedSince(start);
  const batchSize = Math.max(1, options.batchSize ?? 500);
  let cursor = { updatedAt: start, id: '' };
  let seen = 0;
  let indexed = 0;
  for (;;) {
    const rows = await tables.changedAfter(cursor, batchSize);
    const last = rows[rows.length - 1];
    if (last === undefined) break;
    try {
      // Segmented before the transaction: other writers wait for the index's write lock (on
      // PostgreSQL) only while the documents are written, not while jieba runs.
      const changed = rows.filter((row) => row.doc_hash !== row.content_hash).map((row) => ({ row, doc: searchDocumentOf(row) }));
      indexed += await tables.transaction(async () => {
        for (const { row, doc } of changed) await tables.put(row, doc);
        await tables.setWatermark(last.updated_at);
        return changed.length;
      });
    } catch (err) {
      throw new StoreError(`search: indexing ${rows.length} articles from ${rows[0]?.id ?? ''} failed: ${(err as Error).message}`, {
        cause: err,
      });
    }
    seen += rows.length;
    cursor = { updatedAt: last.updated_at, id: last.id };
    options.onProgress?.(seen, Math.max(total, seen));
    await new Promise<void>((resolve) => setImmediate(resolve));
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
