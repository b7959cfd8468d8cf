/**
 * Measurement behind the fingerprint parameters: for each shingle size n, exact Jaccard and
 * containment of same-story pairs versus different-story pairs on the labelled corpus.
 * Articles come from the real importer (load-corpus.ts).
 * Run: node --import tsx test/stories/measure-shingles.ts
 */
import { toFingerprintText } from '../../src/stories/normalize.js';
import { shingleSet } from '../../src/stories/fingerprint.js';
import { exactContainment, exactJaccard } from '../../src/stories/similarity.js';
import { clusterInputOf } from '../../src/stories/cluster-store.js';
import { importCorpus } from './load-corpus.js';
import { readLabels } from './run-eval.js';

interface Labels {
  articles: string[];
  clusters: { id: string; members: string[] }[];
}
const labels: Labels = { articles: [...readLabels().articles], clusters: readLabels().clusters.map((c) => ({ id: c.id, members: [...c.members] })) };
const gold = new Map<string, string>();
for (const c of labels.clusters) for (const m of c.members) gold.set(m, c.id);
const corpus = await importCorpus(labels.articles);
const byId = new Map(corpus.articles.map((a) => [a.id, a] as const));
const docs = labels.articles.map((p) => ({ ...clusterInputOf(byId.get(corpus.articleIdOf(p))!), id: p }));
await corpus.close();
const out: Record<string, unknown>[] = [];
for (const withTitle of [false, true]) for (const n of [2, 3, 4, 5, 6]) {
  const sets = docs.map((d) => shingleSet(toFingerprintText(withTitle ? `${d.title}\n${d.text}` : d.text), n));
  const pos: number[] = [];
  const neg: number[] = [];
  const posC: number[] = [];
  const negC: number[] = [];
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const a = sets[i] as Uint32Array;
      const b = sets[j] as Uint32Array;
      const jac = exactJaccard(a, b);
      const con = Math.max(exactContainment(a, b), exactContainment(b, a));
      const gi = gold.get(docs[i]?.id ?? '');
      const same = gi !== undefined && gi === gold.get(docs[j]?.id ?? '');
      (same ? pos : neg).push(jac);
      (same ? posC : negC).push(con);
    }
  }
  const bestF1 = (p: number[], q: number[]): { t: number; f1: number } => {
    let best = { t: 0, f1: 0 };
    for (const t of [...p, ...q]) {
      const tp = p.filter((x) => x >= t).length;
      const fp = q.filter((x) => x >= t).length;
      const f1 = (2 * tp) / (2 * tp + fp + (p.length - tp));
      if (f1 > best.f1) best = { t: +t.toFixed(3), f1: +f1.toFixed(3) };
    }
    return best;
  };
  const maxNeg = Math.max(...neg);
  const maxNegC = Math.max(...negC);
  out.push({
    n,
    withTitle,
    maxNegJaccard: +maxNeg.toFixed(3),
    posJaccardAboveMaxNeg: pos.filter((x) => x > maxNeg).length,
    posJaccardGe05: pos.filter((x) => x >= 0.5).length,
    maxNegContainment: +maxNegC.toFixed(3),
    posContainmentAboveMaxNeg: posC.filter((x) => x > maxNegC).length,
    positives: pos.length,
    bestJaccard: bestF1(pos, neg),
    bestContainment: bestF1(posC, negC),
  });
}
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
