/**
 * The query language: words, "quoted phrases", -excluded words or "phrases", outlet:KEY and
 * category:NAME. A bare word is split into words by jieba (碳达峰碳中和 → 碳达峰 + 碳中和,
 * all required); characters jieba leaves alone in a row are kept together as one term, and
 * lone function characters (的, 和 …) are dropped when the word has other terms. Every term
 * matches as a substring of the title or text (see grams.ts).
 */
import { normalizeText } from './grams.js';
import { queryWords } from './segment.js';

/** One term of a query: matched as a contiguous substring. */
export interface QueryTerm {
  /** Normalised text (NFKC, lower case). */
  text: string;
  /** Typed in quotes. */
  phrase: boolean;
}

/** A parsed query. */
export interface ParsedQuery {
  /** Every one must match. */
  terms: QueryTerm[];
  /** None may match. */
  excluded: QueryTerm[];
  /** `outlet:` values (any of them). */
  outlets: string[];
  /** `category:` values (any of them). */
  categories: string[];
}

/** Single characters that carry no meaning on their own inside a longer query word. */
const FUNCTION_CHARS = new Set(['的', '了', '和', '与', '及', '在', '是', '对', '等', '将', '把', '被', '也', '或', '之']);
const HAN_CHAR = /^\p{Script=Han}$/u;
const HAN_ANY = /\p{Script=Han}/u;
/** An item: optional minus, then a quoted phrase (closing quote optional) or a bare run. */
const ITEM = /(-?)(?:["“”]([^"“”]*)["“”]?|([^\s"“”]+))/gu;

/** Splits a bare word into terms with jieba, rejoining runs of single characters. */
export function splitBareWord(word: string): string[] {
  const pieces = queryWords(word);
  const merged: string[] = [];
  let run = '';
  const flush = (): void => {
    if (run !== '') merged.push(run);
    run = '';
  };
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as string;
    const single = HAN_CHAR.test(p);
    const neighbourSingle = HAN_CHAR.test(pieces[i - 1] ?? '') || HAN_CHAR.test(pieces[i + 1] ?? '');
    if (single && neighbourSingle) run += p;
    else {
      flush();
      merged.push(p);
    }
  }
  flush();
  const meaningful = merged.filter((p) => !FUNCTION_CHARS.has(p));
  return meaningful.length > 0 ? meaningful : merged;
}

function pushUnique(list: QueryTerm[], term: QueryTerm): void {
  if (term.text !== '' && !list.some((t) => t.text === term.text)) list.push(term);
}

/**
 * Parses a query as typed.
 * @example parseQuery('碳达峰 -光伏 outlet:cls "全国碳市场"')
 */
export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], excluded: [], outlets: [], categories: [] };
  for (const m of q.matchAll(ITEM)) {
    const minus = m[1] === '-';
    const quoted = m[2];
    const bare = m[3];
    const target = minus ? parsed.excluded : parsed.terms;
    if (quoted !== undefined) {
      pushUnique(target, { text: normalizeText(quoted.trim()), phrase: true });
      continue;
    }
    if (bare === undefined || bare === '-') continue;
    const field = /^(outlet|category):(.+)$/iu.exec(bare);
    if (field && !minus) {
      const value = field[2] as string;
      if (field[1]?.toLowerCase() === 'outlet') parsed.outlets.push(value.toLowerCase());
      else parsed.categories.push(value);
      continue;
    }
    // Without Han characters there is nothing for jieba to split: 6.3512 and 0388.HK stay one
    // term (the phrase of their tokens).
    if (minus || !HAN_ANY.test(bare)) pushUnique(target, { text: normalizeText(bare), phrase: false });
    else for (const w of splitBareWord(bare)) pushUnique(target, { text: w, phrase: false });
  }
  return parsed;
}
