/**
 * The matching form of a text: what search, dedup and fact matching compare. It is never
 * shown; display text keeps the original characters.
 *
 * Choices:
 * - Unicode NFKC first: full-width digits, Latin and ASCII punctuation become half-width
 *   (`１２３ＡＢＣ（）：，％` → `123ABC():,%`), half-width katakana/CJK forms become normal,
 *   circled/compatibility characters unfold (`①` → `1`, `㎡` → `m2`).
 * - CJK punctuation without an exact ASCII twin is KEPT: `。` stays `。` (folding it to `.`
 *   would collide with decimal points, `6。3` ≠ `6.3`), `、` stays distinct from `,`,
 *   book-title marks `《》` and corner quotes `「」` stay.
 * - Dashes that separate ranges (`—` `–` `―` `−` `－`) fold to `-`, so `1—11月` matches `1-11月`;
 *   curly quotes fold to straight ones.
 * - Every whitespace run (including the ideographic space `　` and no-break space) becomes
 *   one space; the result is trimmed. Latin letters are lowercased.
 */

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;

/**
 * Returns the matching form of `text` (see module doc).
 * @example toMatchingText('１—１１月　ＧＤＰ增长') // '1-11月 gdp增长'
 */
export function toMatchingText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(DASHES, '-')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, ' ')
    .trim()
    .toLowerCase();
}
