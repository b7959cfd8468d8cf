/** {@link RetentionTables} on PostgreSQL (see retention.ts). */
import type pg from 'pg';
import { StoreError } from '../../util/errors.js';
import { PG_DIALECT } from '../article-queries.js';
import {
  type RetentionDialect,
  type RevisionKey,
  retentionSql,
  type RetentionTables,
  type StoredBody,
  type StoredRevision,
} from '../retention.js';
import { pgErrorReason, withPgTransaction } from './pg-pool.js';

const DIALECT: RetentionDialect = { ...PG_DIALECT, inIds: (column, n) => `${column} = ANY($${n}::text[])` };
const SQL = retentionSql(DIALECT);

export class PgRetentionTables implements RetentionTables {
  readonly #pool: pg.Pool;

  /** @param pool - the pool of a migrated database. */
  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async #count(sql: string, params: unknown[]): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>(sql, params);
    return Number(rows[0]?.n ?? 0);
  }

  async countRawBefore(beforeIso: string): Promise<number> {
    return this.#count(SQL.countRaw, [beforeIso]);
  }

  async rawBefore(beforeIso: string, afterId: string, limit: number): Promise<StoredBody[]> {
    // Ids compare as SQLite compares them (bytes), so paging by id visits the same order.
    const sql = SQL.rawBefore.replace('id > $2 ORDER BY id', 'id COLLATE "C" > $2 ORDER BY id COLLATE "C"');
    const { rows } = await this.#pool.query<{ id: string; raw_body: string; body_br: Buffer | null }>(sql, [beforeIso, afterId, limit]);
    return rows.map((r) => ({ id: r.id, rawBody: r.raw_body, bodyBr: r.body_br }));
  }

  async dropRaw(id: string, bodyBr: Buffer | null): Promise<void> {
    await this.#pool.query(SQL.dropRaw, [bodyBr, id]);
  }

  async revisionsBefore(beforeIso: string, after: RevisionKey | null, limit: number): Promise<StoredRevision[]> {
    const { rows } = await this.#pool.query<{ article_id: string; revision: number; article_json: string; article_json_br: Buffer | null }>(
      SQL.revisionsBefore,
      [beforeIso, after?.articleId ?? '', after?.revision ?? -1, limit],
    );
    return rows.map((r) => ({ articleId: r.article_id, revision: r.revision, articleJson: r.article_json, articleJsonBr: r.article_json_br }));
  }

  async rewriteRevision(key: RevisionKey, articleJsonBr: Buffer): Promise<void> {
    await this.#pool.query(SQL.rewriteRevision, [articleJsonBr, key.articleId, key.revision]);
  }

  async countArticlesBefore(beforeEpochSeconds: number): Promise<number> {
    return this.#count(SQL.countArticles, [beforeEpochSeconds]);
  }

  async articlesBefore(beforeEpochSeconds: number, afterId: string, limit: number): Promise<string[]> {
    // Ids compare as SQLite compares them (bytes), so paging by id visits the same order.
    const sql = SQL.articlesBefore.replace('id > $2 ORDER BY id', 'id COLLATE "C" > $2 ORDER BY id COLLATE "C"');
    const { rows } = await this.#pool.query<{ id: string }>(sql, [beforeEpochSeconds, afterId, limit]);
    return rows.map((r) => r.id);
  }

  async deleteArticles(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      await withPgTransaction(this.#pool, async (client) => {
        for (const sql of SQL.deleteOwned) await client.query(sql, [ids]);
      });
    } catch (err) {
      throw new StoreError(`store: deleting ${ids.length} articles failed: ${pgErrorReason(err)}`, { cause: err });
    }
  }
}
