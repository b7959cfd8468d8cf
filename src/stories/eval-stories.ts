/**
 * Evaluation of a clustering against labelled stories: pairwise precision/recall/F1, B-cubed
 * F1, and every error (missed same-story pairs, false merges, merged hard negatives).
 */

/** Gold labels: clusters of article ids; ids in `articles` but in no cluster are singletons. */
export interface GoldStories {
  /** Every labelled article id. */
  articles: readonly string[];
  /** Same-story groups. */
  clusters: ReadonlyArray<{ id: string; members: readonly string[] }>;
  /** Pairs that must never share a story. */
  hardNegatives?: ReadonlyArray<{ id: string; pairs: ReadonlyArray<readonly [string, string] | readonly string[]> }>;
}

/** One evaluation error. */
export interface ClusteringError {
  /** `missed`: same story split; `false-merge`: different stories merged; `hard-negative`: a listed pair merged. */
  kind: 'missed' | 'false-merge' | 'hard-negative';
  /** The two article ids. */
  a: string;
  /** The two article ids. */
  b: string;
  /** Gold cluster (missed) or hard-negative group id. */
  label?: string;
}

/** Figures of one evaluation. */
export interface ClusteringReport {
  /** Pairwise precision over same-story pairs. */
  precision: number;
  /** Pairwise recall. */
  recall: number;
  /** Pairwise F1. */
  f1: number;
  /** B-cubed precision, recall and F1 (per-article averages). */
  bcubed: { precision: number; recall: number; f1: number };
  /** Gold same-story pairs. */
  goldPairs: number;
  /** Predicted same-story pairs among labelled articles. */
  predictedPairs: number;
  /** Every error, missed pairs first, each list sorted. */
  errors: ClusteringError[];
}

const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/**
 * Compare predicted story ids with gold clusters (only `gold.articles` are scored; an article
 * missing from `predicted` counts as a story of its own).
 */
export function evaluateClustering(predicted: ReadonlyMap<string, string>, gold: GoldStories): ClusteringReport {
  const goldOf = new Map<string, string>();
  for (const c of gold.clusters) for (const m of c.members) goldOf.set(m, c.id);
  const ids = [...new Set(gold.articles)].sort();
  const g = (id: string): string => goldOf.get(id) ?? `single:${id}`;
  const p = (id: string): string => predicted.get(id) ?? `single:${id}`;
  let tp = 0;
  let goldPairs = 0;
  let predictedPairs = 0;
  const errors: ClusteringError[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] ?? '';
      const b = ids[j] ?? '';
      const sameGold = g(a) === g(b);
      const samePred = p(a) === p(b);
      if (sameGold) goldPairs++;
      if (samePred) predictedPairs++;
      if (sameGold && samePred) tp++;
      else if (sameGold) errors.push({ kind: 'missed', a, b, label: g(a) });
      else if (samePred) errors.push({ kind: 'false-merge', a, b });
    }
  }
  for (const h of gold.hardNegatives ?? []) {
    for (const [a = '', b = ''] of h.pairs) {
      if (p(a) === p(b)) errors.push({ kind: 'hard-negative', a, b, label: h.id });
    }
  }
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = goldPairs === 0 ? 1 : tp / goldPairs;
  const groups = (key: (id: string) => string): Map<string, Set<string>> => {
    const m = new Map<string, Set<string>>();
    for (const id of ids) {
      const k = key(id);
      const set = m.get(k) ?? new Set<string>();
      set.add(id);
      m.set(k, set);
    }
    return m;
  };
  const goldGroups = groups(g);
  const predGroups = groups(p);
  let bp = 0;
  let br = 0;
  for (const id of ids) {
    const pg = predGroups.get(p(id)) ?? new Set<string>();
    const gg = goldGroups.get(g(id)) ?? new Set<string>();
    let both = 0;
    for (const x of pg) if (gg.has(x)) both++;
    bp += both / pg.size;
    br += both / gg.size;
  }
  const n = Math.max(1, ids.length);
  return {
    precision,
    recall,
    f1: f1Of(precision, recall),
    bcubed: { precision: bp / n, recall: br / n, f1: f1Of(bp / n, br / n) },
    goldPairs,
    predictedPairs,
    errors,
  };
}
