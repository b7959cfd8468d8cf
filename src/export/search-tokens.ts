/**
 * search-tokens: the terms of the static site's client-side search. Chinese has no spaces, so a
 * run of Han characters is indexed as its overlapping character bigrams (a run of one character
 * as that character); any other run of letters and digits (`5g`, `ipv6`, `2021`) is one term.
 * The browser side (client-script.ts) implements the same rules; a test checks they agree.
 */

/** Letter/digit words longer than this are cut (long hashes and URLs would bloat the index). */
export const MAX_WORD_CHARS = 24;

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/** Full-width forms to ASCII (NFKC) and lower case: what both index and query terms go through. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Runs of Han characters and of other letters/digits, in order, from normalised text. */
export function searchRuns(normalized: string): { han: boolean; text: string }[] {
  const runs: { han: boolean; text: string }[] = [];
  let cur = '';
  let curHan = false;
  for (const ch of normalized) {
    const han = HAN.test(ch);
    const word = han || WORD.test(ch);
    if (!word || (cur !== '' && han !== curHan)) {
      if (cur !== '') runs.push({ han: curHan, text: cur });
      cur = '';
    }
    if (word) {
      cur += ch;
      curHan = han;
    }
  }
  if (cur !== '') runs.push({ han: curHan, text: cur });
  return runs;
}

/**
 * The distinct index terms of a text: Han bigrams (or the lone character of a one-character run)
 * and letter/digit words, in first-seen order.
 *
 * @example
 * indexTerms('5G基站建设'); // ['5g', '基站', '站建', '建设']
 */
export function indexTerms(text: string): string[] {
  const out = new Set<string>();
  for (const run of searchRuns(normalizeForSearch(text))) {
    if (!run.han) {
      out.add(Array.from(run.text).slice(0, MAX_WORD_CHARS).join(''));
      continue;
    }
    const chars = Array.from(run.text);
    if (chars.length === 1) out.add(run.text);
    for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  }
  return [...out];
}
