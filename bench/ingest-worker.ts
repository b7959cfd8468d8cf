/**
 * One ingest worker of `npm run bench -- ingest` (a child process): reads its shard of the
 * prepared articles (every `count`-th line of a JSONL file, from line `index`), then, like a
 * `caixun worker` after each poll, stores a batch and runs the derive steps (stories → search →
 * facts; a step another worker is running is skipped, as `caixun worker` does), until its shard is
 * done. Prints one JSON line with its own figures.
 *   node --import tsx bench/ingest-worker.ts DB JSONL INDEX COUNT BATCH
 */
import { readFileSync } from 'node:fs';
import { derivePending } from '../src/derive/derive-pending.js';
import type { Article } from '../src/model/article.js';
import { openStore } from '../src/store/open-store.js';

const [db, jsonl, indexArg, countArg, batchArg] = process.argv.slice(2);
if (db === undefined || jsonl === undefined) {
  process.stderr.write('usage: ingest-worker DB JSONL INDEX COUNT BATCH\n');
  process.exit(2);
}
const index = Number(indexArg ?? 0);
const count = Number(countArg ?? 1);
const batch = Number(batchArg ?? 50);
const shard = readFileSync(jsonl, 'utf8')
  .split('\n')
  .filter((line, i) => line !== '' && i % count === index)
  .map((line) => JSON.parse(line) as Article);

const store = await openStore(db);
const started = performance.now();
let storeMs = 0;
let deriveMs = 0;
let created = 0;
/** Milliseconds per derive step (including runs for other workers' articles). */
const stepMs: Record<string, number> = {};
/** Items each derive step processed (articles clustered again after a late arrival count again). */
const stepItems: Record<string, number> = {};
const whenBusy = process.env.BENCH_WHEN_BUSY === 'wait' ? 'wait' : 'skip';
try {
  for (let i = 0; i < shard.length; i += batch) {
    const t0 = performance.now();
    const outcomes = await store.upsertArticles(shard.slice(i, i + batch));
    created += outcomes.filter((o) => o === 'new').length;
    const t1 = performance.now();
    await derivePending(store, {
      whenBusy,
      onStepDone: (step, n, seconds) => {
        stepMs[step] = (stepMs[step] ?? 0) + seconds * 1000;
        stepItems[step] = (stepItems[step] ?? 0) + n;
      },
    });
    storeMs += t1 - t0;
    deriveMs += performance.now() - t1;
  }
} finally {
  await store.close();
}
process.stdout.write(
  `${JSON.stringify({ index, articles: shard.length, created, storeMs: Math.round(storeMs), deriveMs: Math.round(deriveMs), stepMs: Object.fromEntries(Object.entries(stepMs).map(([k, v]) => [k, Math.round(v)])), stepItems, wallMs: Math.round(performance.now() - started) })}\n`,
);
