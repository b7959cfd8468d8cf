/**
 * OPML 2.0, the list every feed reader exports and imports: the configured feed sources out
 * (`caixun sources --opml`), an OPML's feeds in as `sources:` entries (`caixun import-opml`).
 * Parsing is feedsmith's (fast-xml-parser: no DTD fetch; entity expansion is bounded).
 */
import { generateOpml, parseOpml } from 'feedsmith';
import { stringify } from 'yaml';
import type { SourceConfig } from './schema.js';

/** An OPML 2.0 document of the configured `feed` sources (other kinds have no feed URL). */
export function renderSourcesOpml(sources: readonly SourceConfig[]): string {
  const outlines = sources
    .filter((s) => s.kind === 'feed')
    .map((s) => ({
      text: s.outlet,
      title: s.outlet,
      type: 'rss',
      xmlUrl: s.url,
      ...(s.categories.length > 0 ? { category: s.categories.join(',') } : {}),
    }));
  return `${generateOpml({ head: { title: 'caixun sources' }, body: { outlines } })}\n`;
}

export interface OpmlFeed {
  title: string;
  xmlUrl: string;
}

/** What an OPML holds: its feeds, and the outlines passed over with the reason. */
export interface OpmlFeeds {
  feeds: OpmlFeed[];
  skipped: { outline: string; reason: string }[];
}

type Outline = { text?: string; title?: string; xmlUrl?: string; outlines?: Outline[] };

/** Feeds of an OPML document, folders flattened (iteratively: no nesting overflows the stack). */
export function readOpmlFeeds(xml: string): OpmlFeeds {
  let doc: { body?: { outlines?: Outline[] } };
  try {
    doc = parseOpml(xml) as typeof doc;
  } catch (err) {
    throw new Error(`not an OPML document: ${(err as Error).message}`);
  }
  const result: OpmlFeeds = { feeds: [], skipped: [] };
  const pending: Outline[] = [...(doc.body?.outlines ?? [])].reverse();
  while (pending.length > 0) {
    const o = pending.pop()!;
    if (o.outlines) pending.push(...[...o.outlines].reverse());
    const name = (o.text ?? o.title ?? '').trim();
    if (o.xmlUrl === undefined) {
      if (!o.outlines) result.skipped.push({ outline: name || '(untitled)', reason: 'no xmlUrl' });
      continue;
    }
    let url: URL;
    try {
      url = new URL(o.xmlUrl.trim());
    } catch {
      result.skipped.push({ outline: name || o.xmlUrl, reason: `xmlUrl is not a URL: ${o.xmlUrl}` });
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      result.skipped.push({ outline: name || o.xmlUrl, reason: `xmlUrl is not http(s): ${o.xmlUrl}` });
      continue;
    }
    result.feeds.push({ title: name || url.hostname, xmlUrl: url.href });
  }
  return result;
}

/** A source key from a feed URL: `rsshub.app/cls/depth/1000` → `rsshub-app-cls-depth-1000`. */
function keyFromUrl(url: string): string {
  const u = new URL(url);
  const slug = `${u.hostname}${u.pathname}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug.slice(0, 60).replace(/-$/, '') || 'feed';
}

/**
 * The `sources:` YAML for the feeds not configured yet (by URL), keys made unique against
 * `existing`; the outlet is the outline's title (edit it to an outlet name or key).
 */
export function renderFeedsYaml(feeds: readonly OpmlFeed[], existing: readonly { key: string; url: string }[] = []): {
  yaml: string;
  added: number;
  alreadyConfigured: number;
} {
  const keys = new Set(existing.map((s) => s.key));
  const urls = new Set(existing.map((s) => s.url));
  const entries: { key: string; kind: 'feed'; url: string; outlet: string }[] = [];
  let alreadyConfigured = 0;
  for (const feed of feeds) {
    if (urls.has(feed.xmlUrl)) {
      alreadyConfigured++;
      continue;
    }
    urls.add(feed.xmlUrl);
    const base = keyFromUrl(feed.xmlUrl);
    let key = base;
    for (let n = 2; keys.has(key); n++) key = `${base}-${n}`;
    keys.add(key);
    entries.push({ key, kind: 'feed', url: feed.xmlUrl, outlet: feed.title });
  }
  return { yaml: entries.length === 0 ? '' : stringify({ sources: entries }), added: entries.length, alreadyConfigured };
}
