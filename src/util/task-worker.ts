/**
 * A pure function run on one worker thread, batch by batch, so that a derive step's CPU work
 * (extracting claims, segmenting for search) runs beside the main thread's clustering and
 * SQLite writes. With `threaded` false it runs in this thread. The results are the same wherever
 * they are computed; a batch that throws on the worker rejects with the worker's message.
 */
import { availableParallelism } from 'node:os';
import { parentPort, type Worker } from 'node:worker_threads';
import { startModuleWorker } from './module-worker.js';

interface TaskRequest<I> {
  seq: number;
  inputs: I[];
}

interface TaskResponse<O> {
  seq: number;
  outputs?: O[];
  error?: string;
}

/**
 * A young generation large enough that a batch's short-lived strings and arrays rarely survive
 * a scavenge (the default one cost the print workers ~15 % of their time in GC).
 */
const resourceLimits = { maxYoungGenerationSizeMb: 96 };

/** Below this many items, starting a worker thread (and its dictionary) costs more than it saves. */
const THREADED_RUN = 1000;

/** Whether a run of `items` is worth a worker thread: large enough, and a second core to run it. */
export function worthAThread(items: number): boolean {
  return items >= THREADED_RUN && availableParallelism() > 1;
}

/**
 * In the worker module: answer each batch with `run` of its inputs.
 *
 * @example
 * serveTasks((inputs: ExtractInput[]) => inputs.map(claimInputsOf));
 */
export function serveTasks<I, O>(run: (inputs: I[]) => O[]): void {
  parentPort?.on('message', (req: TaskRequest<I>) => {
    let res: TaskResponse<O>;
    try {
      res = { seq: req.seq, outputs: run(req.inputs) };
    } catch (err) {
      res = { seq: req.seq, error: (err as Error).message };
    }
    parentPort?.postMessage(res);
  });
}

/**
 * The caller's side. `run` resolves with the outputs in input order; call `close()` when done,
 * also after a failure.
 *
 * @example
 * const pool = new TaskWorker(import.meta.url, 'extract-worker', (inputs) => inputs.map(claimInputsOf), true, 'facts');
 * const claims = await pool.run(inputs);
 * await pool.close();
 */
export class TaskWorker<I, O> {
  readonly #local: (inputs: I[]) => O[];
  readonly #worker: Worker | undefined;
  readonly #waiting = new Map<number, { resolve: (o: O[]) => void; reject: (e: Error) => void }>();
  #seq = 0;
  #failure: Error | undefined;
  #closed = false;

  /**
   * @param callerUrl - `import.meta.url` of the module beside the worker module.
   * @param name - the worker module's file name without extension; it calls {@link serveTasks} with `local`.
   * @param local - the same function, for running in this thread.
   * @param threaded - run on a worker thread (false: in this thread).
   * @param what - names the step in errors (`facts`).
   */
  constructor(callerUrl: string, name: string, local: (inputs: I[]) => O[], threaded: boolean, what: string) {
    this.#local = local;
    if (!threaded) return;
    const worker = startModuleWorker(callerUrl, name, { resourceLimits });
    worker.on('message', (res: TaskResponse<O>) => {
      const waiting = this.#waiting.get(res.seq);
      this.#waiting.delete(res.seq);
      if (res.outputs !== undefined) waiting?.resolve(res.outputs);
      else waiting?.reject(new Error(res.error ?? `${what}: the worker thread failed`));
    });
    worker.on('error', (err: Error) => this.#fail(err));
    worker.on('exit', (code) => {
      if (code !== 0) this.#fail(new Error(`${what}: worker thread exited with code ${code}`));
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

  /** The outputs of `inputs`, in order. */
  async run(inputs: I[]): Promise<O[]> {
    if (this.#failure !== undefined) throw this.#failure;
    const worker = this.#worker;
    if (worker === undefined || inputs.length === 0) return this.#local(inputs);
    const seq = this.#seq++;
    return new Promise<O[]>((resolve, reject) => {
      this.#waiting.set(seq, { resolve, reject });
      worker.postMessage({ seq, inputs } satisfies TaskRequest<I>);
    });
  }

  /** Stop the worker; batches still in flight are abandoned (never settle). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#waiting.clear();
    await this.#worker?.terminate();
  }
}

/** `p`, with its rejection marked as handled until someone awaits it (a batch sent ahead may fail first). */
export function observed<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}
