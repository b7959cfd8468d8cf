/**
 * Page metadata: headline, publication time, author and source (来源), from per-outlet
 * selectors, then `<meta>` tags, then the patterns Chinese portals write near the headline.
 * Pure: a parsed document in, strings out.
 */
import { hasCalendarDate } from '../../clean/dates.js';
import { selectFirst, spacedText, squashText, type PageDocument } from './page-dom.js';
import type { PageSelectors } from './types.js';

/**
 * `<meta>` names, properties or itemprops (lower case) that carry the publication time, most
 * specific first. One list for live pages and saved pages.
 */
const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'publishdate',
  'pubdate',
  'publish_time',
  'publish_date',
  'apub:time',
  'weibo: article:create_at',
  'og:release_date',
  'originalpublicationdate',
  'article_date_original',
  'dc.date.issued',
  'dc.date',
  'date',
] as const;

/** Dates as portals print them, most complete first (time to the second, to the minute, day). */
const DATE_PATTERNS = [
  /(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}[:：时]\d{1,2}[:：分]\d{1,2})/u,
  /(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}[:：时]\d{1,2}分?)/u,
  /(\d{4}年\d{1,2}月\d{1,2}日)/u,
  /(\d{4}-\d{1,2}-\d{1,2})(?!\d)/u,
];

/** Name after a byline label; tried in order (责任编辑 names the person most reliably). */
const AUTHOR_PATTERNS = [
  /责任编辑[：:\s]\s*([\p{Script=Han}A-Za-z·]{2,12})/u,
  /责编[：:\s]\s*([\p{Script=Han}A-Za-z·]{2,12})/u,
  // not the end of 工作者/创作者/著作者 (…医务工作者 大连狮友… in a list of related headlines)
  /(?<![工创著])作者[：:\s]\s*([\p{Script=Han}A-Za-z·]{2,12})/u,
  /记者[：:\s]\s*([\p{Script=Han}·]{2,4})/u,
  /编辑[：:\s]\s*([\p{Script=Han}A-Za-z·]{2,12})/u,
  /文\s*[/／]\s*([\p{Script=Han}A-Za-z·]{2,12})/u,
];

const SOURCE_PATTERN = /来源[：:]\s*([^\s　：:|丨]{2,20})/u;

/** Separators between a headline and the site name in `<title>`. */
const TITLE_SEPARATORS = /\s*(?:[_|｜–—]|\s-\s|-{2,})\s*/u;

/**
 * Every `<meta>` of the page: name, property or itemprop (lower case) → its first non-empty
 * content. The one reader of page metadata, for live pages and saved pages.
 */
export function readMetaTags(doc: PageDocument): Map<string, string> {
  const metas = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const name = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '';
    const key = name.trim().toLowerCase();
    const content = (el.getAttribute('content') ?? '').trim();
    if (key !== '' && content !== '' && !metas.has(key)) metas.set(key, content);
  }
  return metas;
}

/** The publication time a `<meta>` states: the listed names first, then any name saying publish or date. */
export function metaDate(metas: ReadonlyMap<string, string>): string | undefined {
  for (const name of DATE_META) {
    const value = metas.get(name);
    if (value !== undefined) return value;
  }
  for (const [name, value] of metas) {
    if (/publish|date/.test(name) && hasCalendarDate(value)) return value;
  }
  return undefined;
}

function metaContent(doc: PageDocument, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * The headline: an `<h1>`–`<h3>` whose text the `<title>` contains (portals write
 * `headline_section_site`), else `og:title`, else the longest part of `<title>`, else the first `<h1>`.
 */
export function findTitle(doc: PageDocument, selectors?: PageSelectors): string {
  const ruled = squashText(selectFirst(doc, selectors?.title));
  if (ruled) return ruled;
  const titleTag = squashText(doc.querySelector('title'));
  const headings = Array.from(doc.querySelectorAll('h1, h2, h3'))
    .map((h) => squashText(h))
    .filter((t) => t.length >= 4 && t.length <= 100);
  const folded = titleTag.replace(/\s+/g, '');
  let best = '';
  for (const heading of headings) {
    if (folded.includes(heading.replace(/\s+/g, '')) && heading.length > best.length) best = heading;
  }
  if (best) return best;
  const og = metaContent(doc, ['meta[property="og:title"]', 'meta[name="title"]']);
  if (og) return og;
  const parts = titleTag.split(TITLE_SEPARATORS).filter(Boolean);
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest || headings[0] || '';
}

/** The page's visible text, with the headline's position when it occurs in it. */
function textAfterTitle(doc: PageDocument, title: string): string {
  const text = spacedText(doc.body ?? doc.documentElement);
  const at = title ? text.indexOf(title) : -1;
  return at >= 0 ? text.slice(at + title.length) : text;
}

/** Publication time text: outlet selector, then `<meta>`, then the first date after the headline. */
export function findDate(
  doc: PageDocument,
  title: string,
  selectors?: PageSelectors,
): string | undefined {
  const ruled = squashText(selectFirst(doc, selectors?.date));
  const fromRule = ruled ? firstDate(ruled) : undefined;
  if (fromRule) return fromRule;
  // The time printed under the headline is what readers see; <meta> may be a later update.
  const head = textAfterTitle(doc, title).slice(0, 600);
  return firstDate(head, 2) ?? metaDate(readMetaTags(doc)) ?? firstDate(head);
}

/** The first date in `text`, trying the first `patterns` of {@link DATE_PATTERNS} (with a time). */
function firstDate(text: string, patterns = DATE_PATTERNS.length): string | undefined {
  for (const pattern of DATE_PATTERNS.slice(0, patterns)) {
    const match = pattern.exec(text);
    if (match?.[1]) return match[1].replace(/：/g, ':');
  }
  return undefined;
}

/** Author: outlet selector, `<meta name="author">`, then a byline label in the page text. */
export function findAuthor(
  doc: PageDocument,
  title: string,
  selectors?: PageSelectors,
): string | undefined {
  const ruled = squashText(selectFirst(doc, selectors?.author));
  if (ruled) return ruled.replace(/^(?:作者|责任编辑|编辑|记者)[：:\s]*/u, '');
  const text = textAfterTitle(doc, title);
  for (const pattern of AUTHOR_PATTERNS) {
    const match = pattern.exec(text);
    if (match?.[1]) return match[1];
  }
  // Portals often put the site name or a placeholder in <meta name="author">: a last resort.
  const meta = metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]']);
  return meta && !/[@,:/]/.test(meta) ? meta : undefined;
}

/** Source (来源): outlet selector, `<meta name="source">`, then `来源：…` after the headline. */
export function findSource(
  doc: PageDocument,
  title: string,
  selectors?: PageSelectors,
): string | undefined {
  const ruled = squashText(selectFirst(doc, selectors?.source));
  if (ruled) return ruled.replace(/^(?:来源|文章来源)[：:\s]*/u, '');
  const meta = metaContent(doc, ['meta[name="source"]', 'meta[name="mediaid"]']);
  if (meta) return meta;
  return SOURCE_PATTERN.exec(textAfterTitle(doc, title).slice(0, 400))?.[1];
}
