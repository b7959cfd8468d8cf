/**
 * Worker-thread entry: processes chunks of file paths sent by the pool. Files of a chunk are
 * processed one after another and answered as one message, so results keep their input order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type DocumentResult, processPath } from './process-document.js';
import type { ChunkRequest, ChunkResponse } from './worker-pool.js';

const { fetchedAt } = workerData as { fetchedAt: string };

async function processChunk(req: ChunkRequest): Promise<ChunkResponse> {
  const results: DocumentResult[] = [];
  // processPath never rejects: a bad file is a failure result.
  for (const p of req.paths) results.push(await processPath(p, fetchedAt));
  return { first: req.first, results };
}

parentPort?.on('message', (req: ChunkRequest) => {
  void processChunk(req).then((res) => parentPort?.postMessage(res));
});
