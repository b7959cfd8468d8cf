/**
 * Builds the FTS5 MATCH expression of a parsed query. A term is the phrase of its character grams
 * in the title and body columns (grams.ts): exact substring semantics, and one single token for a
 * two-character term. A bare term of three or more Han characters that is a dictionary word
 * (碳达峰, 概念股, 数据中心) is looked up as that one token of the jieba word columns instead:
 * its gram phrase would be verified position by position over posting lists of very common
 * bigrams (数据, 中心), which is slow at a million documents, while the word is one short
 * posting list. Quoted phrases always use grams. Filters are terms of the `meta` column, so FTS5
 * applies them while it walks the posting lists.
 */
import { gramPhrase } from './grams.js';
import type { ParsedQuery, QueryTerm } from './query-parse.js';
import { isDictionaryWord, isWordColumnShape } from './segment.js';

/** The FTS5 column names, in table order. */
export const FTS_COLUMNS = ['title', 'body', 'title_words', 'body_words', 'meta'] as const;

/** The meta-column token of an outlet key (hex, so any key survives the ascii tokenizer). */
export function outletToken(key: string): string {
  return `o${Buffer.from(key.toLowerCase(), 'utf8').toString('hex')}`;
}

/** The meta-column token of a category. */
export function categoryToken(category: string): string {
  return `c${Buffer.from(category.normalize('NFKC').toLowerCase(), 'utf8').toString('hex')}`;
}

const quote = (tokens: readonly string[]): string => `"${tokens.join(' ').replace(/"/g, '""')}"`;

/** The expression of one term, or null when it has nothing searchable (punctuation only). */
export function termExpression(term: QueryTerm): string | null {
  if (!term.phrase && isWordColumnShape(term.text) && isDictionaryWord(term.text)) {
    return `{title_words body_words} : ${quote([term.text])}`;
  }
  const phrase = gramPhrase(term.text);
  if (phrase === null) return null;
  return `{title body} : ${quote(phrase.tokens)}${phrase.prefixLast ? '*' : ''}`;
}

const anyOf = (tokens: readonly string[]): string => `(${tokens.map((t) => `meta : ${t}`).join(' OR ')})`;

/** Filters applied on top of the query's own. */
export interface ExpressionFilters {
  /** Outlet key required (AND with the query's `outlet:` values). */
  outlet?: string;
  category?: string;
}

/**
 * The full MATCH expression, or null when the query has no positive searchable term
 * (an empty query, or only exclusions and filters).
 */
export function buildMatchExpression(query: ParsedQuery, filters: ExpressionFilters = {}): string | null {
  const positive = query.terms.map(termExpression).filter((e): e is string => e !== null);
  if (positive.length === 0) return null;
  const parts = [...positive];
  if (query.outlets.length > 0) parts.push(anyOf(query.outlets.map(outletToken)));
  if (query.categories.length > 0) parts.push(anyOf(query.categories.map(categoryToken)));
  if (filters.outlet !== undefined) parts.push(anyOf([outletToken(filters.outlet)]));
  if (filters.category !== undefined) parts.push(anyOf([categoryToken(filters.category)]));
  const negative = query.excluded.map(termExpression).filter((e): e is string => e !== null);
  const all = parts.join(' AND ');
  return negative.length === 0 ? all : `(${all}) NOT (${negative.join(' OR ')})`;
}
