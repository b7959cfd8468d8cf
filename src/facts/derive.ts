/**
 * The facts derive step: extract the claims of every article that is new or changed since its
 * claims were stored, a few hundred articles per transaction (an interrupted run resumes).
 */
import type { Store } from '../store/store.js';
import type { FactsPendingRow } from '../store/tables.js';
import { StoreError } from '../util/errors.js';
import { observed, worthAThread } from '../util/task-worker.js';
import { lookBackFrom } from '../util/watermark.js';
import { extractPool, type ExtractInput } from './extract-pool.js';

/** Options of {@link extractPending}. */
export interface ExtractPendingOptions {
  /** Called after each committed batch with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Articles per transaction. Default 200. */
  batchSize?: number;
  /** Extract on a worker thread. Default: {@link worthAThread} of the pending articles. */
  threaded?: boolean;
}

// The packed body goes to the thread that extracts, which decompresses it (see packed-text.ts).
const inputsOf = (rows: readonly FactsPendingRow[]): ExtractInput[] => rows.map((r) => ({ text: r.text, body_br: r.body_br, publishedAt: r.published_at }));

/**
 * Extract and store the claims of every article without current claims. Returns how many
 * articles were processed.
 *
 * @example
 * await importPaths(['archive/'], store);
 * const n = await extractPending(store);
 */
export async function extractPending(store: Store, options: ExtractPendingOptions = {}): Promise<number> {
  const tables = store.facts();
  // Read before anything else: whatever is stored from now on is changed after it.
  const mark = await tables.newestChange();
  const watermark = await tables.watermark();
  const since = lookBackFrom(watermark);
  const total = await tables.countPending(since);
  const batchSize = Math.max(1, options.batchSize ?? 200);
  const pool = extractPool(options.threaded ?? worthAThread(total));
  let done = 0;
  try {
    // Pipelined: the next batch is read and extracted (on the worker) while this one is stored.
    // Reading ahead is safe: storing a batch marks only its own articles, all before the next.
    // The first run walks every article by id; later ones what changed since, by updated_at.
    const next = (after: FactsPendingRow | undefined): Promise<FactsPendingRow[]> =>
      since === ''
        ? tables.pendingAfter(after?.id ?? '', batchSize)
        : tables.pendingChangedAfter(since, after === undefined ? null : { updatedAt: after.updated_at, id: after.id }, batchSize);
    let rows = await next(undefined);
    let claims = observed(pool.run(inputsOf(rows)));
    for (;;) {
      const last = rows[rows.length - 1];
      if (last === undefined) break;
      const nextRows = await next(last);
      const nextClaims = observed(pool.run(inputsOf(nextRows)));
      const ready = await claims;
      const batch = rows.map((r, i) => ({ articleId: r.id, contentHash: r.content_hash, claims: ready[i] ?? [] }));
      try {
        await tables.replaceClaims(batch);
      } catch (err) {
        throw new StoreError(`facts: storing the claims of ${rows.length} articles from ${rows[0]?.id ?? ''} failed: ${(err as Error).message}`, {
          cause: err,
        });
      }
      done += rows.length;
      options.onProgress?.(done, Math.max(total, done));
      await new Promise<void>((resolve) => setImmediate(resolve));
      rows = nextRows;
      claims = nextClaims;
    }
    // Complete: every article changed before the mark has current claims.
    if (mark !== '' && mark !== watermark) await tables.setWatermark(mark);
  } finally {
    await pool.close();
  }
  return done;
}

/**
 * Where a run starts looking: a minute before the last complete run began, or every article
 * before the first run. Without it every run read every article to find the few new ones (at
 * 3,000 articles already ~12 ms a run; linear in the archive).
 */
export async function pendingSince(store: Store): Promise<string> {
  return lookBackFrom(await store.facts().watermark());
}
