/**
 * The search tables: their migration (step 4 of migrations.ts) and {@link SqliteSearchTables},
 * the handle the search stage uses to write the index and run its queries.
 *
 * `search_fts` is a CONTENTLESS FTS5 table (`content=''`, `contentless_delete=1`): it stores
 * only the posting lists of the segmented text we give it, never the text. The segmented text
 * is ours (character grams + jieba words, built in src/search/), not a column of `articles`, so
 * an external-content table would need a second copy of it just to let FTS5 re-read it; the
 * snippets are cut from `articles.text` for the page of results instead. Deleting a contentless
 * row needs `contentless_delete=1` (SQLite ≥ 3.43).
 *
 * The FTS rowid is the article's time: `sort_ts × 65536 + n` (n = 0…65535 among articles of the
 * same second). So `ORDER BY rowid DESC` is newest first, a date range is a rowid range FTS5
 * applies while it reads posting lists, and the recency factor needs no lookup. `search_docs`
 * maps rowids to articles with the content hash that was indexed; story membership is NOT
 * copied here: queries join `story_members` when they run, so re-clustering needs no reindex.
 */
import type Database from 'better-sqlite3';
import { StoreError } from '../../util/errors.js';
import { sqliteTransaction } from './async-transaction.js';
import type { Migration } from './migrations.js';
import { buildMatchExpression, type ExpressionFilters } from '../../search/fts-expression.js';
import type { ParsedQuery } from '../../search/query-parse.js';
import {
  ROWIDS_PER_SECOND,
  type CompiledMatch,
  type SearchCandidateRow,
  type SearchDocument,
  type SearchHitRow,
  type SearchSourceRow,
  type SearchTables,
} from '../tables.js';
import { withText } from '../packed-text.js';

/** An FTS5 MATCH expression. */
interface Fts5Match extends CompiledMatch {
  readonly backend: 'sqlite';
  readonly expression: string;
}

/** A raw FTS5 expression as a compiled match (tests, diagnostics); queries go through `compile`. */
export function fts5Match(expression: string): CompiledMatch {
  const match: Fts5Match = { backend: 'sqlite', expression };
  return match;
}

function expressionOf(match: CompiledMatch): string {
  if (match.backend !== 'sqlite') throw new StoreError(`search: a ${match.backend} query cannot run on SQLite`);
  return (match as Fts5Match).expression;
}

/** BM25 weights of the FTS5 columns: title, body, title_words, body_words, meta. */
export const SEARCH_COLUMN_WEIGHTS = [5, 1, 5, 1, 0] as const;

/** Migration step 4. */
export const searchTablesMigration: Migration = {
  name: 'search index (FTS5, contentless) and its document map',
  sql: `
    CREATE VIRTUAL TABLE search_fts USING fts5(
      title, body, title_words, body_words, meta,
      content = '', contentless_delete = 1, tokenize = 'ascii'
    );
    INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(${SEARCH_COLUMN_WEIGHTS.join(', ')})');

    CREATE TABLE search_docs (
      rowid          INTEGER PRIMARY KEY,
      article_id     TEXT NOT NULL UNIQUE,
      content_hash   TEXT NOT NULL,
      outlet_key     TEXT NOT NULL,
      -- JSON array, as articles.categories
      categories     TEXT NOT NULL
    ) STRICT;

    CREATE TABLE search_state (
      key            TEXT PRIMARY KEY,
      value          TEXT NOT NULL
    ) STRICT;

    -- The indexer's "what changed since last time" scan.
    CREATE INDEX articles_by_updated ON articles (updated_at, id);
  `,
};

const WATERMARK = 'indexed_updated_at';

/** Parameters of the match queries: FTS5 expression, rowid range, row limit. */
interface MatchParams {
  match: string;
  lo: number;
  hi: number;
  limit: number;
}

/** The candidates query in one order, with the story each candidate belongs to now. */
function candidatesStatement(db: Database.Database, order: 'rank' | 'rowid DESC') {
  return db.prepare<MatchParams, SearchCandidateRow>(
    `SELECT c.rowid AS rowid, c.r AS bm25, d.article_id, d.outlet_key, d.categories, m.story_id
     FROM (SELECT rowid, rank AS r FROM search_fts
           WHERE search_fts MATCH @match AND rowid BETWEEN @lo AND @hi
           ORDER BY ${order} LIMIT @limit) c
     JOIN search_docs d ON d.rowid = c.rowid
     LEFT JOIN story_members m ON m.article_id = d.article_id`,
  );
}

/** The search tables of one SQLite database. Obtain it with `SqliteStore.search()`. */
export class SqliteSearchTables implements SearchTables {
  readonly #db: Database.Database;
  readonly #stmt;

  /** @param db - an open database migrated to the search tables. */
  constructor(db: Database.Database) {
    this.#db = db;
    this.#stmt = {
      changedSince: db.prepare<{ u: string; id: string; limit: number }, SearchSourceRow>(
        `SELECT a.id, a.title, a.outlet_key, a.categories, a.sort_ts, a.content_hash, a.updated_at,
                d.rowid AS doc_rowid, d.content_hash AS doc_hash,
                CASE WHEN d.content_hash IS a.content_hash THEN '' ELSE a.text END AS text,
                CASE WHEN d.content_hash IS a.content_hash THEN NULL ELSE a.body_br END AS body_br
         FROM articles a LEFT JOIN search_docs d ON d.article_id = a.id
         WHERE a.updated_at > @u OR (a.updated_at = @u AND a.id > @id)
         ORDER BY a.updated_at, a.id LIMIT @limit`,
      ),
      countSince: db.prepare<[string], number>('SELECT count(*) FROM articles WHERE updated_at >= ?').pluck(),
      getState: db.prepare<[string], string>('SELECT value FROM search_state WHERE key = ?').pluck(),
      putState: db.prepare('INSERT OR REPLACE INTO search_state (key, value) VALUES (?, ?)'),
      maxRowid: db.prepare<[number, number], number | null>('SELECT max(rowid) FROM search_docs WHERE rowid BETWEEN ? AND ?').pluck(),
      usedRowids: db.prepare<[number, number], number>('SELECT rowid FROM search_docs WHERE rowid BETWEEN ? AND ? ORDER BY rowid').pluck(),
      deleteFts: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
      deleteDoc: db.prepare('DELETE FROM search_docs WHERE rowid = ?'),
      insertFts: db.prepare(
        `INSERT INTO search_fts (rowid, title, body, title_words, body_words, meta)
         VALUES (@rowid, @title, @body, @titleWords, @bodyWords, @meta)`,
      ),
      insertDoc: db.prepare(
        'INSERT INTO search_docs (rowid, article_id, content_hash, outlet_key, categories) VALUES (?, ?, ?, ?, ?)',
      ),
      countDocs: db.prepare<[], number>('SELECT count(*) FROM search_docs').pluck(),
      docOf: db.prepare<[string], number>('SELECT rowid FROM search_docs WHERE article_id = ?').pluck(),
      hit: db.prepare<[string], SearchHitRow & { body_br: Buffer | null }>(
        'SELECT id, title, text, body_br, outlet, outlet_key, published_at FROM articles WHERE id = ?',
      ),
      newestMatches: candidatesStatement(db, 'rowid DESC'),
      bestMatches: candidatesStatement(db, 'rank'),
      countMatches: db
        .prepare<MatchParams, number>(
          `SELECT count(*) FROM (SELECT rowid FROM search_fts
           WHERE search_fts MATCH @match AND rowid BETWEEN @lo AND @hi LIMIT @limit)`,
        )
        .pluck(),
      outletName: db.prepare<[string], string>(
        'SELECT outlet FROM articles WHERE outlet_key = ? ORDER BY sort_ts DESC LIMIT 1',
      ).pluck(),
    };
  }

  /** The FTS5 expression of a parsed query (fts-expression.ts). */
  compile(query: ParsedQuery, filters: ExpressionFilters = {}): CompiledMatch | null {
    const expression = buildMatchExpression(query, filters);
    return expression === null ? null : fts5Match(expression);
  }

  /** Run `fn` in one transaction (see async-transaction.ts). */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    return sqliteTransaction(this.#db, fn);
  }

  /** `updated_at` of the newest article the last indexing run saw ('' before the first run). */
  async watermark(): Promise<string> {
    return this.#stmt.getState.get(WATERMARK) ?? '';
  }

  /** Record the watermark (inside the batch's transaction). */
  async setWatermark(updatedAt: string): Promise<void> {
    this.#stmt.putState.run(WATERMARK, updatedAt);
  }

  /** Articles with `updated_at` after the cursor, oldest change first, with their index state. */
  async changedAfter(cursor: { updatedAt: string; id: string }, limit: number): Promise<SearchSourceRow[]> {
    return this.#stmt.changedSince.all({ u: cursor.updatedAt, id: cursor.id, limit });
  }

  /** How many articles changed at or after `updatedAt`. */
  async countChangedSince(updatedAt: string): Promise<number> {
    return this.#stmt.countSince.get(updatedAt) ?? 0;
  }

  /** Number of indexed articles. */
  async countDocuments(): Promise<number> {
    return this.#stmt.countDocs.get() ?? 0;
  }

  #allocateRowid(sortTs: number): number {
    const base = sortTs * ROWIDS_PER_SECOND;
    const top = base + ROWIDS_PER_SECOND - 1;
    const max = this.#stmt.maxRowid.get(base, top) ?? null;
    if (max === null) return base;
    if (max < top) return max + 1;
    let expected = base;
    for (const used of this.#stmt.usedRowids.iterate(base, top)) {
      if (used !== expected) return expected;
      expected++;
    }
    throw new StoreError(`search: more than ${ROWIDS_PER_SECOND} articles published in the second ${sortTs}`);
  }

  /** Index (or re-index) one article; replaces what the index held for it. */
  async put(row: Pick<SearchSourceRow, 'id' | 'sort_ts' | 'content_hash' | 'outlet_key' | 'categories' | 'doc_rowid'>, doc: SearchDocument): Promise<void> {
    // Looked up again under the write lock: another process may have indexed this article since
    // `row` was read (row.doc_rowid is stale then, and a second document would break UNIQUE).
    const current = this.#stmt.docOf.get(row.id);
    if (current !== undefined) this.#remove(current);
    const rowid = this.#allocateRowid(row.sort_ts);
    this.#stmt.insertFts.run({ rowid, ...doc });
    this.#stmt.insertDoc.run(rowid, row.id, row.content_hash, row.outlet_key, row.categories);
  }

  /** Remove one document from the index. */
  async remove(rowid: number): Promise<void> {
    this.#remove(rowid);
  }

  #remove(rowid: number): void {
    this.#stmt.deleteFts.run(rowid);
    this.#stmt.deleteDoc.run(rowid);
  }

  /** Empty the index and forget the watermark (before a full rebuild). */
  async wipe(): Promise<void> {
    await this.transaction(async () => {
      this.#db.exec(`INSERT INTO search_fts (search_fts) VALUES ('delete-all'); DELETE FROM search_docs;`);
      this.#db.prepare('DELETE FROM search_state WHERE key = ?').run(WATERMARK);
    });
  }

  /** Merge the FTS5 segments into one (after a full rebuild: smaller, faster to query). */
  async optimize(): Promise<void> {
    this.#db.exec(`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
  }

  /**
   * The best `limit` matches of an FTS5 expression within a rowid (time) range, by BM25, with the
   * story each belongs to now. FTS5 scores every match to sort them; `newestMatches` is the cheap
   * path over very common terms.
   */
  async bestMatches(match: CompiledMatch, lo: number, hi: number, limit: number): Promise<SearchCandidateRow[]> {
    return this.#candidates(match, lo, hi, limit, 'rank');
  }

  /** The newest `limit` matches (walks the posting lists backwards and stops early), with BM25. */
  async newestMatches(match: CompiledMatch, lo: number, hi: number, limit: number): Promise<SearchCandidateRow[]> {
    return this.#candidates(match, lo, hi, limit, 'rowid DESC');
  }

  #candidates(compiled: CompiledMatch, lo: number, hi: number, limit: number, order: 'rank' | 'rowid DESC'): SearchCandidateRow[] {
    const stmt = order === 'rank' ? this.#stmt.bestMatches : this.#stmt.newestMatches;
    const match = expressionOf(compiled);
    try {
      return stmt.all({ match, lo, hi, limit });
    } catch (err) {
      throw new StoreError(`search: query ${JSON.stringify(match)} failed: ${(err as Error).message}`, { cause: err });
    }
  }

  /** How many documents match, counting at most `limit`. */
  async countMatches(compiled: CompiledMatch, lo: number, hi: number, limit: number): Promise<number> {
    const match = expressionOf(compiled);
    try {
      return this.#stmt.countMatches.get({ match, lo, hi, limit }) ?? 0;
    } catch (err) {
      throw new StoreError(`search: query ${JSON.stringify(match)} failed: ${(err as Error).message}`, { cause: err });
    }
  }

  /** The columns a result shows, for one article. */
  async hitRow(articleId: string): Promise<SearchHitRow | undefined> {
    const row = this.#stmt.hit.get(articleId);
    return row === undefined ? undefined : withText(row);
  }

  /** Display name of an outlet key (its newest article's), or undefined. */
  async outletName(key: string): Promise<string | undefined> {
    return this.#stmt.outletName.get(key);
  }
}
