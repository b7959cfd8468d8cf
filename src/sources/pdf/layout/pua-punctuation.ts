/**
 * pua-punctuation: punctuation that some Founder-made PDFs map to Private Use Area code points
 * instead of the real characters (seen in real e-paper extractions). Data, one entry a line.
 */
export const PUA_PUNCTUATION: Readonly<Record<number, string>> = {
  0x1003d1: '：',
  0x1003d8: '、',
};

/**
 * The text with known Private Use Area punctuation replaced.
 * @example mapPuaPunctuation('时间\u{1003D1}今天') // '时间：今天'
 */
export function mapPuaPunctuation(text: string): string {
  if (!/[\u{F0000}-\u{10FFFD}\uE000-\uF8FF]/u.test(text)) return text;
  let out = '';
  for (const ch of text) out += PUA_PUNCTUATION[ch.codePointAt(0) ?? 0] ?? ch;
  return out;
}
