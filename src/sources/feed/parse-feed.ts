/**
 * Parser: feed bytes → {@link ParsedFeed}. Detects RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed
 * with feedsmith and folds their differences; relative links resolve against xml:base or the
 * feed's own URL. Pure.
 */
import { parseFeed as parseAnyFeed } from 'feedsmith';
import { decodeText } from '../fetch/charset.js';
import { FeedParseError } from './feed-parse-error.js';
import { repairFeedXml } from './repair-feed.js';
import type { FeedItem, ParsedFeed } from './types.js';

/** Options of {@link parseFeed}. */
export interface ParseFeedOptions {
  /** URL the feed was fetched from (after redirects): base for relative links. Default none. */
  baseUrl?: string | undefined;
  /** Charset from the HTTP header. Default: detect. */
  charset?: string | undefined;
}

type AnyParsed = ReturnType<typeof parseAnyFeed>;
type RssItem = NonNullable<Extract<AnyParsed, { format: 'rss' }>['feed']['items']>[number];
type AtomEntry = NonNullable<Extract<AnyParsed, { format: 'atom' }>['feed']['entries']>[number];
type RdfItem = NonNullable<Extract<AnyParsed, { format: 'rdf' }>['feed']['items']>[number];
type JsonItem = NonNullable<Extract<AnyParsed, { format: 'json' }>['feed']['items']>[number];

function absolute(link: string | undefined, base: string | undefined): string | undefined {
  const trimmed = link?.trim();
  if (!trimmed) return undefined;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return undefined;
  }
}

/** feedsmith types dates as its DateLike (string unless asked to parse them). */
function dateText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return value instanceof Date ? value.toISOString() : undefined;
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Drops undefined optional fields (exactOptionalPropertyTypes). */
function item(fields: {
  guid?: string | undefined;
  link?: string | undefined;
  title?: string | undefined;
  contentHtml?: string | undefined;
  summaryHtml?: string | undefined;
  date?: string | undefined;
  authors: (string | undefined)[];
  categories: (string | undefined)[];
  image?: string | undefined;
}): FeedItem {
  const out: FeedItem = {
    title: fields.title?.trim() ?? '',
    authors: [...new Set(fields.authors.map(text).filter((a): a is string => a !== undefined))],
    categories: [
      ...new Set(fields.categories.map(text).filter((c): c is string => c !== undefined)),
    ],
  };
  for (const key of ['guid', 'link', 'contentHtml', 'summaryHtml', 'date', 'image'] as const) {
    const value = text(fields[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function fromRss(entry: RssItem, base: string | undefined): FeedItem {
  const image = entry.enclosures?.find((e) => e.type?.startsWith('image/'))?.url;
  const dc = entry.dc;
  // Items that say everything in Dublin Core (dc:title, dc:description, dc:identifier…).
  const identifier = dc?.identifiers?.[0];
  const guid = entry.guid?.value ?? identifier;
  const permalink = entry.guid ? entry.guid.isPermaLink !== false : /^https?:\/\//i.test(identifier ?? '');
  return item({
    guid,
    link: absolute(entry.link ?? (permalink ? guid : undefined), base),
    title: entry.title ?? dc?.titles?.[0],
    contentHtml: entry.content?.encoded,
    summaryHtml: entry.description ?? dc?.descriptions?.[0],
    date: dateText(entry.pubDate ?? dc?.dates?.[0]),
    authors: [...(entry.authors ?? []).map((a) => a.name), ...(dc?.creators ?? [])],
    categories: [...(entry.categories ?? []).map((c) => c.name), ...(dc?.subjects ?? [])],
    image: absolute(image, base),
  });
}

function fromAtom(entry: AtomEntry, feedBase: string | undefined): FeedItem {
  const base = absolute(entry.xml?.base, feedBase) ?? feedBase;
  const links = entry.links ?? [];
  const link = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
  const contentType = entry.content?.type;
  const content = entry.content?.value;
  return item({
    guid: entry.id,
    link: absolute(link?.href, base),
    title: entry.title?.value,
    contentHtml: contentType === 'text' && content ? escapeText(content) : content,
    summaryHtml: entry.summary?.value,
    date: dateText(entry.published ?? entry.updated),
    authors: (entry.authors ?? []).map((a) => a.name),
    categories: (entry.categories ?? []).map((c) => c.label ?? c.term),
  });
}

function fromRdf(entry: RdfItem, base: string | undefined): FeedItem {
  return item({
    guid: entry.rdf?.about,
    link: absolute(entry.link ?? entry.rdf?.about, base),
    title: entry.title,
    contentHtml: entry.content?.encoded,
    summaryHtml: entry.description,
    date: dateText(entry.dc?.dates?.[0]),
    authors: entry.dc?.creators ?? [],
    categories: entry.dc?.subjects ?? [],
  });
}

function fromJson(entry: JsonItem, base: string | undefined): FeedItem {
  return item({
    guid: entry.id,
    link: absolute(entry.url ?? entry.external_url, base),
    title: entry.title,
    contentHtml:
      entry.content_html ?? (entry.content_text ? escapeText(entry.content_text) : undefined),
    summaryHtml: entry.summary,
    date: dateText(entry.date_published ?? entry.date_modified),
    authors: (entry.authors ?? []).map((a) => a.name),
    categories: entry.tags ?? [],
    image: absolute(entry.image ?? entry.banner_image, base),
  });
}

/** Plain text → paragraphs of HTML. */
function escapeText(value: string): string {
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.trim()}</p>`)
    .join('');
}

/**
 * Parses a feed.
 * @throws FeedParseError when the bytes are no feed of a known format (including truncated XML/JSON)
 * @example parseFeed(res.body, { baseUrl: res.effectiveUrl, charset: res.charset }).items
 */
export function parseFeed(bytes: Uint8Array | string, options: ParseFeedOptions = {}): ParsedFeed {
  const source =
    typeof bytes === 'string' ? bytes : decodeText(bytes, { headerCharset: options.charset }).text;
  const trimmed = source.replace(/^\uFEFF/, '').trim();
  let parsed: AnyParsed;
  try {
    parsed = parseAnyFeed(
      trimmed.startsWith('{') ? (JSON.parse(trimmed) as unknown) : repairFeedXml(trimmed),
    );
  } catch (err) {
    throw new FeedParseError(`not a readable RSS, Atom or JSON feed (${(err as Error).message})`, {
      cause: err,
    });
  }
  const base = options.baseUrl;
  switch (parsed.format) {
    case 'rss': {
      const f = parsed.feed;
      return withLink(
        {
          format: 'rss',
          title: f.title ?? '',
          items: (f.items ?? []).map((i) => fromRss(i, base)),
        },
        f.link,
        base,
      );
    }
    case 'atom': {
      const f = parsed.feed;
      const feedBase = absolute(f.xml?.base, base) ?? base;
      const home = (f.links ?? []).find((l) => !l.rel || l.rel === 'alternate')?.href;
      return withLink(
        {
          format: 'atom',
          title: f.title?.value ?? '',
          items: (f.entries ?? []).map((e) => fromAtom(e, feedBase)),
        },
        home,
        feedBase,
      );
    }
    case 'rdf': {
      const f = parsed.feed;
      return withLink(
        {
          format: 'rdf',
          title: f.title ?? '',
          items: (f.items ?? []).map((i) => fromRdf(i, base)),
        },
        f.link,
        base,
      );
    }
    case 'json': {
      const f = parsed.feed;
      return withLink(
        {
          format: 'json',
          title: f.title ?? '',
          items: (f.items ?? []).map((i) => fromJson(i, base)),
        },
        f.home_page_url,
        base,
      );
    }
  }
}

function withLink(
  feed: ParsedFeed,
  link: string | undefined,
  base: string | undefined,
): ParsedFeed {
  const home = absolute(link, base);
  return home === undefined ? feed : { ...feed, link: home };
}
