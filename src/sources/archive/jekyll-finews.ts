/**
 * jekyll-finews: parse a finews Jekyll post (东财滚动新闻 and per-outlet feeds).
 *
 * Layout: front matter (`layout: post`, `categories: emnews`, `tags: 东财滚动新闻`), an optional
 * `> digest` line, the article (plain paragraphs or outlet HTML), a `<http://…>` line with the
 * original URL (or an empty `<>`), then `[返回…](…)` navigation that is not article text.
 */
import { htmlToText, isHtmlBody, paragraphsToHtml } from './body-html.js';
import { absoluteHttpUrl, fieldList, fieldNonEmpty, omitKeys, readDate, readTitle } from './fields.js';
import { readFrontMatterOrWhole } from './front-matter.js';
import type { ArchivePost } from './types.js';

/** Front-matter keys mapped to ArchivePost fields (the rest go to `extra`). */
const MAPPED_KEYS = ['title', 'date', 'categories', 'tags', 'author'] as const;

/** `<http://…>` / `<//…>` / `<>` link line. */
const LINK_LINE = /^<([^<>\s]*)>$/;
/** One `[返回…](…)` navigation link; a nav line is one or more, separated by ｜ or |. */
const NAV_LINK = /^\[返回[^\]]*\]\([^()]*\)$/;
/** The infoCode at the end of an Eastmoney article path: `/news/1611,202112082206703990.html`. */
const PATH_INFO_CODE = /[,/_-]([A-Za-z]{0,4}\d{8,})\.s?html?$/;

/** The parts of a finews body. */
export interface FinewsBody {
  /** The article itself, without digest, link and navigation lines. */
  main: string;
  digest?: string;
  /** Text inside the `<…>` link line ('' for `<>`); undefined when there is no link line. */
  linkText?: string;
}

/**
 * Parse a finews post. Never throws for a readable document; problems become flags.
 *
 * @throws InvalidDocumentError when its front matter is unrecoverable.
 */
export function parseFinewsPost(text: string, origin: string): ArchivePost {
  const fm = readFrontMatterOrWhole(text, origin, 'post');
  const { data, flags } = fm;
  const body = splitFinewsBody(fm.body);
  const categories = fieldList(data['categories']);
  const tags = fieldList(data['tags']);
  const post: ArchivePost = {
    format: 'jekyll-finews',
    title: readTitle(data['title'], flags),
    date: readDate(data['date'], flags),
    categories,
    tags,
    bodyHtml: isHtmlBody(body.main) ? body.main : paragraphsToHtml(body.main),
    flags,
    extra: omitKeys(data, MAPPED_KEYS),
  };
  const author = fieldNonEmpty(data['author']);
  if (author !== undefined) post.author = author;
  if (body.digest !== undefined && body.digest !== '') post.digest = body.digest;
  const outletHint = categories[0] ?? tags[0];
  if (outletHint !== undefined) post.outletHint = outletHint;
  applyLink(post, body.linkText);
  return post;
}

/** Record the link and native id, or flag an empty or unusable link line. */
function applyLink(post: ArchivePost, linkText: string | undefined): void {
  if (linkText === undefined) {
    post.flags.push({ code: 'missing-link', message: 'the post has no <http://…> link line' });
    return;
  }
  if (linkText === '') {
    post.flags.push({ code: 'empty-link', message: 'the link line is empty (<>)' });
    return;
  }
  const link = absoluteHttpUrl(linkText);
  if (link === undefined) {
    const shown = JSON.stringify(linkText);
    post.flags.push({ code: 'bad-link', message: `link ${shown} is not an http(s) URL` });
    return;
  }
  post.link = link;
  const nativeId = nativeIdFromLink(link);
  if (nativeId !== undefined) post.nativeId = nativeId;
}

/**
 * The finews infoCode of an Eastmoney link: `?infoCode=NW…` (kept as is) or the number ending
 * the path (`/news/1611,202112082206703990.html`).
 */
export function nativeIdFromLink(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  const code = url.searchParams.get('infoCode') ?? url.searchParams.get('infocode');
  if (code !== null && /^[A-Za-z0-9_-]{4,64}$/.test(code)) return code;
  return PATH_INFO_CODE.exec(url.pathname)?.[1];
}

/** Split a finews body into digest, article and link; drops navigation lines. */
export function splitFinewsBody(body: string): FinewsBody {
  const lines = body.split('\n');
  let start = 0;
  while (start < lines.length && (lines[start] ?? '').trim() === '') start++;
  const digestLines: string[] = [];
  while (start < lines.length && (lines[start] ?? '').trimStart().startsWith('>')) {
    digestLines.push((lines[start] ?? '').trimStart().replace(/^>[ \t]?/, ''));
    start++;
  }
  let end = lines.length;
  let linkText: string | undefined;
  for (; end > start; end--) {
    const line = (lines[end - 1] ?? '').trim();
    if (line === '' || isNavLine(line)) continue;
    const link = linkText === undefined ? LINK_LINE.exec(line) : null;
    if (link === null) break;
    linkText = link[1] ?? '';
  }
  const result: FinewsBody = { main: lines.slice(start, end).join('\n').trim() };
  if (digestLines.length > 0) result.digest = htmlToText(digestLines.join('\n'));
  if (linkText !== undefined) result.linkText = linkText;
  return result;
}

function isNavLine(line: string): boolean {
  const parts = line.split(/[｜|]/).map((p) => p.trim()).filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => NAV_LINK.test(p));
}
