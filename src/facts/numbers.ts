/**
 * Numerals: Arabic (with thousands separators), full-width and Chinese (三千五百, 两万, 一点五),
 * and the 万/亿 multipliers. Pure functions.
 */

/** Chinese digit characters → value. */
const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
/** Small Chinese units inside a section (below 万). */
const CN_SMALL: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
/** Large Chinese units that close a section. */
const CN_LARGE: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** Multiplier words written after a number (130万, 4.5亿, 1.2万亿), longest first. */
export const MULTIPLIERS: readonly (readonly [string, number])[] = [
  ['万亿', 1e12],
  ['千亿', 1e11],
  ['百亿', 1e10],
  ['千万', 1e7],
  ['百万', 1e6],
  ['亿', 1e8],
  ['万', 1e4],
];

/**
 * The char code at `i` of `s`, 0 outside it: a read past either end (NaN from charCodeAt) makes
 * V8 drop its optimised code for the scanning loops.
 */
export const codeAt = (s: string, i: number): number => (i >= 0 && i < s.length ? s.charCodeAt(i) : 0);

/** Characters a Chinese numeral is made of. */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * Map full-width digits, `．` and `％` to ASCII, one character for one
 * character, so offsets into the result are offsets into the input.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９．％]/g, (c) => {
    if (c === '．') return '.';
    if (c === '％') return '%';
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

/** Parse an Arabic numeral (`1,234.5`, `42.2`); NaN when it is not one. */
export function parseArabic(text: string): number {
  const t = toHalfWidth(text).replace(/,(?=\d{3}(?:\D|$))/g, '');
  return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/**
 * Parse a Chinese numeral: 三千五百 → 3500, 两万 → 20000, 十四 → 14, 一亿二千万 → 120000000,
 * 二零二一 → 2021 (digit by digit), 一点五 → 1.5. NaN when it is not one.
 */
export function parseChineseNumeral(text: string): number {
  if (text === '') return Number.NaN;
  const [whole = '', frac] = text.split('点');
  if (frac !== undefined) {
    const w = parseChineseNumeral(whole);
    const digits = [...frac].map((c) => CN_DIGITS[c]);
    if (Number.isNaN(w) || digits.length === 0 || digits.some((d) => d === undefined)) return Number.NaN;
    return Number(`${w}.${digits.join('')}`);
  }
  const chars = [...whole];
  // 二零二一: digit by digit (years, codes); 两三: a vague "two or three", not a number
  if (chars.every((c) => CN_DIGITS[c] !== undefined) && chars.length > 1) {
    return chars.length >= 3 ? Number(chars.map((c) => CN_DIGITS[c]).join('')) : Number.NaN;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of chars) {
    const d = CN_DIGITS[c];
    const small = CN_SMALL[c];
    const large = CN_LARGE[c];
    if (d !== undefined) {
      if (digit !== null && d !== 0 && digit !== 0) return Number.NaN; // 三四万: a vague span
      digit = d;
    } else if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = null;
    } else if (large !== undefined) {
      section += digit ?? 0;
      total = large === 1e8 ? (total + section) * large : total + section * large;
      section = 0;
      digit = null;
    } else {
      return Number.NaN;
    }
  }
  return total + section + (digit ?? 0);
}

/** Parse any numeral this module knows (Arabic, full-width, Chinese). NaN otherwise. */
export function parseNumeral(text: string): number {
  const a = parseArabic(text);
  return Number.isNaN(a) ? parseChineseNumeral(text) : a;
}

/** Multiply by a multiplier word and round away binary noise (79750.1亿 → 7975010000000). */
export function applyMultiplier(value: number, multiplier: number): number {
  return roundSignificant(value * multiplier);
}

/** Round to 12 significant digits, removing floating-point noise such as 0.1 × 3. */
export function roundSignificant(x: number): number {
  if (x === 0) return 0;
  // an integer of at most 12 digits is written exactly: nothing to round (most values)
  if (Number.isInteger(x) && x < 1e12 && x > -1e12) return x;
  return Number(x.toPrecision(12));
}

/** Write a value the way Chinese news does: 1300000 → `130万`, 7975010000000 → `79750.1亿`. */
export function formatChineseAmount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${roundSignificant(value / 1e8)}亿`;
  if (abs >= 1e4) return `${roundSignificant(value / 1e4)}万`;
  return String(roundSignificant(value));
}
