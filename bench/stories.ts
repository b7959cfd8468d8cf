/**
 * bench stories: fingerprint + candidate query + insert through the SQLite LSH index (the
 * clusterer's text keys: 42 MinHash bands, paragraphs, exact text), on a synthetic stream made
 * from the corpus's sentences (imported with the real importer). One article in five is an
 * edited copy of a recent one: a trimmed paragraph, a retitle, inserted boilerplate, a changed
 * number. Reports throughput and cost per insert in a window at each checkpoint (default 100 k
 * and 1 M), peak RSS, and exact all-pairs Jaccard on the first 5 k articles with the recall of
 * the SQLite index's candidates against it.
 *   npm run bench -- stories [checkpoints=100000,1000000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexKeys } from '../src/stories/cluster.js';
import { buildEventProfile } from '../src/stories/event-profile.js';
import { fingerprintText, shingleSet } from '../src/stories/fingerprint.js';
import { bandKeys } from '../src/stories/lsh.js';
import { toFingerprintText } from '../src/stories/normalize.js';
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
const BOILERPLATE = ['海量资讯、精准解读，尽在新浪财经APP', '（责任编辑：某某）', '更多精彩内容请关注本网站公众号'];

/** Deterministic stream of synthetic articles. */
function articleStream(sentences: readonly string[]): () => { title: string; text: string } {
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

async function corpusSentences(): Promise<string[]> {
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

/** Runs the benchmark; `args[0]` is a comma-separated list of checkpoints. */
export async function benchStories(args: string[]): Promise<Record<string, unknown>> {
  const checkpoints = (args[0] ?? '100000,1000000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
  const total = checkpoints[checkpoints.length - 1] ?? 100_000;
  const sentences = await corpusSentences();
  const next = articleStream(sentences);
  const work = mkdtempSync(join(tmpdir(), 'caixun-bench-stories-'));
  const store = new SqliteStore(join(work, 'bench.db'));
  const { index, transaction } = (() => {
    const t = store.stories();
    return { index: t.index, transaction: t.transaction.bind(t) };
  })();
  try {
    const subset: string[] = [];
    const results: Record<string, unknown>[] = [];
    let fingerprintMs = 0;
    let eventMs = 0;
    let candidates = 0;
    let totalChars = 0;
    let windowStart = performance.now();
    let windowCandidates = 0;
    const started = performance.now();
    for (let done = 0; done < total; ) {
      const batch = Array.from({ length: Math.min(BATCH, total - done) }, next);
      transaction(() => {
        for (const a of batch) {
          const t0 = performance.now();
          const fp = fingerprintText(a.text);
          const t1 = performance.now();
          // Text keys only (bands, paragraphs, exact): figure keys are the same-event path's, and
          // the clusterer bounds their use by time, not by text similarity.
          const keys = indexKeys(fp, { ...buildEventProfile(a.title, a.text), figures: [] });
          const t2 = performance.now();
          fingerprintMs += t1 - t0;
          eventMs += t2 - t1;
          const found = index.candidates(keys).size;
          candidates += found;
          windowCandidates += found;
          index.add(`a${done}`, keys);
          totalChars += a.text.length;
          if (subset.length < EXACT_SUBSET) subset.push(a.text);
          done++;
          if (checkpoints.includes(done + WINDOW)) {
            windowStart = performance.now();
            windowCandidates = 0;
          }
        }
      });
      if (checkpoints.includes(done)) {
        const seconds = (performance.now() - windowStart) / 1000;
        results.push({
          articles: done,
          windowArticles: WINDOW,
          insertQueryPerSecond: Math.round(WINDOW / seconds),
          microsecondsPerInsert: Math.round((seconds * 1e6) / WINDOW),
          meanCandidates: Number((windowCandidates / WINDOW).toFixed(2)),
          peakRssMiB: peakRssMiB(),
        });
        process.stderr.write(`bench stories: ${JSON.stringify(results[results.length - 1])}\n`);
      } else if (done % 100_000 === 0) {
        process.stderr.write(`bench stories: ${done} articles, ${Math.round((performance.now() - started) / 1000)} s\n`);
      }
    }
    const allSeconds = (performance.now() - started) / 1000;

    // Exact reference on the first 5 k: every pair's Jaccard of 4-gram sets.
    const tExact = performance.now();
    const sets = subset.map((t) => shingleSet(toFingerprintText(t)));
    const pairs: [number, number][] = [];
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        if (exactJaccard(sets[i] as Uint32Array, sets[j] as Uint32Array) >= THRESHOLD) pairs.push([i, j]);
      }
    }
    const exactSeconds = (performance.now() - tExact) / 1000;
    // LSH recall: a fresh SQLite index with only the subset's band keys; a pair is found when
    // querying one article's bands returns the other.
    const recallStore = new SqliteStore(join(work, 'recall.db'));
    const recallTables = recallStore.stories();
    const bands = subset.map((t) => bandKeys(fingerprintText(t).signature));
    recallTables.transaction(() => bands.forEach((k, i) => recallTables.index.add(String(i), k)));
    const found = pairs.filter(([i, j]) => recallTables.index.candidates(bands[i] ?? []).has(String(j))).length;
    await recallStore.close();

    const first = results[0] as { microsecondsPerInsert: number } | undefined;
    const last = results[results.length - 1] as { microsecondsPerInsert: number } | undefined;
    return {
      bench: 'stories',
      index: 'SqliteLshIndex (story_keys), keys = 42 bands + paragraphs + exact (figure keys excluded)',
      threads: 1,
      articles: total,
      meanLengthChars: Math.round(totalChars / total),
      checkpoints: results,
      costRatioLastToFirst: first && last ? Number((last.microsecondsPerInsert / first.microsecondsPerInsert).toFixed(2)) : null,
      overallInsertQueryPerSecond: Math.round(total / allSeconds),
      fingerprintOnlyPerSecond: Math.round(total / (fingerprintMs / 1000)),
      fingerprintAndEventKeysPerSecond: Math.round(total / ((fingerprintMs + eventMs) / 1000)),
      indexShareOfTime: Number((1 - (fingerprintMs + eventMs) / 1000 / allSeconds).toFixed(2)),
      meanCandidates: Number((candidates / total).toFixed(2)),
      peakRssMiB: peakRssMiB(),
      exactAllPairs: { articles: subset.length, pairs: (subset.length * (subset.length - 1)) / 2, seconds: Number(exactSeconds.toFixed(2)), pairsAtThreshold: pairs.length, threshold: THRESHOLD },
      lshRecallAtThreshold: pairs.length === 0 ? 1 : Number((found / pairs.length).toFixed(4)),
    };
  } finally {
    await store.close();
    rmSync(work, { recursive: true, force: true });
  }
}
