/**
 * One source, one poll: fetch (conditional GET), parse, adapt, upsert. One function per
 * kind of source; failures are thrown and classified by the round.
 */
import type { SourceConfig } from '../config/schema.js';
import type { Article } from '../model/article.js';
import type { ArticleStore, UpsertOutcome } from '../store/store.js';
import { feedItemToArticle } from '../sources/feed/feed-to-article.js';
import { parseFeed } from '../sources/feed/parse-feed.js';
import { resolveOutlet } from '../sources/feed/web-article.js';
import type { HttpClient } from '../sources/fetch/http-client.js';
import type { FetchResponse } from '../sources/fetch/response.js';
import {
  newsApiRecordToArticle,
  type NewsApiContext,
} from '../sources/newsapi/newsapi-to-article.js';
import {
  detailUrlFor,
  parseNewsApiDetail,
  parseNewsApiList,
} from '../sources/newsapi/parse-newsapi.js';
import type { HostLimiter } from './host-limiter.js';

/** What a poll needs besides the source. */
export interface PollContext {
  client: HttpClient;
  limiter: HostLimiter;
  store: Pick<ArticleStore, 'upsertArticles' | 'getArticle'>;
  /** Validators from the previous success. */
  etag: string | undefined;
  lastModified: string | undefined;
  fetchedAt: string;
}

/** What a successful poll did. */
export interface PollOutcome {
  notModified: boolean;
  items: number;
  outcomes: UpsertOutcome[];
  itemFailures: number;
  /** Why the first failed item failed. */
  itemError?: string;
  /** Validators to send next time; undefined keeps none (so a partial round is redone). */
  etag: string | undefined;
  lastModified: string | undefined;
}

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

async function get(
  ctx: PollContext,
  url: string,
  validators: boolean,
  accept: string,
): Promise<FetchResponse> {
  const res = await ctx.limiter.run(url, () =>
    ctx.client.fetch(
      url,
      validators ? { etag: ctx.etag, lastModified: ctx.lastModified, accept } : { accept },
    ),
  );
  if (res.error) throw res.error;
  return res;
}

function notModified(ctx: PollContext, res: FetchResponse): PollOutcome {
  return {
    notModified: true,
    items: 0,
    outcomes: [],
    itemFailures: 0,
    etag: res.etag ?? ctx.etag,
    lastModified: res.lastModified ?? ctx.lastModified,
  };
}

/** Keeps the first article of each id (a feed may repeat a guid). */
function uniqueById(articles: readonly Article[]): Article[] {
  const seen = new Set<string>();
  return articles.filter((a) => !seen.has(a.id) && Boolean(seen.add(a.id)));
}

/** Polls an RSS / Atom / JSON Feed source. */
export async function pollFeed(source: SourceConfig, ctx: PollContext): Promise<PollOutcome> {
  const res = await get(ctx, source.url, true, FEED_ACCEPT);
  if (res.notModified) return notModified(ctx, res);
  const feed = parseFeed(res.body, { baseUrl: res.effectiveUrl, charset: res.charset });
  const outlet = resolveOutlet(source.outlet, source.key);
  const articles = uniqueById(
    feed.items.map((item) =>
      feedItemToArticle(item, {
        outlet,
        categories: source.categories,
        feedUrl: res.effectiveUrl,
        fetchedAt: ctx.fetchedAt,
        feedTitle: feed.title,
      }),
    ),
  );
  const outcomes = articles.length > 0 ? await ctx.store.upsertArticles(articles) : [];
  return {
    notModified: false,
    items: feed.items.length,
    outcomes,
    itemFailures: 0,
    etag: res.etag,
    lastModified: res.lastModified,
  };
}

/**
 * Polls a JSON news API: the list, then the detail of each record not stored yet (a stored
 * record is `unchanged` without a request). A failed detail skips that record and leaves the
 * list's validators unsaved, so the next round asks again.
 */
export async function pollNewsApi(source: SourceConfig, ctx: PollContext): Promise<PollOutcome> {
  const mapping = source.newsapi;
  if (!mapping) throw new Error(`fetch-round: source ${source.key} has no newsapi mapping`);
  const res = await get(ctx, source.url, true, 'application/json');
  if (res.notModified) return notModified(ctx, res);
  const { records } = parseNewsApiList(res.body, mapping);
  const outlet = resolveOutlet(source.outlet, source.key);
  const base: Omit<NewsApiContext, 'origin'> = {
    outlet,
    sourceKey: source.key,
    categories: source.categories,
    timeZone: mapping.timeZone,
    fetchedAt: ctx.fetchedAt,
  };
  let itemFailures = 0;
  let itemError: string | undefined;
  let known = 0;
  const built = await Promise.all(
    records.map(async (record): Promise<Article | undefined> => {
      const preview = newsApiRecordToArticle(record, undefined, {
        ...base,
        origin: res.effectiveUrl,
      });
      if (!mapping.detailUrl) return preview;
      if (await ctx.store.getArticle(preview.id)) {
        known++;
        return undefined;
      }
      const detailUrl = detailUrlFor(mapping.detailUrl, record.code);
      try {
        const detail = await get(ctx, detailUrl, false, 'application/json');
        return newsApiRecordToArticle(record, parseNewsApiDetail(detail.body, mapping), {
          ...base,
          origin: detailUrl,
        });
      } catch (err) {
        itemFailures++;
        itemError ??= `${record.code}: ${(err as Error).message}`;
        return undefined;
      }
    }),
  );
  const articles = uniqueById(built.filter((a): a is Article => a !== undefined));
  const stored = articles.length > 0 ? await ctx.store.upsertArticles(articles) : [];
  const outcomes: UpsertOutcome[] = [...stored, ...Array<UpsertOutcome>(known).fill('unchanged')];
  const complete = itemFailures === 0;
  return {
    notModified: false,
    items: records.length,
    outcomes,
    itemFailures,
    ...(itemError === undefined ? {} : { itemError }),
    etag: complete ? res.etag : undefined,
    lastModified: complete ? res.lastModified : undefined,
  };
}
