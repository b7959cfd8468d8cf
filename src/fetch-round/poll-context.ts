/** What every poller shares: its context, its outcome, and the limited GET. */
import type { Article } from '../model/article.js';
import type { HttpClient } from '../sources/fetch/http-client.js';
import type { FetchResponse } from '../sources/fetch/response.js';
import type { UpsertOutcome } from '../store/store.js';
import type { HostLimiter } from './host-limiter.js';
import type { DeduplicatingStore } from './deduplicate.js';

/** What a poll needs besides the source. */
export interface PollContext {
  client: HttpClient;
  limiter: HostLimiter;
  store: DeduplicatingStore;
  /** Validators from the previous success. */
  etag: string | undefined;
  lastModified: string | undefined;
  fetchedAt: string;
  /** Most items not stored yet that a feed poll takes. Default: all. */
  maxItems?: number;
}

/** What a successful poll did. */
export interface PollOutcome {
  notModified: boolean;
  items: number;
  outcomes: UpsertOutcome[];
  itemFailures: number;
  /** Why the first failed item failed. */
  itemError?: string;
  /** Items were left for a later poll (the feed had more new items than the per-poll cap). */
  more?: boolean;
  /** Validators to send next time; undefined keeps none (so a partial round is redone). */
  etag: string | undefined;
  lastModified: string | undefined;
}

/** Accept header of feed requests. */
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';

/** GETs `url` under the host limits; throws the fetch error. Validators only when asked. */
export async function get(
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

/** The outcome of a 304. */
export function notModified(ctx: PollContext, res: FetchResponse): PollOutcome {
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
export function uniqueById(articles: readonly Article[]): Article[] {
  const seen = new Set<string>();
  return articles.filter((a) => !seen.has(a.id) && Boolean(seen.add(a.id)));
}

