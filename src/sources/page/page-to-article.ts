/**
 * Adapter: a fetched article page → the article builder's input. Pure: the caller passes the
 * fetch time.
 */
import type { Article } from '../../model/article.js';
import { sha1Hex } from '../../util/hash.js';
import { buildArticle } from '../build-article.js';
import type { OutletRef } from '../outlet-ref.js';
import { extractPage } from './extract-page.js';
import type { ExtractedPage } from './types.js';

/** Context of {@link pageToArticle}. */
export interface PageContext {
  outlet: OutletRef;
  /** Categories the source configuration adds. */
  categories: readonly string[];
  /** The article's URL (after redirects). */
  url: string;
  /** ISO time of the fetch. */
  fetchedAt: string;
}

/** The native id of a page: a hash of its URL without the fragment, so a page seen again keeps its id. */
export function pageNativeId(url: string): string {
  let canonical = url;
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    canonical = parsed.href;
  } catch {
    // Not a URL: hash the text as given.
  }
  return sha1Hex(canonical).slice(0, 16);
}

/** Extracts the page with the outlet's selectors. */
export function extractWithOutlet(html: string, outlet: OutletRef): ExtractedPage {
  return extractPage(html, { selectors: outlet.rules?.page });
}

/**
 * Builds the article of one page.
 * @example pageToArticle(html, { outlet, categories: [], url, fetchedAt })
 */
export function pageToArticle(html: string, context: PageContext): Article {
  const page = extractWithOutlet(html, context.outlet);
  return buildArticle({
    outlet: context.outlet,
    nativeId: pageNativeId(context.url),
    title: page.title,
    link: context.url,
    bodyHtml: page.bodyHtml,
    date: page.date,
    authors: page.author ? [page.author] : [],
    categories: context.categories,
    source: page.source,
    format: 'page',
    raw: { origin: context.url, mediaType: 'text/html', body: page.bodyHtml },
    fetchedAt: context.fetchedAt,
  });
}
