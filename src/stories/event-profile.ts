/**
 * Event profile of a short item: the figures it states and the character bigrams of its title and
 * text. Same-event flash items from different outlets share little text but share these.
 */
import { foldParagraphs, isPlainWide, type FoldedText } from './normalize.js';
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

/** A number with what follows it; dates, times and counters are not event figures. */
const NOT_A_FIGURE_UNIT = /^[年月日时分秒号期批届次]$/u;

/**
 * Normalise a number: drop thousands separators and leading zeros (00388 → 388), keep decimals.
 * Returns null for figures too common to identify an event (fewer than 3 significant digits).
 */
function normaliseFigure(raw: string): string | null {
  const plain = raw.replace(/,/g, '');
  const [intPart = '', frac] = plain.split('.', 2);
  const int = intPart.replace(/^0+(?=\d)/, '');
  const value = frac === undefined ? int : `${int}.${frac}`;
  const significant = value.replace('.', '').replace(/^0+/, '').length;
  return significant >= 3 ? value : null;
}

/**
 * Figures of a text that can identify an event: at least 3 significant digits, not a year, date
 * or time of day, with the letter that follows them as unit (`574港`).
 *
 * @example
 * extractFigures('12月8日，离岸人民币升至6.3512，港交所(00388.HK)目标价574港元') // ['388', '574港', '6.3512']
 */
export function extractFigures(text: string): string[] {
  const out = new Set<string>();
  // Most texts need no NFKC beyond full-width ASCII and the ideographic space, mapped on the fly.
  const direct = isDirect(text);
  const folded = direct ? text : text.normalize('NFKC');
  const length = folded.length;
  const unitAt = (i: number): number => {
    const c = folded.charCodeAt(i);
    if (!direct) return c;
    return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 ? 0x20 : c;
  };
  // One pass equal to matching /(\d+(?:[.,]\d+)*)(\s*)(\S?)/gu globally (a property test checks
  // it against the regular expression), without a match object per number.
  let i = 0;
  while (i < length) {
    if (!isDigit(unitAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digits = 0;
    while (i < length && isDigit(unitAt(i))) (i++, digits++);
    for (;;) {
      const c = unitAt(i);
      if ((c !== 0x2e && c !== 0x2c) || !isDigit(unitAt(i + 1))) break;
      i++;
      while (i < length && isDigit(unitAt(i))) (i++, digits++);
    }
    const end = i;
    while (i < length && isWhitespace(unitAt(i))) i++;
    const spaced = i > end;
    const next = i >= length ? '' : direct ? String.fromCharCode(unitAt(i)) : String.fromCodePoint(folded.codePointAt(i) ?? 0);
    i += next.length;
    // Fewer than 3 digits can never make 3 significant ones.
    if (digits < 3 || NOT_A_FIGURE_UNIT.test(next)) continue;
    let raw = folded.slice(start, end);
    if (direct && /[\uff01-\uff5e]/u.test(raw)) raw = raw.normalize('NFKC');
    const figure = normaliseFigure(raw);
    // The unit keeps 2000元 (a share price) apart from 2000头 (a pig quota) in the same hour.
    if (figure !== null) out.add(!spaced && isLetter(next) ? `${figure}${next}` : figure);
  }
  return [...out].sort();
}

/** Whether NFKC changes `text` only by full-width ASCII and the ideographic space (see normalize.ts). */
function isDirect(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c !== 0x3000 && !(c >= 0xff01 && c <= 0xff5e) && !isPlainWide(c)) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `\s` of a JavaScript regular expression. */
function isWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const LETTER = /^\p{L}$/u;

/** Whether `ch` (one code point) is a letter; CJK ideographs and ASCII answered without the regex. */
function isLetter(ch: string): boolean {
  if (ch === '') return false;
  const c = ch.charCodeAt(0);
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return true;
  if (c < 0x80) return false;
  return LETTER.test(ch);
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

  /** Empty the set, sized for up to `n` values. */
  reset(n: number): void {
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
  seen.reset(count);
  let distinct = 0;
  let previous = matching.charCodeAt(0);
  for (let i = 1; i <= count; i++) {
    const c = matching.charCodeAt(i);
    const code = ((previous << 16) | c) >>> 0;
    if (seen.add(code)) out[distinct++] = code;
    previous = c;
  }
  return out.slice(0, distinct);
}

/** Number of values two duplicate-free sequences share (any order). */
function sharedCount(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  seen.reset(small.length);
  for (let i = 0; i < small.length; i++) seen.add((small[i] ?? 0) >>> 0);
  let shared = 0;
  for (let i = 0; i < large.length; i++) if (seen.has((large[i] ?? 0) >>> 0)) shared++;
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
  /** Shared bigrams over the bigrams of the smaller profile (0–1). */
  bigramContainment: number;
  /** Shared bigrams over all distinct bigrams of both (0–1). */
  bigramJaccard: number;
}

/** Compare two event profiles. */
export function compareEventProfiles(a: EventProfile, b: EventProfile): EventOverlap {
  const shared = sharedCount(a.bigrams, b.bigrams);
  const smaller = Math.min(a.bigrams.length, b.bigrams.length);
  const union = a.bigrams.length + b.bigrams.length - shared;
  return {
    sharedFigures: intersectionSize(a.figures, b.figures),
    bigramContainment: smaller === 0 ? 0 : shared / smaller,
    bigramJaccard: union === 0 ? 0 : shared / union,
  };
}
