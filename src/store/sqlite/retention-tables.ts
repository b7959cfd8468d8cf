/** {@link RetentionTables} on SQLite (see retention.ts); the FTS5 rows go with their documents. */
import type Database from 'better-sqlite3';
import { SQLITE_DIALECT } from '../article-queries.js';
import {
  type RetentionDialect,
  type RevisionKey,
  retentionSql,
  type RetentionTables,
  type StoredBody,
  type StoredRevision,
} from '../retention.js';
import { sqliteTransaction } from './async-transaction.js';

const DIALECT: RetentionDialect = {
  ...SQLITE_DIALECT,
  inIds: (column) => `${column} IN (SELECT value FROM json_each(?))`,
};

interface RevisionRow {
  article_id: string;
  revision: number;
  article_json: string;
  article_json_br: Buffer | null;
}

export class SqliteRetentionTables implements RetentionTables {
  readonly #db: Database.Database;
  readonly #stmt;

  /** @param db - an open, migrated database. */
  constructor(db: Database.Database) {
    this.#db = db;
    const sql = retentionSql(DIALECT);
    this.#stmt = {
      countRaw: db.prepare<[string], number>(sql.countRaw.replace('count(*) AS n', 'count(*)')).pluck(),
      rawBefore: db.prepare<[string, string, number], { id: string; raw_body: string; body_br: Buffer | null }>(sql.rawBefore),
      dropRaw: db.prepare<[Buffer | null, string]>(sql.dropRaw),
      countArticles: db.prepare<[number], number>(sql.countArticles.replace('count(*) AS n', 'count(*)')).pluck(),
      articlesBefore: db.prepare<[number, string, number], string>(sql.articlesBefore).pluck(),
      revisionsBefore: db.prepare<[string, string, number, number], RevisionRow>(sql.revisionsBefore),
      rewriteRevision: db.prepare<[Buffer, string, number]>(sql.rewriteRevision),
      deleteOwned: [
        // Contentless FTS5 rows are deleted by rowid, before the document map that holds it.
        db.prepare<[string]>(
          `DELETE FROM search_fts WHERE rowid IN (SELECT rowid FROM search_docs WHERE ${DIALECT.inIds('article_id', 1)})`,
        ),
        ...sql.deleteOwned.map((s) => db.prepare<[string]>(s)),
      ],
    };
  }

  async countRawBefore(beforeIso: string): Promise<number> {
    return this.#stmt.countRaw.get(beforeIso) ?? 0;
  }

  async rawBefore(beforeIso: string, afterId: string, limit: number): Promise<StoredBody[]> {
    return this.#stmt.rawBefore.all(beforeIso, afterId, limit).map((r) => ({ id: r.id, rawBody: r.raw_body, bodyBr: r.body_br }));
  }

  async dropRaw(id: string, bodyBr: Buffer | null): Promise<void> {
    this.#stmt.dropRaw.run(bodyBr, id);
  }

  async revisionsBefore(beforeIso: string, after: RevisionKey | null, limit: number): Promise<StoredRevision[]> {
    return this.#stmt.revisionsBefore
      .all(beforeIso, after?.articleId ?? '', after?.revision ?? -1, limit)
      .map((r) => ({ articleId: r.article_id, revision: r.revision, articleJson: r.article_json, articleJsonBr: r.article_json_br }));
  }

  async rewriteRevision(key: RevisionKey, articleJsonBr: Buffer): Promise<void> {
    this.#stmt.rewriteRevision.run(articleJsonBr, key.articleId, key.revision);
  }

  async countArticlesBefore(beforeEpochSeconds: number): Promise<number> {
    return this.#stmt.countArticles.get(beforeEpochSeconds) ?? 0;
  }

  async articlesBefore(beforeEpochSeconds: number, afterId: string, limit: number): Promise<string[]> {
    return this.#stmt.articlesBefore.all(beforeEpochSeconds, afterId, limit);
  }

  async deleteArticles(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const list = JSON.stringify(ids);
    await sqliteTransaction(this.#db, async () => {
      for (const stmt of this.#stmt.deleteOwned) stmt.run(list);
    });
  }
}
