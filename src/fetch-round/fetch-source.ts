/**
 * One source, one poll: fetch (conditional GET), parse, adapt, upsert. One function per
 * kind of source; failures are thrown and classified by the round.
 */
import type { SourceConfig } from '../config/schema.js';
import type { Article } from '../model/article.js';
import type { UpsertOutcome } from '../store/store.js';
import { parseFeed } from '../sources/feed/parse-feed.js';
import { resolveOutlet } from '../sources/outlet-ref.js';
import {
  newsApiRecordToArticle,
  type NewsApiContext,
} from '../sources/newsapi/newsapi-to-article.js';
import {
  detailUrlFor,
  parseNewsApiDetail,
  parseNewsApiList,
} from '../sources/newsapi/parse-newsapi.js';
import { feedItemNativeId } from '../sources/feed/feed-to-article.js';
import { storeDeduplicated } from './deduplicate.js';
import { orderNewestFirst, selectForPoll } from './select-items.js';
import { addFullText } from './full-text.js';
import { FEED_ACCEPT, get, notModified, uniqueById, type PollContext, type PollOutcome } from './poll-context.js';

export type { PollContext, PollOutcome } from './poll-context.js';

/** Polls an RSS / Atom / JSON Feed source. */
export async function pollFeed(source: SourceConfig, ctx: PollContext): Promise<PollOutcome> {
  const res = await get(ctx, source.url, true, FEED_ACCEPT);
  if (res.notModified) return notModified(ctx, res);
  const feed = parseFeed(res.body, { baseUrl: res.effectiveUrl, charset: res.charset });
  const outlet = resolveOutlet({ name: source.outlet, fallbackKey: source.key });
  const ids = ctx.store.sourceStates();
  // A stored item is found by its link (one index lookup), else by its id.
  const { taken, more } = await selectForPoll(
    orderNewestFirst(feed.items, (i) => i.date),
    ctx.maxItems ?? Number.POSITIVE_INFINITY,
    async (item) =>
      (item.link !== undefined && (await ids.findArticleIdByUrl(item.link)) !== undefined) ||
      (await ctx.store.getArticle(`${outlet.key}:${feedItemNativeId(item)}`)) !== undefined,
  );
  const context = {
    outlet,
    categories: source.categories,
    feedUrl: res.effectiveUrl,
    fetchedAt: ctx.fetchedAt,
    feedTitle: feed.title,
  };
  const full = await addFullText(source, ctx, taken, context);
  const articles = uniqueById(full.articles);
  const outcomes = articles.length > 0 ? await storeDeduplicated(ctx.store, articles) : [];
  // Validators only when everything was taken: a 304 would hide the items left for later.
  const complete = full.failures === 0 && !more;
  return {
    notModified: false,
    items: taken.length,
    ...(more ? { more } : {}),
    outcomes: [...outcomes, ...Array<UpsertOutcome>(full.known).fill('unchanged')],
    itemFailures: full.failures,
    ...(full.error === undefined ? {} : { itemError: full.error }),
    etag: complete ? res.etag : undefined,
    lastModified: complete ? res.lastModified : undefined,
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
  const outlet = resolveOutlet({ name: source.outlet, fallbackKey: source.key });
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
      try {
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
        const detail = await get(ctx, detailUrl, false, 'application/json');
        return newsApiRecordToArticle(record, parseNewsApiDetail(detail.body, mapping), {
          ...base,
          origin: detailUrl,
        });
      } catch (err) {
        // A failed detail, or a record that cannot be built, fails alone.
        itemFailures++;
        itemError ??= `${record.code}: ${(err as Error).message}`;
        return undefined;
      }
    }),
  );
  const articles = uniqueById(built.filter((a): a is Article => a !== undefined));
  const stored = articles.length > 0 ? await storeDeduplicated(ctx.store, articles) : [];
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
