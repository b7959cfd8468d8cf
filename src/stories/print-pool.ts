/**
 * Computes article prints (fingerprint, event profile, index keys) on worker threads, so that on
 * two cores one fingerprints the next batch while the other clusters this one (index lookups and
 * SQLite writes stay on the main thread). With no workers it computes them in this thread.
 */
import { Worker } from 'node:worker_threads';
import { printArticle, type ArticlePrint, type PrintOptions } from './article-print.js';
import type { ClusterInput } from './story-state.js';

/** What a print needs of an article. */
export type PrintInput = Pick<ClusterInput, 'title' | 'text' | 'publishedAt'>;

/** A batch sent to a worker. */
export interface PrintRequest {
  seq: number;
  inputs: PrintInput[];
}

/** A worker's answer. */
export interface PrintResponse {
  seq: number;
  prints: ArticlePrint[];
}

/** Starts one worker; under tests and `tsx` the sources are TypeScript, so tsx is registered first. */
function startWorker(options: Readonly<PrintOptions>): Worker {
  const workerData = { options };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./print-worker.js', import.meta.url), { workerData });
  const entry = new URL('./print-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { workerData, eval: true });
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
  #seq = 0;
  #failure: Error | undefined;
  #closed = false;

  /** @param workers - worker threads (0: compute in this thread). */
  constructor(workers: number, options: Readonly<PrintOptions>) {
    this.#options = options;
    this.#workers = Array.from({ length: Math.max(0, workers) }, () => startWorker(options));
    for (const w of this.#workers) {
      w.on('message', (res: PrintResponse) => {
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

  /** Prints of `inputs`, in order. */
  async print(inputs: readonly PrintInput[]): Promise<ArticlePrint[]> {
    if (this.#failure !== undefined) throw this.#failure;
    if (this.#workers.length === 0 || inputs.length === 0) return inputs.map((i) => printArticle(i, this.#options));
    const size = Math.ceil(inputs.length / this.#workers.length);
    const parts = this.#workers.map((worker, w) => {
      const seq = this.#seq++;
      const slice = inputs.slice(w * size, (w + 1) * size).map((i) => ({ title: i.title, text: i.text, publishedAt: i.publishedAt }));
      return new Promise<ArticlePrint[]>((resolve, reject) => {
        this.#waiting.set(seq, { resolve, reject });
        worker.postMessage({ seq, inputs: slice } satisfies PrintRequest);
      });
    });
    return (await Promise.all(parts)).flat();
  }

  /** Stop the workers; prints still in flight are abandoned (never settle). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#waiting.clear();
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
