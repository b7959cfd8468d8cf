/**
 * punctuation-pairs: repair bracket and quote pairs inside a joined paragraph.
 *
 * PDF fonts often map one half of a pair to the half-width form (`（…)`), and quotes lose their
 * direction (`”…”`, `"…"`) when a pair is split over a line join. Within one paragraph:
 * - a round bracket pair opened with one width and closed with the other takes the opener's width;
 * - when the paragraph has an even number of double quotes and they do not already alternate
 *   `“` `”`, they are reassigned open/close in order (curly quotes: the text is Chinese).
 * An odd number of quotes is left alone: a quotation may legitimately run over paragraphs.
 */

const DOUBLE_QUOTE = /[“”"]/gu;

/**
 * Fix mismatched bracket widths and quote directions in one paragraph.
 * @example fixPunctuationPairs('他说：”要稳字当头”（见附表)') // '他说：“要稳字当头”（见附表）'
 */
export function fixPunctuationPairs(paragraph: string): string {
  return fixQuotes(fixBrackets(paragraph));
}

function fixBrackets(text: string): string {
  const chars = Array.from(text);
  const open: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '（' || ch === '(') open.push(i);
    else if (ch === '）' || ch === ')') {
      const at = open.pop();
      if (at === undefined) continue;
      chars[i] = chars[at] === '（' ? '）' : ')';
    }
  }
  return chars.join('');
}

function fixQuotes(text: string): string {
  const quotes = text.match(DOUBLE_QUOTE) ?? [];
  if (quotes.length === 0 || quotes.length % 2 !== 0) return text;
  const alternating = quotes.every((q, i) => q === (i % 2 === 0 ? '“' : '”'));
  if (alternating) return text;
  let n = 0;
  return text.replace(DOUBLE_QUOTE, () => (n++ % 2 === 0 ? '“' : '”'));
}
