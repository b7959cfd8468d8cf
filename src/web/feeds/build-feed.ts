/**
 * Feeds out: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of stories, built with the `feed` package.
 * One entry per story with a stable GUID (`urn:caixun:story:<id>`), so a reader sees a story once
 * however many outlets carry it; the content is the representative's sanitised HTML.
 */
import { Feed } from 'feed';
import type { FeedFormat } from '../links.js';

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

// Characters XML 1.0 forbids, and the CDATA terminator the `feed` package does not split.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlSafe = (s: string): string => s.replace(XML_INVALID, '').replaceAll(']]>', ']]&gt;');

function dateOf(iso: string | null, fallback: string): Date {
  const ms = iso === null ? Number.NaN : Date.parse(iso);
  return new Date(Number.isNaN(ms) ? Date.parse(fallback) : ms);
}

/**
 * A feed document in `format`, entries in the given order (newest first).
 * @example buildFeed(meta, entries, 'atom')
 */
export function buildFeed(meta: FeedMeta, entries: readonly FeedEntry[], format: FeedFormat): string {
  const newest = entries.reduce<string | null>((max, e) => {
    const t = e.updated ?? e.published;
    return t !== null && (max === null || Date.parse(t) > Date.parse(max)) ? t : max;
  }, null);
  const feed = new Feed({
    id: meta.self.atom,
    title: xmlSafe(meta.title),
    description: xmlSafe(meta.description),
    link: meta.siteUrl,
    language: 'zh-CN',
    updated: dateOf(newest, meta.now),
    generator: 'caixun',
    feedLinks: { rss: meta.self.rss, atom: meta.self.atom, json: meta.self.json },
    copyright: '',
  });
  for (const e of entries) {
    feed.addItem({
      id: storyGuid(e.storyId),
      guid: storyGuid(e.storyId),
      title: xmlSafe(e.title),
      link: e.link,
      description: xmlSafe(e.summary),
      content: xmlSafe(e.contentHtml),
      date: dateOf(e.updated ?? e.published, meta.now),
      published: dateOf(e.published ?? e.updated, meta.now),
      author: e.outlets.map((name) => ({ name: xmlSafe(name) })),
      category: e.categories.map((name) => ({ name: xmlSafe(name) })),
    });
  }
  switch (format) {
    case 'rss':
      return feed.rss2();
    case 'atom':
      return feed.atom1();
    case 'json':
      return feed.json1();
  }
}
