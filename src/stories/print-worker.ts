/**
 * Worker-thread entry of the {@link PrintPool}: computes {@link printArticle} for each batch of
 * articles it is sent and answers with the prints in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { printArticle, type PrintOptions } from './article-print.js';
import type { PrintRequest, PrintResponse } from './print-pool.js';

const options = (workerData as { options: PrintOptions }).options;

parentPort?.on('message', (req: PrintRequest) => {
  const t0 = performance.now();
  const prints = req.inputs.map((input) => printArticle(input, options));
  const res: PrintResponse = { seq: req.seq, prints, busyMs: performance.now() - t0 };
  parentPort?.postMessage(res);
});
