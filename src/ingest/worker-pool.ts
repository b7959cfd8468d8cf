/**
 * Processes files on worker threads (cleaning is CPU-bound; SQLite writes stay on the
 * main thread) and yields results in input order, so imports are deterministic.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../util/module-worker.js';
import { type DocumentResult, processPath } from './process-document.js';

/** A run of consecutive paths starting at input index `first`. */
export interface ChunkRequest {
  first: number;
  paths: string[];
}
export interface ChunkResponse {
  first: number;
  results: DocumentResult[];
}

export interface ProcessOptions {
  fetchedAt: string;
  /** Worker threads; 0 processes in this thread. Default: available cores, none for small inputs. */
  workers?: number;
}

/** Paths per message: big enough to amortise messaging, small enough to keep memory flat. */
const CHUNK = 32;
/** Chunks in flight per worker. */
const IN_FLIGHT = 3;
/** Below this many files, starting workers costs more than it saves. */
const SMALL_INPUT = 200;

/** Starts one document worker. */
function startWorker(fetchedAt: string): Worker {
  return startModuleWorker(import.meta.url, 'document-worker', { workerData: { fetchedAt } });
}

/** Yields `[path, result]` for every path, in order. */
export async function* processFiles(
  paths: readonly string[],
  options: ProcessOptions,
): AsyncGenerator<[string, DocumentResult]> {
  const n = options.workers ?? (paths.length < SMALL_INPUT ? 0 : availableParallelism());
  if (n <= 0) {
    for (const p of paths) yield [p, await processPath(p, options.fetchedAt)];
    return;
  }
  const workers = Array.from({ length: n }, () => startWorker(options.fetchedAt));
  const done = new Map<number, DocumentResult[]>();
  const inFlight = workers.map(() => 0);
  const window = n * IN_FLIGHT * CHUNK; // results processed but not yet consumed, at most
  let next = 0; // next input index to hand out
  let emitted = 0; // next input index to yield
  let wake: (() => void) | undefined;
  let failure: Error | undefined;

  // Hands out chunks to the least busy workers while the window has room.
  const refill = (): void => {
    while (next < paths.length && next - emitted < window) {
      let w = 0;
      for (let i = 1; i < workers.length; i++) if (inFlight[i]! < inFlight[w]!) w = i;
      const req: ChunkRequest = { first: next, paths: paths.slice(next, next + CHUNK) };
      next += req.paths.length;
      inFlight[w]!++;
      workers[w]!.postMessage(req);
    }
  };
  workers.forEach((w, i) => {
    w.on('message', (res: ChunkResponse) => {
      inFlight[i]!--;
      done.set(res.first, res.results);
      wake?.();
    });
    w.on('error', (err) => {
      failure = err;
      wake?.();
    });
  });

  try {
    refill();
    while (emitted < paths.length) {
      const chunk = done.get(emitted);
      if (!chunk) {
        if (failure) throw failure;
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      done.delete(emitted);
      for (const result of chunk) {
        yield [paths[emitted]!, result];
        emitted++;
      }
      refill();
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
