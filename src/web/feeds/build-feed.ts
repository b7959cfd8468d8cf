/**
 * Feeds out: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of stories. One entry per story with a stable
 * GUID (`urn:caixun:story:<id>`), so a reader sees a story once however many outlets carry it; the
 * content is the representative's sanitised HTML. The XML is written through xml-writer.ts, which
 * escapes every text and attribute (the `feed` package left `<` raw in Atom attributes).
 */
import type { FeedFormat } from '../links.js';
import { stripNonXmlChars, xmlDocument, xmlElement as el, type XmlNode } from './xml-writer.js';

/** One story in a feed. */
export interface FeedEntry {
  storyId: string;
  title: string;
  /** Absolute URL of the story page. */
  link: string;
  /** Sanitised HTML of the representative version (plus the list of versions). */
  contentHtml: string;
  /** Plain-text summary (first paragraph). */
  summary: string;
  /** ISO 8601 first seen; null when unknown. */
  published: string | null;
  /** ISO 8601 last seen (or first seen); null when unknown. */
  updated: string | null;
  /** Outlet display names carrying the story. */
  outlets: string[];
  /** Categories of the representative. */
  categories: string[];
}

/** What a feed is about. */
export interface FeedMeta {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  siteUrl: string;
  /** Absolute URLs of this feed in each format. */
  self: Record<FeedFormat, string>;
  /** When nothing is dated, the feed's `updated` (ISO). */
  now: string;
}

/** The stable GUID of a story in every feed. */
export const storyGuid = (storyId: string): string => `urn:caixun:story:${storyId}`;

/** Media type of each format. */
export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const GENERATOR = 'caixun';
const LANGUAGE = 'zh-CN';

/** The instant of `iso`, else of `fallback` (always a valid date: `now` is). */
function dateOf(iso: string | null, fallback: string): Date {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return new Date(Number.isNaN(ms) ? Date.parse(fallback) : ms);
}

/** The dates of an entry: published falls back to updated, updated to published, both to now. */
const datesOf = (e: FeedEntry, now: string): { published: Date; updated: Date } => ({
  published: dateOf(e.published ?? e.updated, now),
  updated: dateOf(e.updated ?? e.published, now),
});

/** The feed's own `updated`: its newest entry, else now. */
function feedUpdated(meta: FeedMeta, entries: readonly FeedEntry[]): Date {
  let newest: Date | undefined;
  for (const e of entries) {
    const t = e.updated ?? e.published;
    if (t === null || Number.isNaN(Date.parse(t))) continue;
    const d = new Date(Date.parse(t));
    if (newest === undefined || d > newest) newest = d;
  }
  return newest ?? dateOf(null, meta.now);
}

function buildRss(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const items = entries.map((e): XmlNode => {
    const { published } = datesOf(e, meta.now);
    return el('item', {}, [
      el('title', {}, e.title),
      el('link', {}, e.link),
      el('guid', { isPermaLink: 'false' }, storyGuid(e.storyId)),
      el('pubDate', {}, published.toUTCString()),
      el('description', {}, e.summary),
      el('content:encoded', {}, e.contentHtml),
      // RSS's own <author> must be an e-mail address; outlets are names.
      ...e.outlets.map((name) => el('dc:creator', {}, name)),
      ...e.categories.map((name) => el('category', {}, name)),
    ]);
  });
  const channel = el('channel', {}, [
    el('title', {}, meta.title),
    el('link', {}, meta.siteUrl),
    el('description', {}, meta.description),
    el('language', {}, LANGUAGE),
    el('lastBuildDate', {}, feedUpdated(meta, entries).toUTCString()),
    el('generator', {}, GENERATOR),
    el('docs', {}, 'https://www.rssboard.org/rss-specification'),
    el('atom:link', { href: meta.self.rss, rel: 'self', type: 'application/rss+xml' }),
    ...items,
  ]);
  const ns = { 'xmlns:atom': 'http://www.w3.org/2005/Atom', 'xmlns:content': 'http://purl.org/rss/1.0/modules/content/', 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' };
  return xmlDocument(el('rss', { version: '2.0', ...ns }, [channel]));
}

function buildAtom(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const items = entries.map((e): XmlNode => {
    const { published, updated } = datesOf(e, meta.now);
    // Titles and summaries are plain text (type="text", the default): a `<b>` in a title is text.
    return el('entry', {}, [
      el('id', {}, storyGuid(e.storyId)),
      el('title', {}, e.title),
      el('link', { rel: 'alternate', type: 'text/html', href: e.link }),
      el('published', {}, published.toISOString()),
      el('updated', {}, updated.toISOString()),
      ...e.outlets.map((name) => el('author', {}, [el('name', {}, name)])),
      ...e.categories.map((name) => el('category', { term: name })),
      el('summary', {}, e.summary),
      el('content', { type: 'html' }, e.contentHtml),
    ]);
  });
  const feed = el('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': LANGUAGE }, [
    el('id', {}, meta.self.atom),
    el('title', {}, meta.title),
    el('subtitle', {}, meta.description),
    el('updated', {}, feedUpdated(meta, entries).toISOString()),
    el('generator', {}, GENERATOR),
    el('link', { rel: 'alternate', type: 'text/html', href: meta.siteUrl }),
    el('link', { rel: 'self', type: 'application/atom+xml', href: meta.self.atom }),
    ...items,
  ]);
  return xmlDocument(feed);
}

function buildJson(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  // JSON carries any text, but readers that turn it into XML or HTML should get the same text the XML feeds carry.
  const t = stripNonXmlChars;
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: t(meta.title),
    home_page_url: meta.siteUrl,
    feed_url: meta.self.json,
    description: t(meta.description),
    language: LANGUAGE,
    items: entries.map((e) => {
      const { published, updated } = datesOf(e, meta.now);
      return {
        id: storyGuid(e.storyId),
        url: e.link,
        title: t(e.title),
        content_html: t(e.contentHtml),
        summary: t(e.summary),
        date_published: published.toISOString(),
        date_modified: updated.toISOString(),
        authors: e.outlets.map((name) => ({ name: t(name) })),
        tags: e.categories.map(t),
      };
    }),
  };
  return JSON.stringify(feed, null, 2);
}

/**
 * A feed document in `format`, entries in the given order (newest first).
 * @example buildFeed(meta, entries, 'atom')
 */
export function buildFeed(meta: FeedMeta, entries: readonly FeedEntry[], format: FeedFormat): string {
  switch (format) {
    case 'rss':
      return buildRss(meta, entries);
    case 'atom':
      return buildAtom(meta, entries);
    case 'json':
      return buildJson(meta, entries);
  }
}
