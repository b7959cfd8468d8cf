/**
 * Extracts claims on a worker thread, so that on two cores the facts step runs beside the
 * stories and search steps instead of after them (they keep the main thread: clustering and
 * every SQLite write happen there). With no worker it extracts in this thread. The claims are
 * the same wherever they are computed.
 */
import type { Worker } from 'node:worker_threads';
import type { ClaimInput } from '../store/tables.js';
import { startModuleWorker } from '../util/module-worker.js';
import { extractClaims } from './extract.js';
import { normalizeSubject } from './subject.js';

/** What extraction needs of an article. */
export interface ExtractInput {
  text: string;
  publishedAt: string | null;
}

/** A batch sent to the worker. */
export interface ExtractRequest {
  seq: number;
  inputs: ExtractInput[];
}

/** The worker's answer: claims per input, in order, or why the batch failed. */
export interface ExtractResponse {
  seq: number;
  claims?: ClaimInput[][];
  error?: string;
}

/** The stored claims of one article: each claim with its normalised subject. */
export function claimInputsOf(input: ExtractInput): ClaimInput[] {
  return extractClaims(input.text, input.publishedAt).map((c) => ({ ...c, subjectKey: normalizeSubject(c.subject) }));
}

/**
 * A young generation large enough that a batch's short-lived strings and arrays rarely survive
 * a scavenge (as for the print workers).
 */
const resourceLimits = { maxYoungGenerationSizeMb: 96 };

/**
 * One extraction worker (or none). `extract` resolves with each input's claims in order; call
 * `close()` when done, also after a failure.
 *
 * @example
 * const pool = new ExtractPool(true);
 * const claims = await pool.extract(rows.map((r) => ({ text: r.text, publishedAt: r.published_at })));
 * await pool.close();
 */
export class ExtractPool {
  readonly #worker: Worker | undefined;
  readonly #waiting = new Map<number, { resolve: (c: ClaimInput[][]) => void; reject: (e: Error) => void }>();
  #seq = 0;
  #failure: Error | undefined;
  #closed = false;

  /** @param threaded - extract on a worker thread (false: in this thread). */
  constructor(threaded: boolean) {
    if (!threaded) return;
    const worker = startModuleWorker(import.meta.url, 'extract-worker', { resourceLimits });
    worker.on('message', (res: ExtractResponse) => {
      const waiting = this.#waiting.get(res.seq);
      this.#waiting.delete(res.seq);
      if (res.claims !== undefined) waiting?.resolve(res.claims);
      else waiting?.reject(new Error(res.error ?? 'facts: extraction failed'));
    });
    worker.on('error', (err: Error) => this.#fail(err));
    worker.on('exit', (code) => {
      if (code !== 0) this.#fail(new Error(`facts: extraction worker exited with code ${code}`));
    });
    this.#worker = worker;
  }

  #fail(err: Error): void {
    // Terminating the worker in close() ends it with code 1: not a failure.
    if (this.#closed) return;
    this.#failure ??= err;
    for (const { reject } of this.#waiting.values()) reject(err);
    this.#waiting.clear();
  }

  /** The claims of each input, in order. */
  async extract(inputs: readonly ExtractInput[]): Promise<ClaimInput[][]> {
    if (this.#failure !== undefined) throw this.#failure;
    const worker = this.#worker;
    if (worker === undefined || inputs.length === 0) return inputs.map(claimInputsOf);
    const seq = this.#seq++;
    return new Promise<ClaimInput[][]>((resolve, reject) => {
      this.#waiting.set(seq, { resolve, reject });
      worker.postMessage({ seq, inputs: inputs.map((i) => ({ text: i.text, publishedAt: i.publishedAt })) } satisfies ExtractRequest);
    });
  }

  /** Stop the worker; batches still in flight are abandoned (never settle). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#waiting.clear();
    await this.#worker?.terminate();
  }
}
