/**
 * generic: parse archive documents that are neither finews nor Hexo/RSSHub posts — markdown or
 * plain text (with or without front matter) and saved HTML pages.
 */
import type { ArticleFlag } from '../../model/article.js';
import { isHtmlBody, renderMarkdown } from './body-html.js';
import {
  absoluteHttpUrl,
  fieldList,
  fieldNonEmpty,
  fieldText,
  firstKey,
  omitKeys,
  readDate,
  readTitle,
} from './fields.js';
import { readFrontMatterOrWhole } from './front-matter.js';
import { resolveOutlet } from '../outlet-ref.js';
import { extractParsedPage } from '../page/extract-page.js';
import { parsePage } from '../page/page-dom.js';
import { readMetaTags } from '../page/page-meta.js';
import type { ArchivePost } from './types.js';

/** Front-matter keys read for each field, in priority order. */
const DATE_KEYS = ['date', 'published', 'publishDate', 'pubDate', 'pubdate', 'time'] as const;
const CATEGORY_KEYS = ['categories', 'category'] as const;
const TAG_KEYS = ['tags', 'keywords'] as const;
const OUTLET_KEYS = ['source', 'outlet', 'author'] as const;
/** Keys naming the original article's address (caixun's own Jekyll/Hexo export writes `source_url`). */
const LINK_KEYS = ['source_url', 'original_url', 'url', 'link'] as const;
/** Keys holding the source's summary line. */
const DIGEST_KEYS = ['digest', 'description', 'summary', 'excerpt'] as const;
const MAPPED_KEYS = ['title', 'author', ...DATE_KEYS, ...CATEGORY_KEYS, ...TAG_KEYS, ...LINK_KEYS, ...DIGEST_KEYS];

/** A first line this short, followed by a blank line and more text, is a plain-text title. */
const MAX_FIRST_LINE_TITLE = 64;
/** Longer first lines are paragraphs, not headings. */
const MAX_HEADING_CHARS = 300;

/**
 * Parse markdown or plain text. The title is front-matter `title`, else a leading `#` heading,
 * else a short first line followed by a blank line.
 *
 * @throws InvalidDocumentError when its front matter is unrecoverable.
 */
export function parseMarkdownDocument(text: string, origin: string): ArchivePost {
  const fm = readFrontMatterOrWhole(text, origin, 'document');
  const { data, flags } = fm;
  let body = fm.body;
  let titleValue: unknown = data['title'];
  if (fieldNonEmpty(titleValue) === undefined) {
    const lead = takeLeadingTitle(body);
    if (lead !== null) [titleValue, body] = lead;
  }
  const dateKey = firstKey(data, DATE_KEYS);
  const post: ArchivePost = {
    format: 'markdown',
    title: readTitle(titleValue, flags),
    date: readDate(dateKey === undefined ? undefined : data[dateKey], flags),
    categories: fieldList(data[firstKey(data, CATEGORY_KEYS) ?? 'categories']),
    tags: fieldList(data[firstKey(data, TAG_KEYS) ?? 'tags']),
    bodyHtml: markdownOrHtml(body.trim()),
    flags,
    extra: omitKeys(data, MAPPED_KEYS),
  };
  const author = fieldNonEmpty(data['author']);
  if (author !== undefined) post.author = author;
  const outletKey = OUTLET_KEYS.find((k) => fieldNonEmpty(data[k]) !== undefined);
  const outletHint = outletKey === undefined ? undefined : fieldNonEmpty(data[outletKey]);
  if (outletHint !== undefined) post.outletHint = outletHint;
  const link = LINK_KEYS.map((k) => fieldText(data[k])).find((v) => v !== undefined && absoluteHttpUrl(v) !== undefined);
  if (link !== undefined) post.link = absoluteHttpUrl(link)!;
  const digestKey = DIGEST_KEYS.find((k) => fieldNonEmpty(data[k]) !== undefined);
  const digest = digestKey === undefined ? undefined : fieldNonEmpty(data[digestKey]);
  if (digest !== undefined) post.digest = digest;
  return post;
}

/** A body that starts with HTML markup is passed through; anything else is rendered as markdown. */
function markdownOrHtml(body: string): string {
  return body.startsWith('<') && isHtmlBody(body) ? body : renderMarkdown(body);
}

/** A leading ATX/setext heading or short first line, and the body without it. */
function takeLeadingTitle(body: string): [string, string] | null {
  const trimmed = body.replace(/^\s*\n/, '');
  const nl = trimmed.indexOf('\n');
  const first = (nl === -1 ? trimmed : trimmed.slice(0, nl)).trim();
  if (first.length > MAX_HEADING_CHARS) return null;
  const rest = nl === -1 ? '' : trimmed.slice(nl + 1);
  const atx = /^#{1,2}[ \t]+(.+?)[ \t#]*$/.exec(first);
  if (atx?.[1] !== undefined) return [atx[1], rest];
  const next = rest.split('\n', 1)[0] ?? '';
  if (first !== '' && /^=+[ \t]*$/.test(next)) return [first, rest.slice(next.length + 1)];
  const short = first !== '' && first.length <= MAX_FIRST_LINE_TITLE && !/^[<>#*|`-]/.test(first);
  if (short && next.trim() === '' && rest.trim() !== '') return [first, rest];
  return null;
}

/**
 * Parse a saved HTML page exactly as a live `page` source reads it: the outlet from
 * `og:site_name`/`<meta name="source">` or the canonical link's host, then the page extractor
 * with that outlet's selectors (outlet selectors → Readability → text density) for headline,
 * date, byline and main content.
 */
export function parseHtmlDocument(text: string, _origin: string): ArchivePost {
  const flags: ArticleFlag[] = [];
  const doc = parsePage(text);
  const metas = readMetaTags(doc);
  const outletHint = metas.get('og:site_name') ?? metas.get('source');
  const canonical = fieldText(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? metas.get('og:url');
  const link = canonical === undefined ? undefined : absoluteHttpUrl(canonical);
  const outlet = resolveOutlet({ name: outletHint, url: link });
  const page = extractParsedPage(doc, { selectors: outlet.rules?.page });
  const post: ArchivePost = {
    format: 'html',
    title: readTitle(page.title, flags),
    date: readDate(page.date, flags),
    categories: fieldList(metas.get('article:section')),
    tags: splitKeywords(metas.get('keywords') ?? ''),
    bodyHtml: page.bodyHtml.trim(),
    flags,
    extra: {},
  };
  if (page.author !== undefined) post.author = page.author;
  if (page.source !== undefined) post.source = page.source;
  if (outletHint !== undefined) post.outletHint = outletHint;
  if (link !== undefined) post.link = link;
  const description = metas.get('description') ?? metas.get('og:description');
  if (description !== undefined) post.extra['description'] = description;
  return post;
}

/** `keywords` meta content split on ASCII and Chinese separators. */
function splitKeywords(content: string): string[] {
  return content
    .split(/[,，、;；]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}
