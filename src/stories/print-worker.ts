/**
 * Worker-thread entry of the {@link PrintPool}: computes {@link printArticle} for each batch of
 * articles it is sent and answers with the prints in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { printArticle, type PrintOptions } from './article-print.js';
import type { PrintRequest, PrintResponse } from './print-pool.js';

const options = (workerData as { options: PrintOptions }).options;

parentPort?.on('message', (req: PrintRequest) => {
  const res: PrintResponse = { seq: req.seq, prints: req.inputs.map((input) => printArticle(input, options)) };
  parentPort?.postMessage(res);
});
