/**
 * Figures of a text that can identify an event (`6.3512`, `574港`, `388`): the numbers the
 * same-event path and the figure index keys compare. Part of the event profile (event-profile.ts).
 */
import { isPlainWide } from './normalize.js';

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
  const out: string[] = [];
  // Most texts need no NFKC beyond full-width ASCII and the ideographic space, mapped on the fly.
  if (isDirect(text)) figuresOfDirect(text, out);
  else figuresOfFolded(text.normalize('NFKC'), out);
  sortFigures(out);
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i] as string;
  out.length = n;
  return out;
}

/** Code-unit order, as the default sort of strings. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sort figures in code-unit order (as `Array.prototype.sort()`): every figure starts with a
 * digit, so they are first bucketed by that digit and only each bucket is sorted. Sorting is
 * a large part of the cost for tables that state hundreds of figures (measured: ~40 % of
 * extractFigures on the bench's stream); the buckets save a few comparisons per figure.
 */
function sortFigures(figures: string[]): void {
  if (figures.length < 8) {
    figures.sort(compareStrings);
    return;
  }
  const buckets: string[][] = [[], [], [], [], [], [], [], [], [], []];
  for (const f of figures) (buckets[f.charCodeAt(0) - 0x30] as string[]).push(f);
  let n = 0;
  for (const bucket of buckets) {
    if (bucket.length > 1) bucket.sort(compareStrings);
    for (const f of bucket) figures[n++] = f;
  }
}

/** `text`'s code unit at `i` with full-width ASCII and the ideographic space folded as NFKC does (NaN past the end). */
function directUnit(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 ? 0x20 : c;
}

/** Code units of the figure being built (see figuresOfDirect). */
let figureUnits = new Uint16Array(64);

/**
 * The figures of a text that NFKC changes only by full-width ASCII and the ideographic space
 * (see `isDirect`): one pass over the code units, each figure normalised as `normaliseFigure`
 * does while it is read (no regular expression, no intermediate string).
 */
function figuresOfDirect(text: string, out: string[]): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    // Most code units are not digits: test the raw unit (ASCII or full-width digit) first.
    const c0 = text.charCodeAt(i);
    if ((c0 > 0x39 || c0 < 0x30) && (c0 < 0xff10 || c0 > 0xff19)) {
      i++;
      continue;
    }
    const start = i;
    let digits = 0;
    while (i < length && isDigit(directUnit(text, i))) (i++, digits++);
    for (;;) {
      const c = directUnit(text, i);
      if ((c !== 0x2e && c !== 0x2c) || !isDigit(directUnit(text, i + 1))) break;
      i++;
      while (i < length && isDigit(directUnit(text, i))) (i++, digits++);
    }
    const end = i;
    while (i < length && isWhitespace(directUnit(text, i))) i++;
    const spaced = i > end;
    const next = i < length ? directUnit(text, i) : -1;
    if (i < length) i++;
    // Fewer than 3 digits can never make 3 significant ones.
    if (digits < 3 || isNotAFigureUnit(next)) continue;
    const letter = !spaced && next >= 0 && isLetterUnit(next);
    // The unit keeps 2000元 (a share price) apart from 2000头 (a pig quota) in the same hour.
    const unit = letter ? String.fromCharCode(next) : '';
    if (isPlainFigure(text, start, end)) {
      // The common case: the figure (and its unit when it follows unchanged) is one slice of the text.
      out.push(unit !== '' && text.charCodeAt(end) === next ? text.slice(start, end + 1) : text.slice(start, end) + unit);
      continue;
    }
    if (figureUnits.length < end - start + 2) figureUnits = new Uint16Array((end - start + 2) * 2);
    const units = figureUnits;
    // normaliseFigure in one pass: commas dropped, leading zeros of the integer part dropped
    // (one kept), the fraction ends at a second point (split('.', 2)).
    let n = 0;
    let fraction = false;
    let zero = false;
    let significant = 0;
    for (let k = start; k < end; k++) {
      const c = directUnit(text, k);
      if (c === 0x2c) continue;
      if (c === 0x2e) {
        if (fraction) break;
        if (n === 0 && zero) units[n++] = 0x30;
        fraction = true;
        units[n++] = 0x2e;
        continue;
      }
      if (!fraction && n === 0 && c === 0x30) {
        zero = true;
        continue;
      }
      units[n++] = c;
      if (significant > 0 || c !== 0x30) significant++;
    }
    if (n === 0 && zero) units[n++] = 0x30;
    if (significant < 3) continue;
    out.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]) + unit);
  }
}

/**
 * Whether text[start, end) is already a normalised figure of 3+ digits, the common case: ASCII
 * digits only, no leading zero, at most one point.
 */
function isPlainFigure(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) === 0x30) return false;
  let points = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2e) points++;
    else if (c < 0x30 || c > 0x39) return false;
  }
  return points <= 1;
}

/** The figures of an NFKC-normalised text (any code points). */
function figuresOfFolded(folded: string, out: string[]): void {
  const length = folded.length;
  // One pass equal to matching /(\d+(?:[.,]\d+)*)(\s*)(\S?)/gu globally (a property test checks
  // it against the regular expression), without a match object per number.
  let i = 0;
  while (i < length) {
    if (!isDigit(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digits = 0;
    while (i < length && isDigit(folded.charCodeAt(i))) (i++, digits++);
    for (;;) {
      const c = folded.charCodeAt(i);
      if ((c !== 0x2e && c !== 0x2c) || !isDigit(folded.charCodeAt(i + 1))) break;
      i++;
      while (i < length && isDigit(folded.charCodeAt(i))) (i++, digits++);
    }
    const end = i;
    while (i < length && isWhitespace(folded.charCodeAt(i))) i++;
    const spaced = i > end;
    const next = i >= length ? '' : String.fromCodePoint(folded.codePointAt(i) ?? 0);
    i += next.length;
    if (digits < 3 || NOT_A_FIGURE_UNIT.test(next)) continue;
    const figure = normaliseFigure(folded.slice(start, end));
    if (figure !== null) out.push(!spaced && isLetter(next) ? `${figure}${next}` : figure);
  }
}

/** Whether code unit `c` is one of the date, time and counter units of {@link NOT_A_FIGURE_UNIT}. */
function isNotAFigureUnit(c: number): boolean {
  // 年 月 日 时 分 秒 号 期 批 届 次
  return (
    c === 0x5e74 || c === 0x6708 || c === 0x65e5 || c === 0x65f6 || c === 0x5206 || c === 0x79d2 ||
    c === 0x53f7 || c === 0x671f || c === 0x6279 || c === 0x5c4a || c === 0x6b21
  );
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

/** {@link isLetterUnit} answers already computed: 0 unknown, 1 letter, 2 not (a number is followed by 、 or 。 often). */
const letterUnits = new Uint8Array(0x10000);

/** {@link isLetter} of one code unit that is not a surrogate. */
function isLetterUnit(c: number): boolean {
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return true;
  if (c < 0x80) return false;
  let known = letterUnits[c] ?? 0;
  if (known === 0) {
    known = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    letterUnits[c] = known;
  }
  return known === 1;
}
