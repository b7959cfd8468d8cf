/**
 * Coverage diff of one version against a story's representative, aligned sentence by sentence:
 * which representative paragraphs the version lacks, which paragraphs it adds, which it only lays
 * out differently (split or merged), and the character-level changes inside paragraphs both have
 * (新冠疫苗 → 新冠肺炎疫苗, a changed number).
 */
import { toFingerprintText } from './normalize.js';
import { splitSentences, type Sentence } from './sentences.js';

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
  /** Paragraph splits and merges: the same sentences under different paragraph breaks. */
  relaid: Relaid[];
}

/** Representative paragraphs whose sentences the version lays out in other paragraphs. */
export interface Relaid {
  repIndices: number[];
  versionIndices: number[];
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

/** Units at least this similar (bigram Dice) align as an edited pair. Default 0.5. */
const EDITED_SIMILARITY = 0.5;

/**
 * Aligns two lists of folded units (sentences): identical ones anchor the alignment; between
 * anchors, the units that are still similar pair up in order as edits. Returns the pairs in order.
 */
function alignUnits(repKeys: readonly string[], verKeys: readonly string[]): [number, number][] {
  const anchors = lcsPairs(repKeys, verKeys, (x, y) => x === y);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  const fillGap = (iEnd: number, jEnd: number): void => {
    if (iEnd > i && jEnd > j) {
      const edits = lcsPairs(
        repKeys.slice(i, iEnd).map((_, k) => i + k),
        verKeys.slice(j, jEnd).map((_, k) => j + k),
        (x, y) => paragraphSimilarity(repKeys[x] ?? '', verKeys[y] ?? '') >= EDITED_SIMILARITY,
      );
      for (const [x, y] of edits) pairs.push([i + x, j + y]);
    }
  };
  for (const [x, y] of anchors) {
    fillGap(x, y);
    pairs.push([x, y]);
    i = x + 1;
    j = y + 1;
  }
  fillGap(repKeys.length, verKeys.length);
  return pairs;
}

/** Largest sentence grid (sentences × sentences) aligned sentence by sentence; above it, paragraphs. */
const MAX_SENTENCE_CELLS = 1_000_000;

/** Sentences of each paragraph, or each paragraph as one unit when the grid would be too large. */
function unitsOf(representative: readonly string[], version: readonly string[]): [Sentence[], Sentence[]] {
  const rep = representative.flatMap((p, k) => splitSentences(p, k));
  const ver = version.flatMap((p, k) => splitSentences(p, k));
  if (rep.length * ver.length <= MAX_SENTENCE_CELLS) return [rep, ver];
  const whole = (ps: readonly string[]): Sentence[] => ps.map((text, para) => ({ para, at: 0, text }));
  return [whole(representative), whole(version)];
}

/**
 * Paragraph groups whose sentences moved across paragraph breaks (a split or a merge): the
 * connected parts of the representative-paragraph ↔ version-paragraph links with more than one
 * paragraph on a side.
 */
function relaidGroups(links: ReadonlyArray<readonly [number, number]>): Relaid[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(k, r);
    return r;
  };
  for (const [r, v] of links) {
    for (const k of [`r${r}`, `v${v}`]) if (!parent.has(k)) parent.set(k, k);
    parent.set(find(`r${r}`), find(`v${v}`));
  }
  const groups = new Map<string, { rep: Set<number>; ver: Set<number> }>();
  for (const [r, v] of links) {
    const root = find(`r${r}`);
    const g = groups.get(root) ?? { rep: new Set<number>(), ver: new Set<number>() };
    g.rep.add(r);
    g.ver.add(v);
    groups.set(root, g);
  }
  return [...groups.values()]
    .filter((g) => g.rep.size > 1 || g.ver.size > 1)
    .map((g) => ({ repIndices: [...g.rep].sort((a, b) => a - b), versionIndices: [...g.ver].sort((a, b) => a - b) }))
    .sort((a, b) => (a.repIndices[0] ?? 0) - (b.repIndices[0] ?? 0));
}

/**
 * Align a version's paragraphs with the representative's, sentence by sentence: a sentence that
 * moved across a paragraph break is a layout change (`relaid`), not a cut and an addition; a
 * paragraph none of whose sentences the version has is lacked, a version paragraph none of
 * whose sentences the representative has is added; a sentence cut from or added to a paragraph
 * both have, and character edits inside a sentence, are that paragraph's changes.
 *
 * @example
 * diffVersion(['甲段。', '乙段新冠疫苗。'], ['乙段新冠肺炎疫苗。']).lacks // [0]
 * diffVersion(['甲。乙。'], ['甲。', '乙。']).relaid // [{ repIndices: [0], versionIndices: [0, 1] }]
 */
export function diffVersion(representative: readonly string[], version: readonly string[]): VersionDiff {
  const [repS, verS] = unitsOf(representative, version);
  const pairs = alignUnits(repS.map((s) => toFingerprintText(s.text)), verS.map((s) => toFingerprintText(s.text)));
  const repTaken = new Array<boolean>(repS.length).fill(false);
  const verTaken = new Array<boolean>(verS.length).fill(false);
  const byRep = new Map<number, AlignedParagraph>();
  const changesOf = (r: Sentence, v: Sentence): AlignedParagraph => {
    let p = byRep.get(r.para);
    if (p === undefined) byRep.set(r.para, (p = { repIndex: r.para, versionIndex: v.para, changes: [] }));
    return p;
  };
  const links: [number, number][] = [];
  for (const [x, y] of pairs) {
    const r = repS[x] as Sentence;
    const v = verS[y] as Sentence;
    repTaken[x] = true;
    verTaken[y] = true;
    links.push([r.para, v.para]);
    const p = changesOf(r, v);
    if (toFingerprintText(r.text) === toFingerprintText(v.text)) continue;
    for (const c of diffChars(r.text, v.text)) p.changes.push({ ...c, at: r.at + c.at });
  }
  const alignedRep = new Set(links.map(([r]) => r));
  const alignedVer = new Set(links.map(([, v]) => v));
  // A sentence cut from a paragraph the version keeps: a deletion inside that paragraph.
  repS.forEach((r, x) => {
    if (repTaken[x] || !alignedRep.has(r.para)) return;
    byRep.get(r.para)?.changes.push({ at: r.at, from: r.text, to: '' });
  });
  // A sentence added to a paragraph both have: an insertion after the aligned sentence before it.
  const repOfVer = new Map<number, Sentence>(pairs.map(([x, y]) => [y, repS[x] as Sentence]));
  verS.forEach((v, y) => {
    if (verTaken[y] || !alignedVer.has(v.para)) return;
    let k = y - 1;
    while (k >= 0 && verS[k]?.para === v.para && !repOfVer.has(k)) k--;
    const before = verS[k]?.para === v.para ? repOfVer.get(k) : undefined;
    let after: Sentence | undefined;
    for (let n = y + 1; n < verS.length && verS[n]?.para === v.para && after === undefined; n++) after = repOfVer.get(n);
    const anchor = before ?? after;
    if (anchor === undefined) return;
    const at = before === undefined ? anchor.at : anchor.at + Array.from(anchor.text).length;
    byRep.get(anchor.para)?.changes.push({ at, from: '', to: v.text });
  });
  const aligned = [...byRep.values()].sort((a, b) => a.repIndex - b.repIndex);
  for (const p of aligned) p.changes.sort((a, b) => a.at - b.at);
  return {
    aligned,
    lacks: representative.map((_, k) => k).filter((k) => !alignedRep.has(k)),
    adds: version.map((_, k) => k).filter((k) => !alignedVer.has(k)),
    relaid: relaidGroups([...new Set(links.map(([r, v]) => `${r},${v}`))].map((k) => k.split(',').map(Number) as [number, number])),
  };
}
