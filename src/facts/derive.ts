/**
 * The facts derive step: extract the claims of every article that is new or changed since its
 * claims were stored, a few hundred articles per transaction (an interrupted run resumes).
 */
import type { Store } from '../store/store.js';
import type { ClaimInput } from '../store/tables.js';
import { StoreError } from '../util/errors.js';
import { extractClaims } from './extract.js';
import { normalizeSubject } from './subject.js';
import type { Claim } from './types.js';

/** Options of {@link extractPending}. */
export interface ExtractPendingOptions {
  /** Called after each committed batch with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Articles per transaction. Default 200. */
  batchSize?: number;
}

/** A claim as stored: the claim plus its normalised subject. */
export function toClaimInput(c: Claim): ClaimInput {
  return { ...c, subjectKey: normalizeSubject(c.subject) };
}

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
  const total = await tables.countPending();
  const batchSize = Math.max(1, options.batchSize ?? 200);
  let done = 0;
  let after = '';
  for (;;) {
    const rows = await tables.pendingAfter(after, batchSize);
    const last = rows[rows.length - 1];
    if (last === undefined) break;
    const batch = rows.map((r) => ({
      articleId: r.id,
      contentHash: r.content_hash,
      claims: extractClaims(r.text, r.published_at).map(toClaimInput),
    }));
    try {
      await tables.replaceClaims(batch);
    } catch (err) {
      throw new StoreError(`facts: storing the claims of ${rows.length} articles from ${rows[0]?.id ?? ''} failed: ${(err as Error).message}`, {
        cause: err,
      });
    }
    done += rows.length;
    after = last.id;
    options.onProgress?.(done, Math.max(total, done));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return done;
}
