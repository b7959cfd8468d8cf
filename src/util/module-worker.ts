/**
 * Starts a worker thread on a module that sits beside the caller. Built code runs the compiled
 * `.js` directly; under tests and `tsx` the sources are TypeScript, so a tiny bootstrap
 * registers tsx in the worker first.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * @param callerUrl - `import.meta.url` of the module that starts the worker.
 * @param name - the worker module's file name without extension (`print-worker`).
 *
 * @example
 * const worker = startModuleWorker(import.meta.url, 'print-worker', { workerData });
 */
export function startModuleWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
