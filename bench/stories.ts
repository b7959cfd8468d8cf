/**
 * bench stories: fingerprint + candidate query + insert through the clusterer's index (the
 * SQLite-backed, in-memory-served SqliteLshIndex) with the clusterer's keys: 42 MinHash bands,
 * paragraphs, exact text and time-bucketed figure keys, on a synthetic stream made from the
 * corpus's sentences (imported with the real importer), ~2,000 articles per day. One article in
 * five is an edited copy of a recent one: a trimmed paragraph, a retitle, inserted boilerplate,
 * a changed number. At each checkpoint (default 100 k and 1 M) it reports the throughput over
 * the last 10 k articles, with the same run's baseline (fingerprinting alone), peak RSS, and
 * the time to load the index from the table; then exact all-pairs Jaccard on the first 5 k
 * articles and the recall of the index's candidates against it.
 *   npm run bench -- stories [checkpoints=100000,1000000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printArticle, type ArticlePrint } from '../src/stories/article-print.js';
import { DEFAULT_CLUSTERER_OPTIONS } from '../src/stories/cluster.js';
import { fingerprintText, shingleSet } from '../src/stories/fingerprint.js';
import { bandKeys } from '../src/stories/lsh.js';
import { toFingerprintText } from '../src/stories/normalize.js';
import { PrintPool } from '../src/stories/print-pool.js';
import { exactJaccard } from '../src/stories/similarity.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { importCorpus } from '../test/stories/load-corpus.js';
import { readLabels } from '../test/stories/run-eval.js';

/** Articles timed at each checkpoint (the last WINDOW inserts before it). */
const WINDOW = 10_000;
/** Articles per transaction. */
const BATCH = 1_000;
/** Size of the exact all-pairs reference. */
const EXACT_SUBSET = 5_000;
/** Jaccard threshold of the reference (the clusterer's reprint threshold). */
const THRESHOLD = 0.5;
/** Synthetic publication times: one article every 43 s (~2,000 a day) from 2021-01-01. */
const START_MS = Date.UTC(2021, 0, 1);
const STEP_MS = 43_000;
const BOILERPLATE = ['海量资讯、精准解读，尽在新浪财经APP', '（责任编辑：某某）', '更多精彩内容请关注本网站公众号'];

/** Deterministic stream of synthetic articles (exported for profiling scripts). */
export function articleStream(sentences: readonly string[]): () => { title: string; text: string } {
  let seed = 42;
  const rand = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const clauses = sentences.flatMap((x) => x.split(/[，。！？；]/u)).filter((c) => c.length >= 4);
  const chars = [...new Set(clauses.join('').replace(/[^\p{Script=Han}]/gu, ''))];
  const recent: { title: string; text: string }[] = [];
  return () => {
    let out: { title: string; text: string };
    if (recent.length > 0 && rand() < 0.2) {
      const earlier = pick(recent);
      let paras = earlier.text.split('\n\n');
      if (paras.length > 2 && rand() < 0.5) {
        const drop = Math.floor(rand() * paras.length);
        paras = paras.filter((_, k) => k !== drop);
      }
      if (rand() < 0.5) paras.push(pick(BOILERPLATE));
      const title = rand() < 0.5 ? `${pick(sentences).slice(0, 20)}` : earlier.title;
      out = { title, text: paras.join('\n\n').replace(/\d/, () => String(Math.floor(rand() * 10))) };
    } else {
      // Clauses recombined into new sentences, every number re-drawn: a new article shares
      // phrases with others (as real news does) but not whole paragraphs or figures.
      // One character in eight is re-drawn: the 88-article pool alone makes unrelated articles
      // share far more 4-grams than a real feed's vocabulary does.
      const clause = (): string => Array.from(pick(clauses), (ch) => (rand() < 0.125 ? pick(chars) : ch)).join('');
      const sentence = (): string => `${Array.from({ length: 2 + Math.floor(rand() * 3) }, clause).join('，')}。`;
      const paras = Array.from({ length: 1 + Math.floor(rand() * 6) }, () =>
        Array.from({ length: 1 + Math.floor(rand() * 3) }, sentence)
          .join('')
          .replace(/\d+/g, () => String(Math.floor(rand() * 100_000))),
      );
      out = { title: (paras[0] ?? '').slice(0, 24), text: paras.join('\n\n') };
    }
    recent.push(out);
    if (recent.length > 2_000) recent.shift();
    return out;
  };
}

/** Sentences of the labelled corpus articles, imported with the real importer. */
export async function corpusSentences(): Promise<string[]> {
  const labels = readLabels();
  const corpus = await importCorpus(labels.articles);
  const sentences = corpus.articles
    .flatMap((a) => a.text.split(/(?<=[。！？；])/u))
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);
  await corpus.close();
  return sentences;
}

const peakRssMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/** Articles generated (untimed) and then run through the timed pipeline at a time. */
const SEGMENT = WINDOW;

/** Wall and process CPU time (ms) of `fn`. */
async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

const rate = (n: number, ms: number): number => Math.round(n / (ms / 1000));
const micros = (ms: number, n: number): number => Number(((1000 * ms) / n).toFixed(1));

/** Exact all-pairs Jaccard ≥ THRESHOLD; a pair whose set sizes differ too much cannot reach it (J ≤ min/max). */
function exactPairs(texts: readonly string[]): { pairs: [number, number][]; seconds: number } {
  const t0 = performance.now();
  const sets = texts.map((t) => shingleSet(toFingerprintText(t)));
  const pairs: [number, number][] = [];
  for (let i = 0; i < sets.length; i++) {
    const a = sets[i] as Uint32Array;
    for (let j = i + 1; j < sets.length; j++) {
      const b = sets[j] as Uint32Array;
      if (Math.min(a.length, b.length) < THRESHOLD * Math.max(a.length, b.length)) continue;
      if (exactJaccard(a, b) >= THRESHOLD) pairs.push([i, j]);
    }
  }
  return { pairs, seconds: (performance.now() - t0) / 1000 };
}

type Synthetic = { title: string; text: string; publishedAt: string };

/** Runs the benchmark; `args[0]` is a comma-separated list of checkpoints, `args[1]` the print workers (default 1). */
export async function benchStories(args: string[]): Promise<Record<string, unknown>> {
  const checkpoints = (args[0] ?? '100000,1000000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
  const workers = Number(args[1] ?? 1);
  const total = checkpoints[checkpoints.length - 1] ?? 100_000;
  const sentences = await corpusSentences();
  const next = articleStream(sentences);
  const work = mkdtempSync(join(tmpdir(), 'caixun-bench-stories-'));
  const dbPath = join(work, 'bench.db');
  const store = new SqliteStore(dbPath);
  const tables = store.stories();
  const index = tables.index;
  const pool = new PrintPool(workers, DEFAULT_CLUSTERER_OPTIONS);
  try {
    const subset: string[] = [];
    const results: Record<string, unknown>[] = [];
    let candidates = 0;
    let totalChars = 0;
    let pipelineMs = 0;
    const started = performance.now();
    for (let done = 0; done < total; ) {
      const segment: Synthetic[] = Array.from({ length: Math.min(SEGMENT, total - done) }, (_, k) => ({
        ...next(),
        publishedAt: new Date(START_MS + (done + k) * STEP_MS).toISOString(),
      }));
      for (const a of segment) {
        totalChars += a.text.length;
        if (subset.length < EXACT_SUBSET) subset.push(a.text);
      }
      const n = segment.length;
      const checkpoint = checkpoints.includes(done + n);
      // Same-run baselines on this segment, one thread, no index: fingerprints alone, and
      // fingerprints + event profile + keys (the prints the workers compute).
      const fingerprintOnly = checkpoint ? await timed(() => segment.forEach((a) => fingerprintText(a.text))) : undefined;
      const printOnly = checkpoint ? await timed(() => segment.forEach((a) => printArticle(a, DEFAULT_CLUSTERER_OPTIONS))) : undefined;
      const stage = { query: 0, insert: 0, commit: 0 };
      let segmentCandidates = 0;
      // The pipeline: the pool prints batch b + 1 while this thread queries and inserts batch b.
      const pipeline = await timed(async () => {
        const batches = Array.from({ length: Math.ceil(n / BATCH) }, (_, b) => segment.slice(b * BATCH, (b + 1) * BATCH));
        let prints = pool.print(batches[0] ?? []);
        for (const [b, batch] of batches.entries()) {
          const nextPrints = pool.print(batches[b + 1] ?? []);
          const ready = await prints;
          const t0 = performance.now();
          let inner = 0;
          await tables.transaction(async () => {
            batch.forEach((_, k) => {
              const keys = (ready[k] as ArticlePrint).keys;
              const q0 = performance.now();
              segmentCandidates += index.candidates(keys.query).size;
              const q1 = performance.now();
              index.add(`a${done + b * BATCH + k}`, keys.stored);
              const q2 = performance.now();
              stage.query += q1 - q0;
              stage.insert += q2 - q1;
              inner += q2 - q0;
            });
          });
          stage.commit += performance.now() - t0 - inner;
          prints = nextPrints;
        }
      });
      pipelineMs += pipeline.wallMs;
      candidates += segmentCandidates;
      done += n;
      if (checkpoint && fingerprintOnly && printOnly) {
        results.push({
          articles: done,
          windowArticles: n,
          pipelinePerSecond: rate(n, pipeline.wallMs),
          pipelineCpuMicrosecondsPerArticle: micros(pipeline.cpuMs, n),
          indexMicroseconds: { query: micros(stage.query, n), insert: micros(stage.insert, n), commit: micros(stage.commit, n) },
          baseline1Thread: {
            fingerprintOnlyPerSecond: rate(n, fingerprintOnly.wallMs),
            fingerprintOnlyPerCpuSecond: rate(n, fingerprintOnly.cpuMs),
            printPerSecond: rate(n, printOnly.wallMs),
            printPerCpuSecond: rate(n, printOnly.cpuMs),
          },
          meanCandidates: Number((segmentCandidates / n).toFixed(2)),
          printedOnMainThread: Number(pool.localShare.toFixed(2)),
          distinctKeys: index.size,
          peakRssMiB: peakRssMiB(),
        });
        process.stderr.write(`bench stories: ${JSON.stringify(results[results.length - 1])}\n`);
      } else if (done % 100_000 === 0) {
        process.stderr.write(`bench stories: ${done} articles, ${Math.round((performance.now() - started) / 1000)} s\n`);
      }
    }
    // Opening the index again reads every key set back into memory: the one-off cost of a run.
    const tLoad = performance.now();
    const reopened = new SqliteStore(dbPath);
    const reloadedKeys = reopened.stories().index.size;
    const loadSeconds = (performance.now() - tLoad) / 1000;
    await reopened.close();

    const exact = exactPairs(subset);
    // LSH recall: a fresh index with only the subset's band keys; a pair is found when querying
    // one article's bands returns the other.
    const recallStore = new SqliteStore(join(work, 'recall.db'));
    const recallTables = recallStore.stories();
    const bands = subset.map((t) => bandKeys(fingerprintText(t).signature));
    await recallTables.transaction(async () => bands.forEach((k, i) => recallTables.index.add(String(i), k)));
    const found = exact.pairs.filter(([i, j]) => recallTables.index.candidates(bands[i] ?? []).has(String(j))).length;
    await recallStore.close();

    const first = results[0] as { indexMicroseconds: { query: number; insert: number; commit: number } } | undefined;
    const last = results[results.length - 1] as typeof first;
    const indexCost = (r: typeof first): number => (r === undefined ? 0 : r.indexMicroseconds.query + r.indexMicroseconds.insert + r.indexMicroseconds.commit);
    return {
      bench: 'stories',
      index: 'SqliteLshIndex (story_key_sets rows, served from memory); keys = 42 bands + paragraphs + exact + week-bucketed figures',
      pipeline: `${workers} print worker(s) + main thread (index query, insert, commit, and the share of each batch's prints it would otherwise wait for: printedOnMainThread)`,
      articles: total,
      meanLengthChars: Math.round(totalChars / total),
      checkpoints: results,
      indexCostRatioLastToFirst: first && last ? Number((indexCost(last) / indexCost(first)).toFixed(2)) : null,
      overallPipelinePerSecond: rate(total, pipelineMs),
      meanCandidates: Number((candidates / total).toFixed(2)),
      indexLoad: { seconds: Number(loadSeconds.toFixed(2)), distinctKeys: reloadedKeys },
      peakRssMiB: peakRssMiB(),
      exactAllPairs: { articles: subset.length, pairs: (subset.length * (subset.length - 1)) / 2, seconds: Number(exact.seconds.toFixed(2)), pairsAtThreshold: exact.pairs.length, threshold: THRESHOLD },
      lshRecallAtThreshold: exact.pairs.length === 0 ? 1 : Number((found / exact.pairs.length).toFixed(4)),
    };
  } finally {
    await pool.close();
    await store.close();
    rmSync(work, { recursive: true, force: true });
  }
}
