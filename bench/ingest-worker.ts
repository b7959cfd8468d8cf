/**
 * One ingest worker of `npm run bench -- ingest` (a child process). Like `caixun worker`s taking
 * due sources from the shared work queue, the workers take the next batch of the prepared
 * articles (a JSONL file in publication order) from a shared counter (a PostgreSQL sequence; one
 * worker alone counts by itself), store it and run the derive steps (stories → search → facts;
 * a step another worker is running is skipped, as `caixun worker` does), until no batch is left.
 * Prints one JSON line with its own figures.
 *   node --import tsx bench/ingest-worker.ts DB JSONL INDEX COUNT BATCH
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { derivePending } from '../src/derive/derive-pending.js';
import type { Article } from '../src/model/article.js';
import { openStore } from '../src/store/open-store.js';
import { BATCH_SEQUENCE } from './ingest-worker-queue.js';


const [db, jsonl, indexArg, countArg, batchArg] = process.argv.slice(2);
if (db === undefined || jsonl === undefined) {
  process.stderr.write('usage: ingest-worker DB JSONL INDEX COUNT BATCH\n');
  process.exit(2);
}
const index = Number(indexArg ?? 0);
const count = Number(countArg ?? 1);
const batch = Number(batchArg ?? 50);
const all = readFileSync(jsonl, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as Article);
const batches = Math.ceil(all.length / batch);

/** The next batch number to store, or undefined when all are taken. */
let claimNext: () => Promise<number | undefined>;
let closeClaims = async (): Promise<void> => undefined;
if (count > 1) {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  claimNext = async () => {
    const { rows } = await client.query<{ n: string }>(`SELECT nextval('${BATCH_SEQUENCE}') - 1 AS n`);
    const n = Number(rows[0]?.n);
    return n < batches ? n : undefined;
  };
  closeClaims = () => client.end();
} else {
  let next = 0;
  claimNext = async () => (next < batches ? next++ : undefined);
}

const store = await openStore(db);
const started = performance.now();
let storeMs = 0;
let deriveMs = 0;
let articles = 0;
let created = 0;
/** Milliseconds per derive step (including runs for other workers' articles). */
const stepMs: Record<string, number> = {};
/** Items each derive step processed (articles clustered again after a late arrival count again). */
const stepItems: Record<string, number> = {};
const whenBusy = process.env.BENCH_WHEN_BUSY === 'wait' ? 'wait' : 'skip';
// Clustering follows the other workers' progress, as `caixun worker`'s does (BENCH_FOLLOW=0: not).
const followWriters = process.env.BENCH_FOLLOW !== '0';
const leave = await store.registerWriter();
try {
  for (let n = await claimNext(); ; n = await claimNext()) {
    const t0 = performance.now();
    if (n !== undefined) {
      const slice = all.slice(n * batch, (n + 1) * batch);
      const outcomes = await store.upsertArticles(slice);
      articles += slice.length;
      created += outcomes.filter((o) => o === 'new').length;
    } else {
      // Nothing left to store: leave the registry first, so the last worker clusters everything.
      await leave();
    }
    const t1 = performance.now();
    await derivePending(store, {
      whenBusy,
      followWriters,
      onStepDone: (step, items, seconds) => {
        stepMs[step] = (stepMs[step] ?? 0) + seconds * 1000;
        stepItems[step] = (stepItems[step] ?? 0) + items;
      },
    });
    storeMs += t1 - t0;
    deriveMs += performance.now() - t1;
    if (n === undefined) break;
  }
} finally {
  await store.close();
  await closeClaims();
}
process.stdout.write(
  `${JSON.stringify({ index, articles, created, storeMs: Math.round(storeMs), deriveMs: Math.round(deriveMs), stepMs: Object.fromEntries(Object.entries(stepMs).map(([k, v]) => [k, Math.round(v)])), stepItems, wallMs: Math.round(performance.now() - started) })}\n`,
);
