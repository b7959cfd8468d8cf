/**
 * The article list and per-outlet count queries, written once for both backends: only how a
 * parameter is written (`?` or `$n`) and how a JSON array is searched differ between them.
 */
import { InvalidCursorError } from '../util/errors.js';
import { type ArticleRow, decodeCursor, encodeCursor, rowToArticle } from './article-row.js';
import { storedText } from './packed-text.js';
import type { Article } from '../model/article.js';
import type { ArticlePage, ArticleRevision, ListArticlesOptions, OutletCount } from './store.js';
import type { StoryListPosition } from './tables.js';

/** What differs between the SQL of the two backends. */
export interface SqlDialect {
  /** Placeholder of the `n`th parameter (1-based). */
  param(n: number): string;
  /** SQL that is true when the JSON array text in `column` holds the string at `placeholder`. */
  jsonArrayHolds(column: string, placeholder: string): string;
}

export const SQLITE_DIALECT: SqlDialect = {
  param: () => '?',
  jsonArrayHolds: (column, p) => `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ${p})`,
};

export const PG_DIALECT: SqlDialect = {
  param: (n) => `$${n}`,
  jsonArrayHolds: (column, p) => `${column}::jsonb @> jsonb_build_array(${p}::text)`,
};

/** A statement with its positional parameters. */
export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** Page size of a list: default 50, at most 1000. */
export const pageLimit = (options: ListArticlesOptions): number => Math.max(1, Math.min(options.limit ?? 50, 1000));

/**
 * Newest first (sort time, then id), one row more than the page so the caller knows whether
 * another page follows. Throws {@link InvalidCursorError} for a cursor no list gave.
 */
export function articlePageQuery(options: ListArticlesOptions, dialect: SqlDialect): SqlQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return dialect.param(params.length);
  };
  if (options.outletKey !== undefined) where.push(`outlet_key = ${bind(options.outletKey)}`);
  if (options.category !== undefined) where.push(dialect.jsonArrayHolds('categories', bind(options.category)));
  if (options.after !== undefined) {
    const c = decodeCursor(options.after);
    if (!c) throw new InvalidCursorError(options.after);
    where.push(`(sort_ts < ${bind(c.ts)} OR (sort_ts = ${bind(c.ts)} AND id < ${bind(c.id)}))`);
  }
  const sql = `SELECT * FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY sort_ts DESC, id DESC LIMIT ${bind(pageLimit(options) + 1)}`;
  return { sql, params };
}

/** The page out of the rows of {@link articlePageQuery}. */
export function toArticlePage(rows: readonly ArticleRow[], options: ListArticlesOptions): ArticlePage {
  const limit = pageLimit(options);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { articles: page.map(rowToArticle), nextCursor: more && last ? encodeCursor(last) : null };
}

/** One row a outlet: its count, the name its newest article gives, and its newest publication time. */
export const OUTLET_COUNTS_SQL = `
  SELECT a.outlet_key, CAST(count(*) AS INTEGER) AS n,
    (SELECT b.outlet FROM articles b WHERE b.outlet_key = a.outlet_key
      ORDER BY b.sort_ts DESC, b.id DESC LIMIT 1) AS outlet,
    (SELECT b.published_at FROM articles b WHERE b.outlet_key = a.outlet_key AND b.published_at IS NOT NULL
      ORDER BY b.sort_ts DESC, b.id DESC LIMIT 1) AS latest_at
  FROM articles a GROUP BY a.outlet_key`;

export interface OutletCountRow {
  outlet_key: string;
  n: number;
  outlet: string;
  latest_at: string | null;
}

/** Most articles first, then by key (in code, so both backends order keys alike). */
export function toOutletCounts(rows: readonly OutletCountRow[]): OutletCount[] {
  return rows
    .map((r) => ({ outletKey: r.outlet_key, outlet: r.outlet, articleCount: Number(r.n), latestAt: r.latest_at }))
    .sort((x, y) => y.articleCount - x.articleCount || (x.outletKey < y.outletKey ? -1 : x.outletKey > y.outletKey ? 1 : 0));
}

/**
 * Stories after a position in list order (first seen descending, undated last, then id
 * descending): the keyset query the first-seen index answers without reading the list above it.
 */
export function storiesAfterQuery(after: StoryListPosition, limit: number, dialect: SqlDialect): SqlQuery {
  const params: unknown[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return dialect.param(params.length);
  };
  const where =
    after.ms === null
      ? `first_seen_ms IS NULL AND id < ${bind(after.id)}`
      : `first_seen_ms < ${bind(after.ms)} OR (first_seen_ms = ${bind(after.ms)} AND id < ${bind(after.id)}) OR first_seen_ms IS NULL`;
  return { sql: `SELECT state, state_br FROM stories WHERE ${where} ORDER BY first_seen_ms DESC NULLS LAST, id DESC LIMIT ${bind(limit)}`, params };
}

/** An article's earlier versions, oldest first (its one parameter is the article id). */
export const REVISIONS_SQL = (dialect: SqlDialect): string =>
  `SELECT * FROM article_revisions WHERE article_id = ${dialect.param(1)} ORDER BY revision`;

export interface RevisionRow {
  revision: number;
  content_hash: string;
  replaced_at: string;
  /** Empty when {@link article_json_br} holds the article (rows written since the compressed column). */
  article_json: string;
  article_json_br: Buffer | null;
}

/** The revisions out of the rows of {@link REVISIONS_SQL}. */
export const toRevisions = (articleId: string, rows: readonly RevisionRow[]): ArticleRevision[] =>
  rows.map((r) => ({
    articleId,
    revision: r.revision,
    contentHash: r.content_hash,
    replacedAt: r.replaced_at,
    article: JSON.parse(storedText(r.article_json, r.article_json_br)) as Article,
  }));
