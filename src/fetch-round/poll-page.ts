/** Article pages: the `page` kind (a list page and its article links, or article URLs). */
import type { SourceConfig } from '../config/schema.js';
import type { Article } from '../model/article.js';
import { resolveOutlet } from '../sources/outlet-ref.js';
import { decodeResponseText } from '../sources/fetch/response.js';
import { listArticleLinks } from '../sources/page/list-links.js';
import { pageNativeId, pageToArticle } from '../sources/page/page-to-article.js';
import type { UpsertOutcome } from '../store/store.js';
import { get, notModified, uniqueById, type PollContext, type PollOutcome } from './poll-context.js';
import { storeDeduplicated } from './deduplicate.js';
import { HTML_ACCEPT } from './full-text.js';

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
  const outlet = resolveOutlet({ name: source.outlet, fallbackKey: source.key });
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
  const stored = articles.length > 0 ? await storeDeduplicated(ctx.store, articles) : [];
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
