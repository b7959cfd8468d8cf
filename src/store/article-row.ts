/** Mapping between the canonical Article and its row in the `articles` table. */
import type { Article } from '../model/article.js';
import { packBody, storedBody } from './packed-text.js';

/** Article columns written by an upsert, in table order (both backends). */
export const ARTICLE_COLUMNS = [
  'id', 'outlet', 'outlet_key', 'title', 'url', 'published_at', 'sort_ts', 'fetched_at', 'categories',
  'tags', 'html', 'text', 'images', 'provenance', 'format', 'content_hash', 'digest', 'flags',
  'raw_origin', 'raw_media_type', 'raw_body', 'body_br',
] as const;

/** Columns holding bytes (BLOB / bytea); every other article column is text or a number. */
export const ARTICLE_BYTE_COLUMNS: ReadonlySet<string> = new Set(['body_br']);

/** One row of `articles`, as better-sqlite3 returns it. */
export interface ArticleRow {
  id: string;
  outlet: string;
  outlet_key: string;
  title: string;
  url: string | null;
  published_at: string | null;
  sort_ts: number;
  fetched_at: string;
  categories: string;
  tags: string;
  /** Empty when {@link body_br} holds the HTML (rows written since the compressed column). */
  html: string;
  /** Empty when {@link body_br} holds the plain text. */
  text: string;
  images: string;
  provenance: string;
  format: string;
  content_hash: string;
  digest: string | null;
  flags: string;
  raw_origin: string;
  raw_media_type: string;
  /** Empty when {@link body_br} holds the raw input. */
  raw_body: string;
  /**
   * Text, HTML and raw input compressed together (packed-text.ts packBody); NULL in rows written
   * before the column, which keep them in `text`, `html` and `raw_body`. Every query reading the
   * text reads this beside it.
   */
  body_br: Buffer | null;
  revision: number;
}

/** Named parameters for INSERT/UPDATE of `articles`. */
export type ArticleParams = Omit<ArticleRow, 'revision'>;

/** UTC epoch seconds of an ISO timestamp, or null. */
export function epochSeconds(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** The list order's time of an article: publication, else fetch time, as UTC epoch seconds. */
const sortTs = (a: Article): number => epochSeconds(a.publishedAt) ?? epochSeconds(a.fetchedAt) ?? 0;

/**
 * How far in clustering order a batch reached: its newest dated article (an undated one sorts at
 * its fetch time, which says nothing about where the writer's stream is), else its newest.
 */
export function batchReach(articles: readonly Article[]): number {
  const dated = articles.map((a) => epochSeconds(a.publishedAt)).filter((t): t is number => t !== null);
  return dated.length > 0 ? Math.max(...dated) : Math.max(0, ...articles.map(sortTs));
}

export function articleToParams(a: Article): ArticleParams {
  return {
    id: a.id,
    outlet: a.outlet,
    outlet_key: a.outletKey,
    title: a.title,
    url: a.url,
    published_at: a.publishedAt,
    sort_ts: sortTs(a),
    fetched_at: a.fetchedAt,
    categories: JSON.stringify(a.categories),
    tags: JSON.stringify(a.tags),
    html: '',
    text: '',
    images: JSON.stringify(a.images),
    provenance: JSON.stringify(a.provenance),
    format: a.format,
    content_hash: a.contentHash,
    digest: a.digest ?? null,
    flags: JSON.stringify(a.flags),
    raw_origin: a.raw.origin,
    raw_media_type: a.raw.mediaType,
    raw_body: '',
    body_br: packBody({ text: a.text, html: a.html, raw: a.raw.body }),
  };
}

export function rowToArticle(r: ArticleRow): Article {
  const body = storedBody(r);
  const article: Article = {
    id: r.id,
    outlet: r.outlet,
    outletKey: r.outlet_key,
    title: r.title,
    url: r.url,
    publishedAt: r.published_at,
    fetchedAt: r.fetched_at,
    categories: JSON.parse(r.categories) as string[],
    tags: JSON.parse(r.tags) as string[],
    html: body.html,
    text: body.text,
    images: JSON.parse(r.images) as string[],
    provenance: JSON.parse(r.provenance) as Article['provenance'],
    format: r.format,
    contentHash: r.content_hash,
    flags: JSON.parse(r.flags) as Article['flags'],
    raw: { origin: r.raw_origin, mediaType: r.raw_media_type, body: body.raw },
  };
  if (r.digest !== null) article.digest = r.digest;
  return article;
}

/** Cursor for keyset pagination over (sort_ts DESC, id DESC). */
export function encodeCursor(r: Pick<ArticleRow, 'sort_ts' | 'id'>): string {
  return Buffer.from(JSON.stringify([r.sort_ts, r.id])).toString('base64url');
}

export function decodeCursor(cursor: string): { ts: number; id: string } | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2) return undefined;
    const [ts, id] = v as unknown[];
    if (typeof ts !== 'number' || typeof id !== 'string') return undefined;
    return { ts, id };
  } catch {
    return undefined;
  }
}

/** The keyset cursor positioned at an article (the next page starts after it). */
export function articleCursor(a: Article): string {
  return encodeCursor({ sort_ts: sortTs(a), id: a.id });
}
