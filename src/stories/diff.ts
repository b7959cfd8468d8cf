/**
 * Coverage diff of one version against a story's representative: which representative
 * paragraphs the version lacks, which paragraphs it adds, and the character-level changes inside
 * paragraphs both have (新冠疫苗 → 新冠肺炎疫苗, a changed number).
 */
import { toFingerprintText } from './normalize.js';

/** One character-level change inside an aligned paragraph. */
export interface CharChange {
  /** Code-point offset in the representative paragraph where the change starts. */
  at: number;
  /** Text removed from the representative ('' for a pure insertion). */
  from: string;
  /** Text the version has instead ('' for a pure deletion). */
  to: string;
}

/** A representative paragraph and the version paragraph aligned to it. */
export interface AlignedParagraph {
  /** Index in the representative. */
  repIndex: number;
  /** Index in the version. */
  versionIndex: number;
  /** Character changes; empty when the paragraphs match after folding. */
  changes: CharChange[];
}

/** Result of {@link diffVersion}. */
export interface VersionDiff {
  /** Paragraph pairs in order. */
  aligned: AlignedParagraph[];
  /** Representative paragraph indices the version does not have. */
  lacks: number[];
  /** Version paragraph indices the representative does not have. */
  adds: number[];
}

/** Longest common subsequence table walk: returns pairs (i, j) of equal items, in order. */
function lcsPairs<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const here = i * (m + 1) + j;
      table[here] = equal(a[i] as T, b[j] as T)
        ? (table[here + m + 2] ?? 0) + 1
        : Math.max(table[here + m + 1] ?? 0, table[here + 1] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (equal(a[i] as T, b[j] as T)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((table[(i + 1) * (m + 1) + j] ?? 0) >= (table[i * (m + 1) + j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

/** Largest paragraph pair (code points × code points) diffed character by character. */
const MAX_CELLS = 4_000_000;

/**
 * Character-level changes turning `from` into `to`, by LCS over code points; adjacent deletions
 * and insertions are merged into one change. Too long pairs give one whole replacement.
 *
 * @example
 * diffChars('接种新冠疫苗', '接种新冠肺炎疫苗') // [{ at: 4, from: '', to: '肺炎' }]
 */
export function diffChars(from: string, to: string): CharChange[] {
  const a = Array.from(from);
  const b = Array.from(to);
  if (from === to) return [];
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) return [{ at: 0, from, to }];
  const pairs = lcsPairs(a, b, (x, y) => x === y);
  const changes: CharChange[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    if (pi > i || pj > j) changes.push({ at: i, from: a.slice(i, pi).join(''), to: b.slice(j, pj).join('') });
    i = pi + 1;
    j = pj + 1;
  }
  return changes;
}

/** Bigram Dice similarity of two folded paragraphs: decides whether an edited paragraph still aligns. */
function paragraphSimilarity(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const grams = new Map<string, number>();
  for (let i = 0; i + 2 <= a.length; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i + 2 <= b.length; i++) {
    const g = b.slice(i, i + 2);
    const left = grams.get(g) ?? 0;
    if (left > 0) {
      shared++;
      grams.set(g, left - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/** Paragraphs at least this similar (bigram Dice) align as an edited pair. Default 0.5. */
const EDITED_PARAGRAPH_SIMILARITY = 0.5;

/**
 * Align a version's paragraphs with the representative's: identical paragraphs (after folding
 * punctuation, spacing and width) anchor the alignment; between anchors, the paragraphs that are
 * still similar pair up in order as edits; the rest are lacks and adds.
 *
 * @example
 * diffVersion(['甲段。', '乙段新冠疫苗。'], ['乙段新冠肺炎疫苗。']).lacks // [0]
 */
export function diffVersion(representative: readonly string[], version: readonly string[]): VersionDiff {
  const repKeys = representative.map(toFingerprintText);
  const verKeys = version.map(toFingerprintText);
  const anchors = lcsPairs(repKeys, verKeys, (x, y) => x === y);
  const aligned: AlignedParagraph[] = [];
  const lacks: number[] = [];
  const adds: number[] = [];
  let i = 0;
  let j = 0;
  const fillGap = (iEnd: number, jEnd: number): void => {
    const edits = lcsPairs(
      repKeys.slice(i, iEnd).map((_, k) => i + k),
      verKeys.slice(j, jEnd).map((_, k) => j + k),
      (x, y) => paragraphSimilarity(repKeys[x] ?? '', verKeys[y] ?? '') >= EDITED_PARAGRAPH_SIMILARITY,
    ).map(([x, y]) => [i + x, j + y] as const);
    for (const [x, y] of edits) {
      for (; i < x; i++) lacks.push(i);
      for (; j < y; j++) adds.push(j);
      aligned.push({ repIndex: x, versionIndex: y, changes: diffChars(representative[x] ?? '', version[y] ?? '') });
      i = x + 1;
      j = y + 1;
    }
    for (; i < iEnd; i++) lacks.push(i);
    for (; j < jEnd; j++) adds.push(j);
  };
  for (const [x, y] of anchors) {
    fillGap(x, y);
    aligned.push({ repIndex: x, versionIndex: y, changes: [] });
    i = x + 1;
    j = y + 1;
  }
  fillGap(representative.length, version.length);
  return { aligned, lacks, adds };
}
