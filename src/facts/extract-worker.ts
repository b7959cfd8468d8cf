/**
 * Worker-thread entry of the {@link ExtractPool}: extracts the claims of each batch it is sent
 * and answers with them in the same order. A batch that throws is answered with the reason (the
 * caller fails that batch alone, as it would extracting in its own thread).
 */
import { parentPort } from 'node:worker_threads';
import { claimInputsOf, type ExtractRequest, type ExtractResponse } from './extract-pool.js';

parentPort?.on('message', (req: ExtractRequest) => {
  let res: ExtractResponse;
  try {
    res = { seq: req.seq, claims: req.inputs.map(claimInputsOf) };
  } catch (err) {
    res = { seq: req.seq, error: (err as Error).message };
  }
  parentPort?.postMessage(res);
});
