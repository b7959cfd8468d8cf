/**
 * jieba word segmentation (@node-rs/jieba) with the finance user dictionary: full mode (every
 * dictionary word anywhere in the text, 国家知识产权局 → … 知识产权 …) for the index's word
 * columns, precise mode for splitting a typed query into words. (jieba's "search mode" adds
 * only the two- and three-character parts of a long word, so 知识产权 inside 国家知识产权局
 * would be missed; full mode is the complete version of the same idea.)
 *
 * The word columns hold only the words a query looks up there (fts-expression.ts): dictionary
 * words of three or more characters and words mixing Han with Latin or digits (A股, 5G基站).
 * Shorter words are single gram tokens already. HMM is off for the index: it only invents
 * words that are not in the dictionary, and those are never looked up as words.
 */
import type { Jieba } from '@node-rs/jieba';
import { loadJieba } from '../util/jieba.js';
import { FINANCE_TERMS, toJiebaDict } from './dictionary/finance-terms.js';

// jieba and its dictionary are loaded on first use, not imported: every command that opens a
// store reaches this module, and most of them (articles, stories, serve) never segment.
let instance: Jieba | undefined;

/** The shared jieba instance (the default dictionary plus FINANCE_TERMS), loaded on first use. */
export function jieba(): Jieba {
  instance ??= loadJieba(toJiebaDict(FINANCE_TERMS));
  return instance;
}

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
/** Characters the ascii FTS5 tokenizer would split on: they must not occur inside a token. */
const ASCII_SEPARATORS = /[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+/g;
const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const LETTERS_DIGITS_HAN = /^[\p{L}\p{N}]+$/u;
/** A Latin/digit run and the Han characters after it: where a mixed-script word can start. */
const LATIN_THEN_HAN = /[A-Za-z0-9]+\p{Script=Han}{1,6}/gu;

/**
 * Whether a word (normalised) is one the word columns hold: Han only with three or more
 * characters, or Han mixed with letters and digits; and no separators.
 */
export function isWordColumnShape(word: string): boolean {
  if (!HAN.test(word) || !LETTERS_DIGITS_HAN.test(word)) return false;
  return !HAN_ONLY.test(word) || Array.from(word).length >= 3;
}

/**
 * The word-column words of a text, normalised (NFKC, lower case): every dictionary word of three
 * or more Han characters found anywhere in it (jieba's full mode, so 知识产权 inside
 * 国家知识产权局 too: a word lookup then means "occurs as a substring", as a gram phrase does),
 * and the mixed-script words of precise mode (full mode leaves A股 and 5G基站 out).
 */
export function indexWords(text: string): string[] {
  const out: string[] = [];
  // Cut before lower-casing: the dictionary has 5G基站 and A股, not 5g基站 and a股.
  const normalized = text.normalize('NFKC');
  for (const w of jieba().cutAll(normalized)) if (w.length >= 3 && HAN_ONLY.test(w)) out.push(w);
  // Mixed words start with Latin or digits (A股, 5G基站): cut only the stretches where a
  // Latin run meets Han, not the whole text a second time.
  for (const m of normalized.matchAll(LATIN_THEN_HAN)) {
    for (const w of jieba().cut(m[0], false)) {
      if (w.length >= 2 && !HAN_ONLY.test(w) && isWordColumnShape(w)) out.push(w.toLowerCase());
    }
  }
  return out;
}

/** Precise-mode words of a query fragment, normalised, punctuation dropped. */
export function queryWords(text: string): string[] {
  const out: string[] = [];
  for (const w of jieba().cut(text.normalize('NFKC'), true)) {
    if (!HAS_WORD_CHAR.test(w)) continue;
    for (const piece of w.toLowerCase().split(ASCII_SEPARATORS)) if (piece !== '') out.push(piece);
  }
  return out;
}

/**
 * Whether jieba's dictionary (with the user dictionary) has this word: precise mode without HMM
 * keeps it whole. Tried as given and upper-cased (a股 → A股), since queries are lower-cased.
 */
export function isDictionaryWord(word: string): boolean {
  return [word, word.toUpperCase()].some((w) => {
    const cut = jieba().cut(w, false);
    return cut.length === 1 && cut[0] === w;
  });
}
