/**
 * The part of every live-source adapter that is the same for feeds and news APIs: outlet
 * lookup, body cleaning, date parsing, flags and the content hash. Pure: the caller passes
 * the fetch time.
 */
import { cleanBody } from '../../clean/clean-body.js';
import { parseNewsDate } from '../../clean/dates.js';
import type { Article, ArticleFlag } from '../../model/article.js';
import { contentHashOf } from '../../model/content-hash.js';
import { deriveTitle } from '../../clean/derive-title.js';
import { findOutletByName, getOutlet } from '../../outlets/index.js';
import type { Outlet } from '../../outlets/types.js';

/** The outlet an article is filed under. */
export interface OutletRef {
  key: string;
  name: string;
  /** Cleaning rules, when caixun knows the outlet. */
  rules: Outlet | undefined;
}

/**
 * Resolves an outlet by name or alias (e.g. 新浪财经), then by key; an unknown outlet keeps
 * the given name and files under `fallbackKey` (the source's key).
 */
export function resolveOutlet(nameOrKey: string, fallbackKey: string): OutletRef {
  const rules = findOutletByName(nameOrKey) ?? getOutlet(nameOrKey);
  if (rules) return { key: rules.key, name: rules.name, rules };
  return { key: fallbackKey, name: nameOrKey.trim() || fallbackKey, rules: undefined };
}

/** What an adapter knows about one item. */
export interface WebArticleInput {
  outlet: OutletRef;
  /** Native id (news API code) or a hash of the feed guid/link; the id is `<outletKey>:<nativeId>`. */
  nativeId: string;
  title: string;
  link: string | undefined;
  bodyHtml: string;
  date: string | undefined;
  authors: readonly string[];
  categories: readonly string[];
  digest?: string | undefined;
  image?: string | undefined;
  /** Original publisher the source names outside the body (a news API's media name). */
  source?: string | undefined;
  /** Zone of dates written without an offset. Default: the outlet's, else Asia/Shanghai. */
  timeZone?: string | undefined;
  /** Adapter name, e.g. `feed`, `newsapi`. */
  format: string;
  /** URL the body was read from. */
  origin: string;
  /** ISO time of the fetch. */
  fetchedAt: string;
}

/**
 * Builds the canonical article from one live item.
 * @example buildWebArticle({ outlet: resolveOutlet('新浪财经', 'sina'), nativeId: 'abc', … })
 */
export function buildWebArticle(input: WebArticleInput): Article {
  const flags: ArticleFlag[] = [];
  const { outlet } = input;
  const cleaned = cleanBody(input.bodyHtml, { outlet: outlet.rules, baseUrl: input.link });
  const zone = input.timeZone ?? outlet.rules?.timeZone ?? 'Asia/Shanghai';
  const publishedAt = input.date ? parseNewsDate(input.date, { zone }) : null;
  if (input.date && publishedAt === null) {
    flags.push({ code: 'bad-date', message: `unreadable date ${JSON.stringify(input.date)}` });
  }
  if (!input.date) flags.push({ code: 'missing-date', message: 'the item has no date' });
  const digest = input.digest?.trim() || undefined;
  let title = input.title.trim();
  if (!title) {
    title = deriveTitle(digest ?? cleaned.text);
    flags.push({
      code: 'missing-title',
      message: 'the item has no title; derived one from the text',
    });
  }
  if (!cleaned.text.trim() && !digest)
    flags.push({ code: 'empty-body', message: 'the item has no body text' });

  const images = [...cleaned.images];
  if (input.image && !images.includes(input.image)) images.unshift(input.image);
  const provenance = { ...cleaned.provenance };
  // RSSHub puts the feed's name in <author>; that names no person.
  const author = input.authors.find((a) => a !== outlet.name);
  if (author && !provenance.author) provenance.author = author;
  if (input.source && input.source !== outlet.name && !provenance.source)
    provenance.source = input.source;

  const content = {
    outlet: outlet.name,
    outletKey: outlet.key,
    title,
    url: input.link ?? null,
    publishedAt,
    categories: [...input.categories],
    tags: [] as string[],
    html: cleaned.html,
    text: cleaned.text,
    images,
    provenance,
    ...(digest ? { digest } : {}),
  };
  const contentHash = contentHashOf(content);
  return {
    id: `${outlet.key}:${input.nativeId}`,
    ...content,
    fetchedAt: input.fetchedAt,
    format: input.format,
    contentHash,
    flags,
    raw: { origin: input.origin, mediaType: 'text/html', body: input.bodyHtml },
  };
}
