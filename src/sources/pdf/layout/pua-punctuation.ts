/**
 * pua-punctuation: punctuation that some Founder-made PDFs map to Private Use Area code points
 * instead of the real characters (seen in real e-paper extractions), and the vertical forms of
 * punctuation a vertical title is set in. Data.
 */
export const PUA_PUNCTUATION: Readonly<Record<number, string>> = {
  0x1003d1: '：',
  0x1003d8: '、',
};

/**
 * Punctuation in its vertical presentation forms (a title set top to bottom): the horizontal
 * mark it stands for. Quotes as GB/T 15834 sets them upright: ﹃﹄ double, ﹁﹂ single.
 */
export const VERTICAL_PUNCTUATION: Readonly<Record<string, string>> = {
  '﹃': '“', '﹄': '”', '﹁': '‘', '﹂': '’',
  '︵': '（', '︶': '）', '︽': '《', '︾': '》', '︿': '〈', '﹀': '〉', '︻': '【', '︼': '】', '︗': '〖', '︘': '〗',
  '︐': '，', '︑': '、', '︒': '。', '︓': '：', '︔': '；', '︕': '！', '︖': '？', '︙': '…', '︱': '—',
};

/**
 * The text with known Private Use Area punctuation and vertical presentation forms replaced.
 * @example mapPuaPunctuation('时间\u{1003D1}今天') // '时间：今天'
 */
export function mapPuaPunctuation(text: string): string {
  if (!/[\u{F0000}-\u{10FFFD}\uE000-\uF8FF\uFE10-\uFE19\uFE30-\uFE4F]/u.test(text)) return text;
  let out = '';
  for (const ch of text) out += PUA_PUNCTUATION[ch.codePointAt(0) ?? 0] ?? VERTICAL_PUNCTUATION[ch] ?? ch;
  return out;
}
