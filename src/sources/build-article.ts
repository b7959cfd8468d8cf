/**
 * The one Article builder. Every source kind (archive file, feed item, news API record, web
 * page, e-paper article) states what it read as an {@link ArticleInput}; this turns it into the
 * canonical Article: clean → dates → title → images → provenance → flags → hash. Pure: the
 * caller passes the fetch time, so the same input always gives the same article.
 */
import { basename } from 'node:path';
import { cleanBody } from '../clean/clean-body.js';
import { parseNewsDate } from '../clean/dates.js';
import { deriveTitle } from '../clean/derive-title.js';
import type { Article, ArticleFlag, RawInput } from '../model/article.js';
import { contentHashOf } from '../model/content-hash.js';
import { isPlaceholderImage } from '../outlets/image-rules.js';
import { sha1Hex } from '../util/hash.js';
import type { OutletRef } from './outlet-ref.js';
import { SHANGHAI_ZONE } from '../util/shanghai-time.js';

/** What a source read about one article, before cleaning. */
export interface ArticleInput {
  outlet: OutletRef;
  /**
   * The source's own id (news API code, hash of a feed guid, PDF page key); the article id is
   * `<outletKey>:<nativeId>`. Without it: a hash of the link, else of title and time.
   */
  nativeId?: string | undefined;
  /** '' when the source has none (one is derived from the text). */
  title: string;
  link: string | undefined;
  bodyHtml: string;
  /** Date text as the source wrote it; undefined/null when it has none. */
  date: string | null | undefined;
  authors: readonly string[];
  categories: readonly string[];
  tags?: readonly string[] | undefined;
  digest?: string | undefined;
  /** Cover image the source names outside the body. */
  image?: string | undefined;
  /** Original publisher the source names outside the body (来源, a news API's media name). */
  source?: string | undefined;
  /** Zone of dates written without an offset. Default: the outlet's, else Asia/Shanghai. */
  timeZone?: string | undefined;
  /** Adapter name: `feed`, `newsapi`, `page`, `epaper`, or the archive layout. */
  format: string;
  /** The document as read, kept on the article for re-cleaning. */
  raw: RawInput;
  /** ISO time of the fetch or read. */
  fetchedAt: string;
  /** Problems the source already found (an archive's front matter); not repeated here. */
  flags?: readonly ArticleFlag[] | undefined;
}

/** `<outletKey>:<id>`: the native id, else the link's hash, else title and time (as feed readers do). */
function articleIdOf(input: ArticleInput, publishedAt: string | null): string {
  const key = input.outlet.key;
  if (input.nativeId) return `${key}:${input.nativeId}`;
  if (input.link) return `${key}:${sha1Hex(input.link).slice(0, 16)}`;
  const basis =
    input.title && publishedAt
      ? `${input.title}\n${publishedAt}`
      : `${basename(input.raw.origin)}\n${input.title}`;
  return `${key}:${sha1Hex(basis).slice(0, 16)}`;
}

/**
 * Builds the canonical article.
 * @example buildArticle({ outlet: resolveOutlet({ name: '新浪财经' }), title, link, bodyHtml, … })
 */
export function buildArticle(input: ArticleInput): Article {
  const flags: ArticleFlag[] = [...(input.flags ?? [])];
  const flag = (code: string, message: string): void => {
    if (!flags.some((f) => f.code === code)) flags.push({ code, message });
  };
  const { outlet } = input;
  const cleaned = cleanBody(input.bodyHtml, { outlet: outlet.rules, baseUrl: input.link });

  const zone = input.timeZone ?? outlet.rules?.timeZone ?? SHANGHAI_ZONE;
  const publishedAt = input.date ? parseNewsDate(input.date, { zone }) : null;
  if (input.date && publishedAt === null) flag('bad-date', `unreadable date ${JSON.stringify(input.date)}`);
  if (!input.date) flag('missing-date', 'the item has no date');

  const digest = input.digest?.trim() || undefined;
  let title = input.title.trim();
  if (!title) {
    title = deriveTitle(digest ?? cleaned.text);
    flag('missing-title', 'the item has no title; derived one from the text');
  }
  if (!cleaned.text.trim() && !digest) flag('empty-body', 'the item has no body text');

  const images = [...cleaned.images];
  const cover = input.image;
  // Feeds often reuse an image from the body's boilerplate (an APP QR code) as the cover:
  // a cover that the body had but cleaning removed is boilerplate too.
  const coverWasCleanedAway = cover !== undefined && input.bodyHtml.includes(cover);
  if (cover && !isPlaceholderImage(cover) && !coverWasCleanedAway && !images.includes(cover)) {
    images.unshift(cover);
  }

  const provenance = { ...cleaned.provenance };
  // RSSHub writes the feed's name as the author; that names no person.
  const author = input.authors.find((a) => a !== outlet.name);
  if (author && !provenance.author) provenance.author = author;
  if (input.source && input.source !== outlet.name && !provenance.source) provenance.source = input.source;

  const content = {
    outlet: outlet.name,
    outletKey: outlet.key,
    title,
    url: input.link ?? null,
    publishedAt,
    categories: [...input.categories],
    tags: [...(input.tags ?? [])],
    html: cleaned.html,
    text: cleaned.text,
    images,
    provenance,
    ...(digest ? { digest } : {}),
  };
  return {
    id: articleIdOf(input, publishedAt),
    ...content,
    fetchedAt: input.fetchedAt,
    format: input.format,
    contentHash: contentHashOf(content),
    flags,
    raw: input.raw,
  };
}
