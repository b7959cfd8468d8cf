/**
 * Retention (`caixun prune`), the store's part: raw inputs dropped from articles stored before a
 * time, and articles deleted with every row that belongs to them. The SQL is written once for
 * both backends; only parameters and id lists are written differently.
 */
import { CLAIM_ID_SPAN } from './claim-row.js';
import type { SqlDialect } from './article-queries.js';

/** An article's stored body: `body_br`, or for older rows the plain `raw_body` (see packed-text.ts). */
export interface StoredBody {
  id: string;
  rawBody: string;
  bodyBr: Buffer | null;
}

/** A revision's key. */
export interface RevisionKey {
  articleId: string;
  revision: number;
}

/** A revision's key and its stored article, in either encoding (see packed-text.ts). */
export interface StoredRevision extends RevisionKey {
  articleJson: string;
  articleJsonBr: Buffer | null;
}

/** What pruning needs of a store. */
export interface RetentionTables {
  /** Articles stored (last written) before `beforeIso` that may keep a raw input. */
  countRawBefore(beforeIso: string): Promise<number>;
  /** Up to `limit` of those articles after `afterId`, by id, with their stored bodies. */
  rawBefore(beforeIso: string, afterId: string, limit: number): Promise<StoredBody[]>;
  /**
   * Drop one article's raw input: `raw_body` emptied and, for a compressed body, `bodyBr` (the
   * body packed again without it) stored. The clean article stays, and so does `updated_at`.
   */
  dropRaw(id: string, bodyBr: Buffer | null): Promise<void>;
  /**
   * Up to `limit` revisions replaced before `beforeIso`, after `after` in (article id, revision)
   * order. Their stored article holds the raw input of that version.
   */
  revisionsBefore(beforeIso: string, after: RevisionKey | null, limit: number): Promise<StoredRevision[]>;
  /** Replace the stored article of one revision (its JSON, compressed by packText of packed-text.ts). */
  rewriteRevision(key: RevisionKey, articleJsonBr: Buffer): Promise<void>;
  /** Articles published (or, undated, fetched) before `beforeEpochSeconds`. */
  countArticlesBefore(beforeEpochSeconds: number): Promise<number>;
  /** Up to `limit` of those articles' ids after `afterId`, by id. */
  articlesBefore(beforeEpochSeconds: number, afterId: string, limit: number): Promise<string[]>;
  /**
   * Delete these articles in one transaction with their revisions, content fingerprints, search
   * documents, claims and story memberships. Their stories are the caller's: dissolve them first.
   */
  deleteArticles(ids: readonly string[]): Promise<void>;
}

/** How a backend writes "column is one of the ids of parameter n". */
export interface RetentionDialect extends SqlDialect {
  inIds(column: string, n: number): string;
}

/** Rows that still hold a raw input, last written before parameter 1. */
const RAW_KEPT = (d: RetentionDialect): string =>
  `updated_at < ${d.param(1)} AND (raw_body <> '' OR body_br IS NOT NULL)`;

/** The statements of {@link RetentionTables}, for one dialect. */
export function retentionSql(d: RetentionDialect) {
  return {
    countRaw: `SELECT count(*) AS n FROM articles WHERE ${RAW_KEPT(d)}`,
    rawBefore: `SELECT id, raw_body, body_br FROM articles WHERE ${RAW_KEPT(d)} AND id > ${d.param(2)} ORDER BY id LIMIT ${d.param(3)}`,
    // updated_at is left alone: the raw input is no part of the article the derive steps read.
    dropRaw: `UPDATE articles SET raw_body = '', body_br = COALESCE(${d.param(1)}, body_br) WHERE id = ${d.param(2)}`,
    revisionsBefore: `SELECT article_id, revision, article_json, article_json_br FROM article_revisions
      WHERE replaced_at < ${d.param(1)} AND (article_id, revision) > (${d.param(2)}, ${d.param(3)})
      ORDER BY article_id, revision LIMIT ${d.param(4)}`,
    rewriteRevision: `UPDATE article_revisions SET article_json = '', article_json_br = ${d.param(1)}
      WHERE article_id = ${d.param(2)} AND revision = ${d.param(3)}`,
    countArticles: `SELECT count(*) AS n FROM articles WHERE sort_ts < ${d.param(1)}`,
    articlesBefore: `SELECT id FROM articles WHERE sort_ts < ${d.param(1)} AND id > ${d.param(2)} ORDER BY id LIMIT ${d.param(3)}`,
    /** Statements deleting what belongs to the articles of parameter 1, articles last. */
    deleteOwned: [
      `DELETE FROM article_revisions WHERE ${d.inIds('article_id', 1)}`,
      `DELETE FROM article_fingerprints WHERE ${d.inIds('article_id', 1)}`,
      `DELETE FROM fact_claims WHERE id IN (SELECT c.id FROM fact_articles f JOIN fact_claims c
         ON c.id BETWEEN f.article_key * ${CLAIM_ID_SPAN} AND f.article_key * ${CLAIM_ID_SPAN} + ${CLAIM_ID_SPAN - 1}
         WHERE ${d.inIds('f.article_id', 1)})`,
      `DELETE FROM fact_articles WHERE ${d.inIds('article_id', 1)}`,
      `DELETE FROM story_members WHERE ${d.inIds('article_id', 1)}`,
      `DELETE FROM search_docs WHERE ${d.inIds('article_id', 1)}`,
      `DELETE FROM articles WHERE ${d.inIds('id', 1)}`,
    ],
  };
}
