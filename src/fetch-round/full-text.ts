/**
 * Full text of feed items: an item whose feed body is only a summary gets the body of its
 * article page, read by the same page extractor as a `page` source.
 */
import type { SourceConfig } from '../config/schema.js';
import { htmlToText } from '../clean/html-text.js';
import type { Article } from '../model/article.js';
import { feedItemToArticle, type FeedItemContext } from '../sources/feed/feed-to-article.js';
import type { FeedItem } from '../sources/feed/types.js';
import { decodeResponseText } from '../sources/fetch/response.js';
import { extractWithOutlet } from '../sources/page/page-to-article.js';
import { get, type PollContext } from './poll-context.js';

/** Accept header of article-page requests. */
export const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** Feed bodies shorter than this (in characters of text) count as summaries under `fullText: auto`. */
export const SUMMARY_MAX_CHARS = 200;

/** Whether an item's page should be fetched for its body. */
export function needsFullText(item: FeedItem, policy: SourceConfig['fullText']): boolean {
  if (policy === 'never' || !item.link) return false;
  if (policy === 'always') return true;
  if (item.contentHtml !== undefined) return false;
  return htmlToText(item.summaryHtml ?? '').replace(/\s+/g, '').length < SUMMARY_MAX_CHARS;
}

/** How an item is named in a failure reason: its link, else its guid, else its title. */
function describeItem(item: FeedItem): string {
  return item.link ?? item.guid ?? JSON.stringify(item.title.slice(0, 80));
}

/** Articles of a feed with page bodies where needed. */
export interface FullTextResult {
  articles: Article[];
  /** Items skipped because they are stored already with their page (not fetched again). */
  known: number;
  /** Items that could not be built (not stored) or whose page could not be fetched (stored as summaries for now). */
  failures: number;
  error?: string;
}

/** Flag of an article stored with its feed summary because its page could not be fetched. */
export const SUMMARY_ONLY_FLAG = 'summary-only';

/**
 * Builds the feed's articles, fetching the article page of summary-only items not stored yet.
 * An item whose page fails is stored with its summary and the `summary-only` flag; its page
 * is tried again next round and the full article replaces the summary as a revision.
 */
export async function addFullText(
  source: SourceConfig,
  ctx: PollContext,
  items: readonly FeedItem[],
  context: FeedItemContext,
): Promise<FullTextResult> {
  const result: FullTextResult = { articles: [], known: 0, failures: 0 };
  const built = await Promise.all(
    items.map(async (item): Promise<Article | 'known' | { plain: Article; message: string } | { failed: string }> => {
      let plain: Article;
      try {
        plain = feedItemToArticle(item, context);
      } catch (err) {
        // One item that cannot be built (hostile markup) fails alone; the others are stored.
        return { failed: `${describeItem(item)}: ${err instanceof Error ? err.message : String(err)}` };
      }
      if (!needsFullText(item, source.fullText) || !item.link) return plain;
      const stored = await ctx.store.getArticle(plain.id);
      if (stored && !stored.flags.some((f) => f.code === SUMMARY_ONLY_FLAG)) return 'known';
      try {
        const res = await get(ctx, item.link, false, HTML_ACCEPT);
        const page = extractWithOutlet(decodeResponseText(res).text, context.outlet);
        if (!page.bodyHtml.trim()) return plain;
        const withPage: FeedItem = {
          ...item,
          title: item.title || page.title,
          contentHtml: page.bodyHtml,
          summaryHtml: item.summaryHtml ?? '',
          authors: item.authors.length > 0 || !page.author ? item.authors : [page.author],
        };
        const date = item.date ?? page.date;
        if (date !== undefined) withPage.date = date;
        return feedItemToArticle(withPage, context);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return { plain, message };
      }
    }),
  );
  for (const b of built) {
    if (b === 'known') result.known++;
    else if ('failed' in b) {
      result.failures++;
      result.error ??= b.failed;
    } else if ('message' in b) {
      result.failures++;
      result.error ??= b.message;
      const flag = { code: SUMMARY_ONLY_FLAG, message: `article page not fetched: ${b.message}` };
      result.articles.push({ ...b.plain, flags: [...b.plain.flags, flag] });
    } else result.articles.push(b);
  }
  return result;
}
