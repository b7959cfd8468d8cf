/**
 * detect: decide an archive document's format from its content (never from its file name).
 */
import type { ArchiveFormat } from './types.js';

/** How many header lines and tail characters detection looks at; keeps it O(1) in body size. */
const HEAD_LINES = 60;
const TAIL_CHARS = 2048;
const HEAD_CHARS = 4096;

const HEADER_KEY = /^([\w-]+)[ \t]*:[ \t]*(.*)$/;
const LIST_ITEM = /^[ \t]*- /;
const RFC_1123_DATE = /^['"]?[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}/;
/** finews trailer lines: `<http://…>` / `<>` link and `[返回…](…)` navigation. */
const FINEWS_LINK_LINE = /^<(?:(?:https?:)?\/\/[^\s<>]*)?>$/;
const FINEWS_NAV_LINE = /^\[返回[^\]]*\]\(/;
const HTML_START = /^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml)/i;
const TAG_LINE = /^<\/?[A-Za-z!][^>]*>?/;

/** What the first lines of a front-matter block say. */
interface HeaderScan {
  /** Top-level key → raw value text on the key's line. */
  keys: Map<string, string>;
  /** Keys whose value is a block list on the following lines. */
  lists: Set<string>;
}

/**
 * Decide the archive format of a decoded document from its content.
 *
 * - `jekyll-finews`: front matter with `layout: post` and a scalar `categories`, or finews
 *   trailer lines (`<http…>` link, `[返回…]` navigation) at the end;
 * - `hexo-rsshub`: front matter with list `categories`, `comments:`, an RFC 1123 date, `headimg`;
 * - `html`: no front matter and the document is HTML (doctype, `<html`, mostly tag lines);
 * - `markdown`: everything else, with or without front matter.
 *
 * @example
 * detectArchiveFormat('---\nlayout: post\ncategories: emnews\n---\n正文'); // 'jekyll-finews'
 */
export function detectArchiveFormat(text: string): ArchiveFormat {
  const header = scanHeader(text);
  if (header === null) return looksLikeHtml(text) ? 'html' : 'markdown';
  const { keys, lists } = header;
  let hexo = 0;
  if (lists.has('categories')) hexo++;
  if (keys.has('comments')) hexo++;
  if (RFC_1123_DATE.test(keys.get('date') ?? '')) hexo++;
  if (keys.has('headimg') || keys.has('thumbnail')) hexo++;
  let finews = 0;
  if (unquoted(keys.get('layout')) === 'post') finews++;
  const categories = keys.get('categories') ?? '';
  if (categories !== '' && !categories.startsWith('[') && !lists.has('categories')) finews++;
  if (hasFinewsTrailer(text)) finews += 2;
  if (hexo >= 2 && hexo >= finews) return 'hexo-rsshub';
  if (finews >= 2) return 'jekyll-finews';
  return 'markdown';
}

/** Keys of a leading `---` block (closing fence or not), or null when there is none. */
function scanHeader(text: string): HeaderScan | null {
  const head = text.slice(0, HEAD_CHARS).replace(/^\uFEFF/, '');
  const lines = head.split('\n');
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  if (!/^---[ \t]*$/.test(lines[i] ?? '')) return null;
  const keys = new Map<string, string>();
  const lists = new Set<string>();
  let lastKey: string | undefined;
  for (let n = i + 1; n < lines.length && n <= i + HEAD_LINES; n++) {
    const line = (lines[n] ?? '').replace(/\r$/, '');
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) break;
    const m = HEADER_KEY.exec(line);
    if (m) {
      lastKey = m[1] ?? '';
      keys.set(lastKey, (m[2] ?? '').trim());
    } else if (lastKey !== undefined && LIST_ITEM.test(line) && keys.get(lastKey) === '') {
      lists.add(lastKey);
    } else if (line.trim() === '' && keys.size > 0 && !hasClosingFence(lines, n)) {
      break;
    }
  }
  return keys.size > 0 ? { keys, lists } : null;
}

function hasClosingFence(lines: string[], from: number): boolean {
  for (let n = from; n < lines.length && n < from + HEAD_LINES; n++) {
    if (/^---[ \t]*$/.test(lines[n] ?? '')) return true;
  }
  return false;
}

function unquoted(value: string | undefined): string {
  return (value ?? '').replace(/^(['"])(.*)\1$/, '$2');
}

/** A `<http…>`/`<>` link line or `[返回…](…)` navigation among the last non-blank lines. */
export function hasFinewsTrailer(text: string): boolean {
  const tail = text.slice(-TAIL_CHARS).split('\n');
  let seen = 0;
  for (let n = tail.length - 1; n >= 0 && seen < 4; n--) {
    const line = (tail[n] ?? '').trim();
    if (line === '') continue;
    seen++;
    if (FINEWS_LINK_LINE.test(line) || FINEWS_NAV_LINE.test(line)) return true;
  }
  return false;
}

/** Doctype/`<html` at the start, or mostly tag lines starting with a tag. */
function looksLikeHtml(text: string): boolean {
  const head = skipComments(text.slice(0, HEAD_CHARS).replace(/^\uFEFF/, '').trimStart());
  if (HTML_START.test(head)) return true;
  if (!head.startsWith('<') || !TAG_LINE.test(head)) return false;
  const lines = head.split('\n').filter((l) => l.trim() !== '').slice(0, HEAD_LINES);
  const tagLines = lines.filter((l) => TAG_LINE.test(l.trim())).length;
  return tagLines >= lines.length * 0.6;
}

/** Drop leading `<!-- … -->` comments (a loop, not a regex, so it cannot backtrack). */
function skipComments(head: string): string {
  let rest = head;
  while (rest.startsWith('<!--')) {
    const end = rest.indexOf('-->');
    if (end === -1) return rest;
    rest = rest.slice(end + 3).trimStart();
  }
  return rest;
}
