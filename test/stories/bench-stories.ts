/**
 * Quick benchmark of fingerprint + LSH insert/query, and LSH recall against exact all-pairs
 * Jaccard on a 5 k subset. Prints JSON. Run:
 *   node --import tsx test/stories/bench-stories.ts [articles=100000]
 * Synthetic articles are built from corpus sentences (so most are distinct, as in a real feed),
 * and 20 % are edited copies of an earlier one: a trimmed paragraph, a retitle, inserted
 * boilerplate, a changed number.
 */
import { performance } from 'node:perf_hooks';
import { fingerprintText, shingleSet } from '../../src/stories/fingerprint.js';
import { bandKeys, MemoryLshIndex } from '../../src/stories/lsh.js';
import { toFingerprintText } from '../../src/stories/normalize.js';
import { exactJaccard } from '../../src/stories/similarity.js';
import { readLabels } from './run-eval.js';
import { loadCorpusArticle } from './load-corpus.js';

let seed = 42;
const rand = (): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const sentences = readLabels()
  .articles.map(loadCorpusArticle)
  .flatMap((a) => a.text.split(/(?<=[。！？；])/u))
  .map((s) => s.trim())
  .filter((s) => s.length >= 8);

function makeArticles(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const earlier = out.length > 0 && rand() < 0.2 ? pick(out) : undefined;
    if (earlier !== undefined) {
      let paras = earlier.split('\n\n');
      if (paras.length > 2 && rand() < 0.5) paras = paras.filter((_, k) => k !== Math.floor(rand() * paras.length));
      if (rand() < 0.5) paras.push('海量资讯、精准解读，尽在某某财经APP');
      const text = paras.join('\n\n').replace(/\d/, () => String(Math.floor(rand() * 10)));
      out.push(text);
      continue;
    }
    const paraCount = 1 + Math.floor(rand() * 6);
    const paras: string[] = [];
    for (let p = 0; p < paraCount; p++) {
      const k = 1 + Math.floor(rand() * 3);
      paras.push(Array.from({ length: k }, () => pick(sentences)).join('').replace(/\d+/, () => String(Math.floor(rand() * 100000))));
    }
    out.push(paras.join('\n\n'));
  }
  return out;
}

const n = Number(process.argv[2] ?? 100_000);
const articles = makeArticles(n);
const meanLength = articles.reduce((s, a) => s + a.length, 0) / n;
const index = new MemoryLshIndex();
let candidateTotal = 0;
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const fp = fingerprintText(articles[i] ?? '');
  const keys = bandKeys(fp.signature);
  candidateTotal += index.candidates(keys).size;
  index.add(String(i), keys);
}
const seconds = (performance.now() - t0) / 1000;
const tailStart = performance.now();
const tail = Math.min(10_000, n);
for (let i = 0; i < tail; i++) {
  const fp = fingerprintText(articles[i] ?? '');
  index.candidates(bandKeys(fp.signature));
}
const querySeconds = (performance.now() - tailStart) / 1000;

// Recall of LSH against exact all-pairs Jaccard ≥ 0.5 on the first 5 k articles.
const subset = articles.slice(0, 5000);
const tExact = performance.now();
const sets = subset.map((a) => shingleSet(toFingerprintText(a)));
const pairs: [number, number][] = [];
for (let i = 0; i < sets.length; i++) {
  for (let j = i + 1; j < sets.length; j++) {
    if (exactJaccard(sets[i] as Uint32Array, sets[j] as Uint32Array) >= 0.5) pairs.push([i, j]);
  }
}
const exactSeconds = (performance.now() - tExact) / 1000;
const keysOf = subset.map((a) => new Set(bandKeys(fingerprintText(a).signature)));
const found = pairs.filter(([i, j]) => [...(keysOf[i] ?? [])].some((k) => keysOf[j]?.has(k))).length;

process.stdout.write(
  `${JSON.stringify({
    articles: n,
    meanLengthChars: Math.round(meanLength),
    insertQueryPerSecondOneThread: Math.round(n / seconds),
    queryOnlyPerSecondOneThreadAtFullIndex: Math.round(tail / querySeconds),
    meanCandidates: +(candidateTotal / n).toFixed(2),
    peakRssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
    exactAllPairs5kSeconds: +exactSeconds.toFixed(2),
    exactPairsAtJ05: pairs.length,
    lshRecallAtJ05: pairs.length === 0 ? 1 : +(found / pairs.length).toFixed(4),
  })}\n`,
);
