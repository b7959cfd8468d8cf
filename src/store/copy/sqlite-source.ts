/**
 * The SQLite side of `caixun migrate`: an archive file read table by table, in keyset batches,
 * with every column as stored (timestamps, revision numbers and JSON text exactly).
 */
import Database from 'better-sqlite3';
import { StoreError } from '../../util/errors.js';
import { CLAIM_ID_SPAN } from '../claim-row.js';
import { SqliteStore } from '../sqlite/sqlite-store.js';

/** The counts `caixun migrate` verifies, the same on both sides after a copy. */
export interface ArchiveCounts {
  articles: number;
  revisions: number;
  stories: number;
  members: number;
  claims: number;
  sourceStates: number;
}

/** A row as SQLite returns it. */
export type SqliteRow = Record<string, unknown>;

/** A SQLite archive opened for reading, as one snapshot until closed. Close it when done. */
export class SqliteArchiveSource {
  readonly path: string;
  readonly #db: Database.Database;
  readonly #hashOf;

  private constructor(path: string, db: Database.Database) {
    this.path = path;
    this.#db = db;
    // One read transaction for the whole copy: a process still writing to the file cannot make
    // the copy (or the counts it is verified by) a mix of two states.
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM articles').pluck().get();
    this.#hashOf = db.prepare<[string, string], { content_hash: string }>(
      `SELECT content_hash FROM articles WHERE id = ?
       UNION ALL SELECT content_hash FROM article_revisions WHERE article_id = ?`,
    );
  }

  /**
   * Open `path` (which must exist), first bringing its schema up to date as every caixun command
   * does, then read-only.
   */
  static async open(path: string): Promise<SqliteArchiveSource> {
    await new SqliteStore(path, { mustExist: true }).close();
    try {
      return new SqliteArchiveSource(path, new Database(path, { readonly: true, fileMustExist: true }));
    } catch (err) {
      throw new StoreError(`store: cannot open ${path}: ${(err as Error).message}`, { cause: err });
    }
  }

  /** Row counts of the tables that are verified. */
  counts(): ArchiveCounts {
    const n = (table: string): number => this.#db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get() ?? 0;
    return {
      articles: n('articles'),
      revisions: n('article_revisions'),
      stories: n('stories'),
      members: n('story_members'),
      claims: n('fact_claims'),
      sourceStates: n('source_state'),
    };
  }

  /** Up to `limit` rows of `table` after `after` in `key` order (bytewise, as SQLite compares text). */
  batchAfter(table: string, key: string, after: string | number | null, limit: number): SqliteRow[] {
    const where = after === null ? '' : `WHERE ${key} > ?`;
    const stmt = this.#db.prepare<unknown[], SqliteRow>(`SELECT * FROM ${table} ${where} ORDER BY ${key} LIMIT ?`);
    return after === null ? stmt.all(limit) : stmt.all(after, limit);
  }

  /** Rows of `table` whose `column` is one of `values`. */
  rowsWhereIn(table: string, column: string, values: readonly (string | number)[]): SqliteRow[] {
    if (values.length === 0) return [];
    return this.#db
      .prepare<[string], SqliteRow>(`SELECT * FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(values));
  }

  /** The `fact_claims` rows of the articles with these `fact_articles` keys (claim-row.ts: an id range each). */
  claimsOf(articleKeys: readonly number[]): SqliteRow[] {
    if (articleKeys.length === 0) return [];
    return this.#db
      .prepare<[string], SqliteRow>(
        `SELECT c.* FROM json_each(?) AS k JOIN fact_claims c
         ON c.id BETWEEN k.value * ${CLAIM_ID_SPAN} AND k.value * ${CLAIM_ID_SPAN} + ${CLAIM_ID_SPAN - 1} ORDER BY c.id`,
      )
      .all(JSON.stringify(articleKeys));
  }

  /** Every content hash the archive has stored for an article (current and earlier revisions). */
  knownHashes(articleId: string): string[] {
    return this.#hashOf.all(articleId, articleId).map((r) => r.content_hash);
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
