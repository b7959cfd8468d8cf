/**
 * Event profile of a short item: the figures it states and the character bigrams of its title and
 * text. Same-event flash items from different outlets share little text but share these.
 */
import { extractFigures } from './figures.js';
import { foldParagraphs, type FoldedText } from './normalize.js';
import { intersectionSize } from './similarity.js';

/** What the same-event path compares. */
export interface EventProfile {
  /** Specific figures, normalised (`6.3512`, `574`, `388`), sorted, unique. */
  figures: string[];
  /** Distinct character bigrams of title + text (matching form), two code units per number, any order. */
  bigrams: ArrayLike<number>;
  /** Length of the matching text of title + text. */
  length: number;
}

/**
 * A set of 32-bit values over two typed arrays, emptied in O(1) by bumping a stamp: the
 * bigram set of one text is built and probed without sorting (a typed-array sort of ~500
 * values cost more than all the hashing of an article, measured with --cpu-prof).
 */
class StampedSet {
  #values = new Uint32Array(2048);
  #stamps = new Uint32Array(2048);
  #stamp = 0;
  #mask = 2047;

  /** Empty the set, sized for up to `n` values; returns its arrays, mask and current stamp (for inlined probes). */
  reset(n: number): { values: Uint32Array; stamps: Uint32Array; mask: number; stamp: number } {
    let size = this.#values.length;
    if (size < n * 2) {
      while (size < n * 2) size *= 2;
      this.#values = new Uint32Array(size);
      this.#stamps = new Uint32Array(size);
      this.#stamp = 0;
    }
    this.#mask = size - 1;
    this.#stamp = (this.#stamp + 1) >>> 0;
    if (this.#stamp === 0) {
      this.#stamps.fill(0);
      this.#stamp = 1;
    }
    return { values: this.#values, stamps: this.#stamps, mask: this.#mask, stamp: this.#stamp };
  }

  /** Add `v`; true when it was not there yet. */
  add(v: number): boolean {
    const values = this.#values;
    const stamps = this.#stamps;
    const mask = this.#mask;
    let slot = Math.imul(v, 0x9e3779b1) & mask;
    for (;;) {
      if (stamps[slot] !== this.#stamp) {
        stamps[slot] = this.#stamp;
        values[slot] = v;
        return true;
      }
      if (values[slot] === v) return false;
      slot = (slot + 1) & mask;
    }
  }

  /** Whether `v` is in the set. */
  has(v: number): boolean {
    const values = this.#values;
    const stamps = this.#stamps;
    const mask = this.#mask;
    let slot = Math.imul(v, 0x9e3779b1) & mask;
    for (;;) {
      if (stamps[slot] !== this.#stamp) return false;
      if (values[slot] === v) return true;
      slot = (slot + 1) & mask;
    }
  }
}

const seen = new StampedSet();
let scratch = new Uint32Array(1024);

/**
 * Distinct bigrams of a matching text in order of first appearance, each as its two UTF-16 code
 * units in one 32-bit number (exact: no hash, no collision).
 */
function bigramCodes(matching: string): Uint32Array {
  const count = matching.length - 1;
  if (count <= 0) return new Uint32Array(0);
  if (scratch.length < count) scratch = new Uint32Array(Math.max(count, scratch.length * 2));
  const out = scratch;
  // StampedSet.add written out with locals: this loop runs once per character.
  const { values, stamps, mask, stamp } = seen.reset(count);
  let distinct = 0;
  let previous = matching.charCodeAt(0);
  for (let i = 1; i <= count; i++) {
    const c = matching.charCodeAt(i);
    const code = ((previous << 16) | c) >>> 0;
    previous = c;
    let slot = Math.imul(code, 0x9e3779b1) & mask;
    for (;;) {
      if (stamps[slot] !== stamp) {
        stamps[slot] = stamp;
        values[slot] = code;
        out[distinct++] = code;
        break;
      }
      if (values[slot] === code) break;
      slot = (slot + 1) & mask;
    }
  }
  return out.slice(0, distinct);
}

/** The set {@link sharedCount} probes, and the sequence it holds. */
const probe = new StampedSet();
let probeHolds: ArrayLike<number> | undefined;

/**
 * Number of values two duplicate-free sequences share (any order). The set is built from `a`
 * and kept: an incoming article is compared with every candidate story in a row, always as `a`,
 * so its set is built once and each candidate only probes it (this was the clusterer's hottest
 * function when it rebuilt a set for every pair).
 */
function sharedCount(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (probeHolds !== a) {
    probeHolds = undefined;
    probe.reset(a.length);
    for (let i = 0; i < a.length; i++) probe.add((a[i] ?? 0) >>> 0);
    probeHolds = a;
  }
  let shared = 0;
  for (let i = 0; i < b.length; i++) if (probe.has((b[i] ?? 0) >>> 0)) shared++;
  return shared;
}

/**
 * Build the event profile of an article from its title and text. `foldedText` is the text's
 * `foldParagraphs` when the caller already has it (the fingerprint folds the same text).
 */
export function buildEventProfile(title: string, text: string, foldedText: FoldedText = foldParagraphs(text)): EventProfile {
  // Folding line by line equals folding the whole (a newline never composes with a neighbour).
  const matching = foldParagraphs(title).matching + foldedText.matching;
  return { figures: extractFigures(`${title}\n${text}`), bigrams: bigramCodes(matching), length: matching.length };
}

/** How two event profiles overlap. */
export interface EventOverlap {
  /** Figures both state. */
  sharedFigures: number;
  /** Shared figures with a decimal point (11140.1, 1.79): the most distinctive ones. */
  sharedDecimalFigures: number;
  /** Shared figures over the figures of the profile stating fewer (0–1; 0 when one states none). */
  figureShare: number;
  /** Shared bigrams over the bigrams of the smaller profile (0–1). */
  bigramContainment: number;
  /** Shared bigrams over all distinct bigrams of both (0–1). */
  bigramJaccard: number;
}

const isDecimal = (figure: string): boolean => figure.includes('.');

/** The figure half of {@link EventOverlap}: cheap (a handful of sorted strings per side). */
export type FigureOverlap = Pick<EventOverlap, 'sharedFigures' | 'sharedDecimalFigures' | 'figureShare'>;

/** How the figures of two profiles overlap. */
export function compareFigures(a: readonly string[], b: readonly string[]): FigureOverlap {
  const sharedFigures = intersectionSize(a, b);
  const fewer = Math.min(a.length, b.length);
  return {
    sharedFigures,
    sharedDecimalFigures: sharedFigures === 0 ? 0 : intersectionSize(a.filter(isDecimal), b.filter(isDecimal)),
    figureShare: fewer === 0 ? 0 : sharedFigures / fewer,
  };
}

/**
 * Shared bigrams over the bigrams of the smaller profile (0–1): {@link EventOverlap}'s
 * `bigramContainment`, the costly half (one probe per bigram of `b`). Pass the incoming
 * article as `a` for every candidate in a row: its set is built once.
 */
export function bigramContainment(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : sharedCount(a, b) / smaller;
}

/** Compare two event profiles. */
export function compareEventProfiles(a: EventProfile, b: EventProfile): EventOverlap {
  const shared = sharedCount(a.bigrams, b.bigrams);
  const smaller = Math.min(a.bigrams.length, b.bigrams.length);
  const union = a.bigrams.length + b.bigrams.length - shared;
  return {
    ...compareFigures(a.figures, b.figures),
    bigramContainment: smaller === 0 ? 0 : shared / smaller,
    bigramJaccard: union === 0 ? 0 : shared / union,
  };
}
