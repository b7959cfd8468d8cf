/**
 * Computes article prints (fingerprint, event profile, index keys) on worker threads, so that on
 * two cores one fingerprints the next batch while the other clusters this one (index lookups and
 * SQLite writes stay on the main thread). With no workers it computes them in this thread.
 *
 * Balancing: printing costs more than clustering an article against the index, so a lone worker
 * would leave this thread waiting. The last part of each batch is printed here instead, and its
 * size follows the load, measured from one `print` call to the next: time this thread's event
 * loop sat idle (waiting for a worker) moves articles here; a cycle longer than the workers'
 * print time moves them back. The prints are the same wherever they are computed.
 */
import type { EventLoopUtilization } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../util/module-worker.js';
import { printArticle, type ArticlePrint, type PrintOptions } from './article-print.js';
import type { ClusterInput } from './story-state.js';

/** What a print needs of an article. */
export type PrintInput = Pick<ClusterInput, 'title' | 'text' | 'body_br' | 'publishedAt'>;

/** A batch sent to a worker. */
export interface PrintRequest {
  seq: number;
  inputs: PrintInput[];
}

/** A worker's answer. */
export interface PrintResponse {
  seq: number;
  prints: ArticlePrint[];
  /** Time the worker spent printing the batch (ms). */
  busyMs: number;
}

/** Most of a batch ever printed on this thread. */
const MAX_LOCAL_SHARE = 0.5;
/** Fraction of a measured imbalance corrected at each batch (damps oscillation). */
const GAIN = 0.5;
/** Largest change of the local share in one step. */
const MAX_STEP = 0.1;

/**
 * A worker's heap limits: a young generation large enough that a batch's short-lived strings and
 * arrays rarely survive a scavenge (the default one spent ~15 % of the worker's time in GC).
 */
const resourceLimits = { maxYoungGenerationSizeMb: 96 };

/** Starts one worker. */
function startWorker(options: Readonly<PrintOptions>): Worker {
  return startModuleWorker(import.meta.url, 'print-worker', { workerData: { options }, resourceLimits });
}

/**
 * A pool of print workers. `print` splits a batch over the workers and resolves with the prints
 * in input order; call `close()` when done (also after a failure).
 *
 * @example
 * const pool = new PrintPool(1, options);
 * const prints = await pool.print(rows);
 * await pool.close();
 */
export class PrintPool {
  readonly #options: Readonly<PrintOptions>;
  readonly #workers: Worker[];
  readonly #waiting = new Map<number, { resolve: (p: ArticlePrint[]) => void; reject: (e: Error) => void }>();
  /** Share of each batch printed on this thread (see the module comment). */
  #localShare = 0;
  /** Measured cost of one print here and on a worker (ms), for the balancing step. */
  #localMs = 0;
  #workerMs = 0;
  readonly #balance: boolean;
  /** The previous `print` call: when, the event loop's counters then, and how many it printed where. */
  #last: { t: number; elu: EventLoopUtilization; local: number; remote: number } | undefined;
  #seq = 0;
  #failure: Error | undefined;
  #closed = false;

  /**
   * @param workers - worker threads (0: compute in this thread).
   * @param balance - also print part of each batch on this thread when it would wait (default true).
   */
  constructor(workers: number, options: Readonly<PrintOptions>, balance = true) {
    this.#options = options;
    this.#balance = balance;
    this.#workers = Array.from({ length: Math.max(0, workers) }, () => startWorker(options));
    for (const w of this.#workers) {
      w.on('message', (res: PrintResponse) => {
        if (res.prints.length > 0) this.#workerMs = res.busyMs / res.prints.length;
        this.#waiting.get(res.seq)?.resolve(res.prints);
        this.#waiting.delete(res.seq);
      });
      w.on('error', (err: Error) => this.#fail(err));
      w.on('exit', (code) => {
        if (code !== 0) this.#fail(new Error(`stories: print worker exited with code ${code}`));
      });
    }
  }

  #fail(err: Error): void {
    // Terminating the workers in close() ends them with code 1: not a failure.
    if (this.#closed) return;
    this.#failure ??= err;
    for (const { reject } of this.#waiting.values()) reject(err);
    this.#waiting.clear();
  }

  /**
   * Move the local share after a cycle (from one `print` call to the next). When this thread sat
   * idle (waiting for a worker) move that much print time here; when it never did, move the
   * workers' slack (the cycle minus their print time) back to them.
   */
  #rebalance(now: number, elu: EventLoopUtilization): void {
    const last = this.#last;
    if (last === undefined || last.remote === 0) return;
    const cycleMs = now - last.t;
    const idleMs = performance.eventLoopUtilization(elu, last.elu).idle;
    const w = this.#workers.length;
    const workerBusyMs = (last.remote / w) * this.#workerMs;
    // Moving one article shifts this thread's time by one local print and the workers' by 1/w print.
    const perArticle = Math.max(1e-6, this.#localMs + this.#workerMs / w);
    const batch = last.local + last.remote;
    const moveMs = idleMs > 0.5 ? idleMs : -Math.max(0, cycleMs - workerBusyMs);
    // Capped: a long pause between two calls (the caller doing other work) is not a measure.
    const step = Math.max(-MAX_STEP, Math.min(MAX_STEP, (GAIN * moveMs) / perArticle / batch));
    this.#localShare = Math.min(MAX_LOCAL_SHARE, Math.max(0, this.#localShare + step));
  }

  /** Share of each batch now printed on this thread (0 with no workers or no balancing). */
  get localShare(): number {
    return this.#localShare;
  }

  /** Prints of `inputs`, in order. */
  async print(inputs: readonly PrintInput[]): Promise<ArticlePrint[]> {
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#workers.length === 0 || inputs.length === 0) return inputs.map((i) => printArticle(i, this.#options));
    const now = performance.now();
    const elu = performance.eventLoopUtilization();
    if (this.#balance) this.#rebalance(now, elu);
    const local = Math.min(inputs.length - 1, Math.floor(inputs.length * this.#localShare));
    const remote = inputs.length - local;
    const size = Math.ceil(remote / this.#workers.length);
    const parts = this.#workers.map((worker, w) => {
      const slice = inputs.slice(w * size, Math.min(remote, (w + 1) * size)).map((i) => ({ title: i.title, text: i.text, body_br: i.body_br ?? null, publishedAt: i.publishedAt }));
      if (slice.length === 0) return Promise.resolve([]);
      const seq = this.#seq++;
      return new Promise<ArticlePrint[]>((resolve, reject) => {
        this.#waiting.set(seq, { resolve, reject });
        worker.postMessage({ seq, inputs: slice } satisfies PrintRequest);
      });
    });
    const t0 = performance.now();
    const here = inputs.slice(remote).map((i) => printArticle(i, this.#options));
    if (local > 0) this.#localMs = (performance.now() - t0) / local;
    else if (this.#localMs === 0) this.#localMs = this.#workerMs;
    this.#last = { t: now, elu, local, remote };
    return [...(await Promise.all(parts)).flat(), ...here];
  }

  /** Stop the workers; prints still in flight are abandoned (never settle). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#waiting.clear();
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
