/** Worker-thread entry: processes chunks of file paths sent by the pool. */
import { parentPort, workerData } from 'node:worker_threads';
import { processFile } from './process-document.js';
import type { ChunkRequest, ChunkResponse } from './worker-pool.js';

const { fetchedAt } = workerData as { fetchedAt: string };

parentPort?.on('message', (req: ChunkRequest) => {
  const results = req.paths.map((p) => processFile(p, fetchedAt));
  const res: ChunkResponse = { first: req.first, results };
  parentPort?.postMessage(res);
});
