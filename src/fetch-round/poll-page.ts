/**
 * Article pages: the `page` kind (a list page and its article links, or article URLs), and
 * the feed fallback that fetches the page of an item whose feed body is only a summary.
 */
import type { SourceConfig } from '../config/schema.js';
import type { Article } from '../model/article.js';
import { htmlToText } from '../clean/html-text.js';
import { feedItemToArticle, type FeedItemContext } from '../sources/feed/feed-to-article.js';
import type { FeedItem } from '../sources/feed/types.js';
import { resolveOutlet } from '../sources/feed/web-article.js';
import { decodeResponseText } from '../sources/fetch/response.js';
import { listArticleLinks } from '../sources/page/list-links.js';
import { extractWithOutlet, pageNativeId, pageToArticle } from '../sources/page/page-to-article.js';
import type { UpsertOutcome } from '../store/store.js';
import { get, notModified, uniqueById, type PollContext, type PollOutcome } from './poll-context.js';
import { ingestArticles } from './ingest.js';

const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** Feed bodies shorter than this (in characters of text) count as summaries under `fullText: auto`. */
export const SUMMARY_MAX_CHARS = 200;

/** Whether an item's page should be fetched for its body. */
export function needsFullText(item: FeedItem, policy: SourceConfig['fullText']): boolean {
  if (policy === 'never' || !item.link) return false;
  if (policy === 'always') return true;
  if (item.contentHtml !== undefined) return false;
  return htmlToText(item.summaryHtml ?? '').replace(/\s+/g, '').length < SUMMARY_MAX_CHARS;
}

/** Articles of a feed with page bodies where needed. */
export interface FullTextResult {
  articles: Article[];
  /** Items skipped because they are stored already with their page (not fetched again). */
  known: number;
  /** Pages that could not be fetched; those items are stored as summaries for now. */
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
/** An item that could not become an article, and why. */
interface ItemFailure {
  failed: string;
}

export async function addFullText(
  source: SourceConfig,
  ctx: PollContext,
  items: readonly FeedItem[],
  context: FeedItemContext,
): Promise<FullTextResult> {
  const result: FullTextResult = { articles: [], known: 0, failures: 0 };
  const built = await Promise.all(
    items.map(async (item): Promise<Article | 'known' | { plain: Article; message: string } | ItemFailure> => {
      // One item that cannot be built fails alone, with its reason; the others are stored.
      let plain: Article;
      try {
        plain = feedItemToArticle(item, context);
      } catch (err) {
        return { failed: `item ${item.guid || item.link || item.title}: ${(err as Error).message}` };
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

/** The article URLs a page source polls this round, and the list page's validators. */
async function articleUrls(
  source: SourceConfig,
  ctx: PollContext,
): Promise<{ urls: string[]; discovered: boolean; outcome?: PollOutcome; etag?: string; lastModified?: string }> {
  const options = source.page;
  if (!options?.links) return { urls: [source.url, ...source.urls], discovered: false };
  const res = await get(ctx, source.url, true, HTML_ACCEPT);
  if (res.notModified) return { urls: [], discovered: true, outcome: notModified(ctx, res) };
  const urls = listArticleLinks(decodeResponseText(res).text, {
    baseUrl: res.effectiveUrl,
    selector: options.links,
    pattern: options.linkPattern === undefined ? undefined : new RegExp(options.linkPattern, 'u'),
    limit: options.maxLinks,
  });
  return {
    urls: [...urls, ...source.urls],
    discovered: true,
    ...(res.etag === undefined ? {} : { etag: res.etag }),
    ...(res.lastModified === undefined ? {} : { lastModified: res.lastModified }),
  };
}

/**
 * Polls a `page` source. Links found on a list page are fetched once (a stored one is
 * `unchanged` without a request); article URLs named in the configuration are fetched every
 * round, so an edit becomes a revision.
 */
export async function pollPage(source: SourceConfig, ctx: PollContext): Promise<PollOutcome> {
  const found = await articleUrls(source, ctx);
  if (found.outcome) return found.outcome;
  const outlet = resolveOutlet(source.outlet, source.key);
  let failures = 0;
  let known = 0;
  let error: string | undefined;
  let firstError: unknown;
  const listed = new Set(source.urls);
  const built = await Promise.all(
    found.urls.map(async (url): Promise<Article | undefined> => {
      if (found.discovered && !listed.has(url) && (await ctx.store.getArticle(`${outlet.key}:${pageNativeId(url)}`))) {
        known++;
        return undefined;
      }
      try {
        const res = await get(ctx, url, false, HTML_ACCEPT);
        return pageToArticle(decodeResponseText(res).text, {
          outlet,
          categories: source.categories,
          url,
          fetchedAt: ctx.fetchedAt,
        });
      } catch (err) {
        failures++;
        firstError ??= err;
        error ??= `${url}: ${(err as Error).message}`;
        return undefined;
      }
    }),
  );
  const articles = uniqueById(built.filter((a): a is Article => a !== undefined));
  // Every page failed: the source failed, with the first page's error (and its kind).
  if (found.urls.length > 0 && failures === found.urls.length) throw firstError;
  const stored = articles.length > 0 ? await ingestArticles(ctx.store, articles) : [];
  const complete = failures === 0;
  return {
    notModified: false,
    items: found.urls.length,
    outcomes: [...stored, ...Array<UpsertOutcome>(known).fill('unchanged')],
    itemFailures: failures,
    ...(error === undefined ? {} : { itemError: error }),
    etag: complete ? found.etag : undefined,
    lastModified: complete ? found.lastModified : undefined,
  };
}
