/**
 * The PostgreSQL search document as a `tsvector` literal, built from the same tokens the SQLite
 * FTS5 index stores (`searchDocumentOf` in src/search/index-articles.ts): PostgreSQL's text
 * parser never sees the Chinese text, so it cannot segment it differently. The literal carries
 * explicit positions and weights and is cast with `::tsvector`; its lexemes are already
 * normalised (NFKC, lower case, as grams.ts and segment.ts produce them), which is what the
 * `simple` configuration would do, and stay as given.
 *
 * Layout of one document (one `tsvector`, three lexeme name spaces that can never collide):
 * - grams, bare (`碳达`, `5g`): title grams at positions 1…T with weight A, body grams from
 *   T + 2 with weight D. The gap keeps a phrase from spanning title and body, as FTS5's
 *   separate columns do; consecutive grams are consecutive positions, so a term is the `<->`
 *   phrase of its grams.
 * - jieba words, prefixed `#` (`#碳达峰`): title words A, body words D. The prefix keeps a
 *   one-character prefix query (`碳:*`) from matching a word at a position next to a gram.
 * - filter tokens, prefixed `@` (`@o636c73`): outlet and categories, weight B (ranked at 0).
 *
 * PostgreSQL's limits: a position is at most 16,383 and a lexeme keeps at most 256 positions.
 * Positions past the limit are clamped to it (a lexeme that only occurs there still matches on
 * its own, but a phrase lying wholly past the 16,383rd gram of a document is not found: FTS5
 * has no such limit); positions past the 256th of one lexeme are dropped (ts_rank saturates
 * long before). A lexeme longer than 2,046 bytes (a letter run without separators) is left out,
 * and new lexemes stop being added once the document nears the 1 MB a tsvector may hold.
 */
import type { SearchDocument } from '../tables.js';

/** The largest position a tsvector stores. */
export const PG_MAX_POSITION = 16_383;
/** Positions one lexeme keeps at most. */
export const PG_MAX_POSITIONS_PER_LEXEME = 256;
/** Longest lexeme in bytes (PostgreSQL refuses 2,048 and more). */
export const PG_MAX_LEXEME_BYTES = 2_046;
/** Bytes of tsvector we write at most (PostgreSQL's limit is 1 MiB). */
export const PG_MAX_TSVECTOR_BYTES = 900_000;

/** Prefix of the jieba word lexemes. */
export const WORD_PREFIX = '#';
/** Prefix of the filter (outlet, category) lexemes. */
export const META_PREFIX = '@';

type Weight = 'A' | 'B' | 'D';

/** A lexeme quoted for a tsvector or tsquery literal: `'…'` with `'` doubled and `\` escaped. */
export function quoteLexeme(lexeme: string): string {
  if (!/['\\]/.test(lexeme)) return `'${lexeme}'`;
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

const splitTokens = (column: string): string[] => column.split(' ').filter((t) => t !== '');

/** The positions of one lexeme as written (`7`, `2A`) and the last one. */
interface Entry {
  positions: string[];
  last: number;
}

/** Lexeme → its positions with weights, in insertion order; tracks the literal's size. */
class VectorBuilder {
  readonly #lexemes = new Map<string, Entry>();
  #bytes = 4;

  /** Positions of one lexeme come in ascending order (each name space is written in order). */
  add(lexeme: string, position: number, weight: Weight): void {
    const pos = position > PG_MAX_POSITION ? PG_MAX_POSITION : position;
    let entry = this.#lexemes.get(lexeme);
    if (entry === undefined) {
      const size = Buffer.byteLength(lexeme, 'utf8');
      if (size > PG_MAX_LEXEME_BYTES || this.#bytes + size + 8 > PG_MAX_TSVECTOR_BYTES) return;
      // WordEntry (4), the lexeme, alignment (≤ 1) and the position count (2).
      this.#bytes += size + 7;
      entry = { positions: [], last: 0 };
      this.#lexemes.set(lexeme, entry);
    }
    // A clamped position repeats: keep it once, with the first (heaviest: title first) weight.
    if (pos === entry.last || entry.positions.length >= PG_MAX_POSITIONS_PER_LEXEME || this.#bytes + 2 > PG_MAX_TSVECTOR_BYTES) return;
    entry.last = pos;
    // D is the default weight: left out, as PostgreSQL prints it.
    entry.positions.push(weight === 'D' ? String(pos) : `${pos}${weight}`);
    this.#bytes += 2;
  }

  /** Adds the tokens at consecutive positions from `start`; returns the position after them. */
  addRun(tokens: readonly string[], start: number, weight: Weight, prefix = ''): number {
    let pos = start;
    for (const t of tokens) this.add(prefix + t, pos++, weight);
    return pos;
  }

  literal(): string {
    const parts: string[] = [];
    for (const [lexeme, entry] of this.#lexemes) parts.push(`${quoteLexeme(lexeme)}:${entry.positions.join(',')}`);
    return parts.join(' ');
  }
}

/**
 * The tsvector literal of a search document (cast it with `::tsvector`).
 *
 * @example
 * tsvectorLiteral({ title: '碳达 达峰 峰', body: '', titleWords: '碳达峰', bodyWords: '', meta: 'o636c73' });
 * // "'碳达':1A '达峰':2A '峰':3A '#碳达峰':1A '@o636c73':1B"
 */
export function tsvectorLiteral(doc: SearchDocument): string {
  const v = new VectorBuilder();
  const afterTitle = v.addRun(splitTokens(doc.title), 1, 'A');
  v.addRun(splitTokens(doc.body), afterTitle + 1, 'D');
  const afterTitleWords = v.addRun(splitTokens(doc.titleWords), 1, 'A', WORD_PREFIX);
  v.addRun(splitTokens(doc.bodyWords), afterTitleWords + 1, 'D', WORD_PREFIX);
  for (const t of splitTokens(doc.meta)) v.add(META_PREFIX + t, 1, 'B');
  return v.literal();
}
