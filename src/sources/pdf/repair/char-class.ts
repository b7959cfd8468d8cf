/**
 * char-class: the character classes the PDF text repairs reason about (CJK ideographs, CJK
 * punctuation, Latin word characters) and the display width of a line.
 */

const CJK_IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]/u;
/** Full-width and CJK punctuation, brackets and quotes (not the ideographic space). */
const CJK_PUNCTUATION = /[\u3001-\u3006\u3008-\u3011\u3014-\u301f\u2018\u2019\u201c\u201d\u2026\u2014\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;
/** Full-width digits and Latin letters (`４`, `Ａ`): CJK-width, but word characters. */
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/u;
const LATIN_WORD = /[A-Za-z0-9\u00c0-\u024f]/u;

/** Whether `ch` is a CJK ideograph (including `〇`). */
export function isCjkIdeograph(ch: string): boolean {
  return CJK_IDEOGRAPH.test(ch);
}

/** Whether `ch` is CJK or full-width punctuation (`，。、；：“”（）《》…—`). */
export function isCjkPunctuation(ch: string): boolean {
  return CJK_PUNCTUATION.test(ch);
}

/** Whether `ch` takes a full cell in CJK typesetting: ideograph, CJK punctuation, full-width alnum. */
export function isWideChar(ch: string): boolean {
  return isCjkIdeograph(ch) || isCjkPunctuation(ch) || FULL_WIDTH_ALNUM.test(ch) || ch === '\u3000';
}

/** Whether `ch` is a half-width Latin letter or digit. */
export function isLatinWordChar(ch: string): boolean {
  return LATIN_WORD.test(ch);
}

/**
 * Display width of a line in CJK cells: wide characters count 1, everything else ½.
 * @example displayWidth('2022年') // 3
 */
export function displayWidth(line: string): number {
  let width = 0;
  for (const ch of line) width += isWideChar(ch) ? 1 : 0.5;
  return width;
}

/** Punctuation that ends a sentence or clause; a line ending in one is not a headline. */
const END_PUNCTUATION = new Set(['。', '！', '？', '；', '：', '，', '、', '…', '”', '’', '）', '」', '』', '》', '.', '!', '?', ';', ':', ',', ')']);

/** Whether the trimmed line ends with sentence/clause punctuation or a closing bracket/quote. */
export function endsWithPunctuation(line: string): boolean {
  const last = Array.from(line.trimEnd()).at(-1);
  return last !== undefined && END_PUNCTUATION.has(last);
}
