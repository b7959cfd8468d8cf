/**
 * fake-bold: undo the doubling that naive extraction of fake-bold text produces.
 *
 * Newspapers draw headlines and bold lead-ins twice with a small offset; an extractor that does
 * not dedupe glyph positions emits every drawn segment twice in a row
 * (`第一个变量第一个变量，，是政策环境的是政策环境的`). A doubled segment alone is not proof —
 * Chinese reduplicates on purpose (`研究研究`, `看看`, `一步一步`) — so a run of doubled segments is
 * only collapsed when it is dense enough to be an artefact (see {@link FakeBoldOptions}).
 */
import { isCjkIdeograph, isLatinWordChar } from './char-class.js';

/** Thresholds deciding when doubled segments are an artefact. */
export interface FakeBoldOptions {
  /** Longest segment (in characters) looked for. Default 40. */
  maxSegment?: number;
  /** A single doubled segment at least this long is an artefact on its own. Default 4. */
  minSingleSegment?: number;
  /** A run of ≥ 2 adjacent doubled segments whose single copies total this many is an artefact. Default 5. */
  minRunChars?: number;
  /** When doubled runs cover at least this share of the line, all of them are artefacts. Default 0.6. */
  minLineCoverage?: number;
}

const DEFAULTS: Required<FakeBoldOptions> = {
  maxSegment: 40,
  minSingleSegment: 4,
  minRunChars: 5,
  minLineCoverage: 0.6,
};

/** Punctuation that a doubled run may repeat on its own (`，，`); never `…` or `—`, which pair up in real text. */
const DOUBLABLE_PUNCTUATION = new Set(['，', '。', '、', '；', '：', '？', '！', '“', '”', '《', '》', '（', '）']);

/** A run is only collapsed when its single copies hold at least this many CJK ideographs. */
const MIN_RUN_CJK = 2;

/** One doubled segment: `chars[start, start + length)` equals the `length` characters after it. */
interface Doubled {
  start: number;
  length: number;
}

/** Result of repairing one line. */
export interface FakeBoldResult {
  /** The line with artefact doublings collapsed. */
  text: string;
  /** Whether anything was collapsed (a hint that the line was bold: a headline or lead-in). */
  changed: boolean;
  /** Share of the line's characters that were a removed copy. */
  removedShare: number;
}

/**
 * Collapse fake-bold doubling in one line of extracted text.
 * @example removeFakeBold('第一个变量第一个变量，，是政策环境的是政策环境的').text // '第一个变量，是政策环境的'
 */
export function removeFakeBold(line: string, options: FakeBoldOptions = {}): FakeBoldResult {
  const opts = { ...DEFAULTS, ...options };
  const chars = Array.from(line);
  const runs = findRuns(chars, opts.maxSegment);
  const doubledChars = runs
    .filter((run) => cjkCount(chars, run) >= MIN_RUN_CJK)
    .flat()
    .reduce((sum, d) => sum + d.length * 2, 0);
  const contentChars = chars.filter((c) => c.trim() !== '').length;
  const dense = contentChars > 0 && doubledChars / contentChars >= opts.minLineCoverage;
  const drop = new Set<number>();
  for (const run of runs) {
    // Doubled digits, entities or markup (`0000`, `&nbsp;&nbsp;`) are never fake-bold headlines.
    if (cjkCount(chars, run) < MIN_RUN_CJK) continue;
    const total = run.reduce((sum, d) => sum + d.length, 0);
    const first = run[0];
    const artefact =
      dense ||
      (run.length >= 2 && total >= opts.minRunChars) ||
      (first !== undefined && run.length === 1 && first.length >= opts.minSingleSegment);
    if (!artefact) continue;
    for (const d of run) for (let k = 0; k < d.length; k++) drop.add(d.start + d.length + k);
  }
  if (drop.size === 0) return { text: line, changed: false, removedShare: 0 };
  const text = chars.filter((_, i) => !drop.has(i)).join('');
  return { text, changed: true, removedShare: drop.size / chars.length };
}

function cjkCount(chars: readonly string[], run: readonly Doubled[]): number {
  let n = 0;
  for (const d of run) for (let k = d.start; k < d.start + d.length; k++) if (isCjkIdeograph(chars[k] ?? '')) n++;
  return n;
}

/** Maximal runs of adjacent doubled segments, found greedily left to right, longest segment first. */
function findRuns(chars: string[], maxSegment: number): Doubled[][] {
  const runs: Doubled[][] = [];
  let current: Doubled[] = [];
  let i = 0;
  while (i < chars.length) {
    const length = longestDoubledAt(chars, i, maxSegment, current.length > 0);
    if (length === 0) {
      if (current.length > 0) runs.push(current);
      current = [];
      i++;
      continue;
    }
    current.push({ start: i, length });
    i += length * 2;
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/** Inside a run, a single doubled character also counts (`家家` after `4500 4500`). */
function longestDoubledAt(chars: string[], i: number, maxSegment: number, inRun: boolean): number {
  const limit = Math.min(maxSegment, Math.floor((chars.length - i) / 2));
  for (let length = limit; length >= 1; length--) {
    if (!isSegmentCandidate(chars, i, length, inRun)) continue;
    let same = true;
    for (let k = 0; k < length && same; k++) same = chars[i + k] === chars[i + length + k];
    if (same) return length;
  }
  return 0;
}

/**
 * A segment worth considering: ≥ 2 characters with a CJK or Latin one, or one doublable
 * punctuation mark, or (continuing a run) any one non-space character.
 */
function isSegmentCandidate(chars: string[], i: number, length: number, inRun: boolean): boolean {
  const first = chars[i] ?? '';
  if (length === 1) return DOUBLABLE_PUNCTUATION.has(first) || (inRun && first.trim() !== '' && first !== '…' && first !== '—');
  if (first.trim() === '') return false;
  for (let k = i; k < i + length; k++) {
    const ch = chars[k] ?? '';
    if (isCjkIdeograph(ch) || isLatinWordChar(ch)) return true;
  }
  return false;
}
