/** Adapter: a feed item (wire type) → the canonical Article. Pure. */
import { htmlToText } from '../../clean/html-text.js';
import type { Article } from '../../model/article.js';
import { sha1Hex } from '../../util/hash.js';
import type { FeedItem } from './types.js';
import { buildArticle } from '../build-article.js';
import type { OutletRef } from '../outlet-ref.js';

/** Context of {@link feedItemToArticle}. */
export interface FeedItemContext {
  outlet: OutletRef;
  /** Categories the source configuration adds to every item. */
  categories: readonly string[];
  /** The feed URL, recorded as the origin when an item has no link. */
  feedUrl: string;
  /** ISO time of the fetch. */
  fetchedAt: string;
  /** The feed's own title; RSSHub repeats it as every item's author, which names no person. */
  feedTitle?: string;
}

/**
 * The item's native id: a hash of its guid, else its link, else its title and date, so the
 * same item seen again (or in another feed of the same outlet) keeps its id.
 */
export function feedItemNativeId(item: FeedItem): string {
  const basis =
    item.guid ?? item.link ?? `${item.title}\n${item.date ?? ''}\n${item.summaryHtml ?? ''}`;
  return sha1Hex(basis).slice(0, 16);
}

/**
 * Builds the article for one feed item; full content when the feed has it, else the summary.
 * @example feedItemToArticle(feed.items[0], { outlet, categories: [], feedUrl, fetchedAt })
 */
export function feedItemToArticle(item: FeedItem, context: FeedItemContext): Article {
  const full = item.contentHtml;
  const hasSeparateSummary =
    full !== undefined && item.summaryHtml !== undefined && item.summaryHtml !== full;
  return buildArticle({
    outlet: context.outlet,
    nativeId: feedItemNativeId(item),
    title: item.title,
    link: item.link,
    bodyHtml: full ?? item.summaryHtml ?? '',
    date: item.date,
    authors: item.authors.filter((a) => a !== context.feedTitle),
    categories: [...new Set([...context.categories, ...item.categories])],
    digest: hasSeparateSummary
      ? htmlToText(item.summaryHtml ?? '')
          .replace(/\s+/g, ' ')
          .trim()
      : undefined,
    image: item.image,
    format: 'feed',
    raw: { origin: item.link ?? context.feedUrl, mediaType: 'text/html', body: full ?? item.summaryHtml ?? '' },
    fetchedAt: context.fetchedAt,
  });
}
