/**
 * A parsed query as a PostgreSQL `tsquery` literal over the lexemes pg-tsvector.ts writes, with
 * the term semantics of the FTS5 expression (fts-expression.ts, beside it): a term is the
 * phrase of its character grams (`'碳达' <-> '达峰'`), the last one a prefix (`'碳':*`) where
 * FTS5 uses `*`; a bare term of three or more Han characters that is a dictionary word looks up
 * the word lexeme (`'#碳达峰'`); `outlet:`/`category:` and the filters are filter lexemes, so
 * the GIN index applies them; exclusions are `!( … | … )`. The literal is passed to the
 * database as a parameter and cast (`$1::tsquery`), never written into SQL.
 */
import { categoryToken, outletToken, type ExpressionFilters } from './fts-expression.js';
import { gramPhrase } from './grams.js';
import type { ParsedQuery, QueryTerm } from './query-parse.js';
import { isDictionaryWord, isWordColumnShape } from './segment.js';
import { META_PREFIX, quoteLexeme, WORD_PREFIX } from '../store/postgres/pg-tsvector.js';

/** A query compiled for PostgreSQL. */
export interface PgTsquery {
  /** The whole query: every term, the filters and the exclusions. */
  match: string;
  /** Each positive term alone, for ranking (filters and exclusions carry no relevance). */
  terms: string[];
}

/** The tsquery of one term, or null when it has nothing searchable (punctuation only). */
export function termTsquery(term: QueryTerm): string | null {
  if (!term.phrase && isWordColumnShape(term.text) && isDictionaryWord(term.text)) return quoteLexeme(WORD_PREFIX + term.text);
  const phrase = gramPhrase(term.text);
  if (phrase === null) return null;
  const last = phrase.tokens.length - 1;
  const parts = phrase.tokens.map((t, i) => `${quoteLexeme(t)}${i === last && phrase.prefixLast ? ':*' : ''}`);
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' <-> ')})`;
}

const anyOf = (tokens: readonly string[]): string => `(${tokens.map((t) => quoteLexeme(META_PREFIX + t)).join(' | ')})`;

/**
 * The tsquery of a parsed query with extra filters, or null when it has no positive searchable
 * term (an empty query, or only exclusions and filters), as `buildMatchExpression`.
 *
 * @example
 * buildTsquery(parseQuery('碳达峰 -光伏'))?.match; // "'#碳达峰' & !'光伏'"
 */
export function buildTsquery(query: ParsedQuery, filters: ExpressionFilters = {}): PgTsquery | null {
  const terms = query.terms.map(termTsquery).filter((e): e is string => e !== null);
  if (terms.length === 0) return null;
  const parts = [...terms];
  if (query.outlets.length > 0) parts.push(anyOf(query.outlets.map(outletToken)));
  if (query.categories.length > 0) parts.push(anyOf(query.categories.map(categoryToken)));
  if (filters.outlet !== undefined) parts.push(anyOf([outletToken(filters.outlet)]));
  if (filters.category !== undefined) parts.push(anyOf([categoryToken(filters.category)]));
  const negative = query.excluded.map(termTsquery).filter((e): e is string => e !== null);
  if (negative.length > 0) parts.push(negative.length === 1 ? `!${negative[0] as string}` : `!(${negative.join(' | ')})`);
  return { match: parts.join(' & '), terms };
}
