/** Adapter: a news API record (+ its detail HTML) → the canonical Article. Pure. */
import type { Article } from '../../model/article.js';
import { buildArticle } from '../build-article.js';
import { resolveOutlet, type OutletRef } from '../outlet-ref.js';
import type { NewsApiRecord } from './types.js';

/** Context of {@link newsApiRecordToArticle}. */
export interface NewsApiContext {
  /** The source's outlet, used when the record names none caixun knows. */
  outlet: OutletRef;
  /** The source's key: the outlet key for outlets caixun does not know. */
  sourceKey: string;
  categories: readonly string[];
  /** Zone of `showTime`. */
  timeZone: string;
  /** Where the body came from (detail URL, or the list URL when there is no detail). */
  origin: string;
  fetchedAt: string;
}

/**
 * Builds the article for one record; the id is `<outletKey>:<code>`. The record's own
 * media name picks the outlet when caixun knows it (新华财经 via 东财), as the archive importer does.
 * @example newsApiRecordToArticle(record, detailHtml, { outlet, sourceKey: 'finews', … })
 */
export function newsApiRecordToArticle(
  record: NewsApiRecord,
  bodyHtml: string | undefined,
  context: NewsApiContext,
): Article {
  const named = record.mediaName ? resolveOutlet({ name: record.mediaName, fallbackKey: context.sourceKey }) : undefined;
  const outlet = named?.rules ? named : context.outlet;
  const body = bodyHtml ?? (record.digest ? `<p>${escapeHtml(record.digest)}</p>` : '');
  return buildArticle({
    outlet,
    nativeId: record.code,
    title: record.title,
    link: record.url,
    bodyHtml: body,
    date: record.showTime,
    authors: [],
    categories: context.categories,
    digest: record.digest,
    source: record.mediaName,
    timeZone: context.timeZone,
    format: 'newsapi',
    raw: { origin: context.origin, mediaType: 'text/html', body },
    fetchedAt: context.fetchedAt,
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
