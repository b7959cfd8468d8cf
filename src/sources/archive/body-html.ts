/**
 * body-html: turn archive bodies (HTML, markdown, plain text) into HTML, and back into text.
 */
import { Marked } from 'marked';

/** A tag that only appears in an HTML body (not in markdown or plain text). */
const HTML_TAG = new RegExp(
  '</?(?:p|div|br|span|a|img|table|tr|td|center|h[1-6]|ul|ol|li|strong|b|em|i|section|article|' +
    'figure|blockquote|pre|iframe|video|font)[\\s/>]',
  'i',
);
const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
};

const marked = new Marked({ gfm: true, breaks: false });

/** Whether a body is HTML (has block or inline HTML tags) rather than markdown or plain text. */
export function isHtmlBody(body: string): boolean {
  return HTML_TAG.test(body);
}

/** Escape text for HTML element content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Plain text → `<p>` per blank-line-separated paragraph, line breaks inside kept as `<br>`. */
export function paragraphsToHtml(text: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(`<p>${current.map(escapeHtml).join('<br>\n')}</p>`);
    current = [];
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') flush();
    else current.push(trimmed);
  }
  flush();
  return paragraphs.join('\n');
}

/**
 * Deeper than this (quote markers, list markers and list indentation at the start of a line),
 * markdown is rendered as plain paragraphs: marked recurses once per level, and its cost grows
 * with depth × lines (1,000 nested list levels take 760 MB), so hostile nesting would overflow the
 * stack or exhaust memory. Real posts nest a handful of levels.
 */
export const MAX_MARKDOWN_NESTING = 32;

/** The deepest container nesting one line of `markdown` opens, counted up to `atMost`. */
export function markdownNestingDepth(markdown: string, atMost = MAX_MARKDOWN_NESTING + 1): number {
  let deepest = 0;
  let i = 0;
  while (i < markdown.length && deepest < atMost) {
    let depth = 0;
    let indent = 0;
    // One line's leading run of quote markers, list markers and indentation.
    for (;;) {
      const c = markdown[i];
      if (c === ' ') indent++;
      else if (c === '\t') indent += 4;
      else if (c === '>') depth++;
      else if ((c === '-' || c === '*' || c === '+') && (markdown[i + 1] === ' ' || markdown[i + 1] === '\t')) {
        depth += 1 + (indent >> 1);
        indent = 0;
      } else if (c !== undefined && c >= '0' && c <= '9') {
        let j = i;
        while (markdown[j] !== undefined && markdown[j]! >= '0' && markdown[j]! <= '9' && j - i < 9) j++;
        if ((markdown[j] === '.' || markdown[j] === ')') && markdown[j + 1] === ' ') {
          depth += 1 + (indent >> 1);
          indent = 0;
          i = j;
        } else break;
      } else break;
      i++;
    }
    deepest = Math.max(deepest, depth);
    const end = markdown.indexOf('\n', i);
    i = end < 0 ? markdown.length : end + 1;
  }
  return deepest;
}

/** Markdown → HTML with marked (GFM); unrenderable or hostile input falls back to plain paragraphs. */
export function renderMarkdown(markdown: string): string {
  if (markdownNestingDepth(markdown) > MAX_MARKDOWN_NESTING) return paragraphsToHtml(markdown);
  try {
    return marked.parse(markdown, { async: false }).trim();
  } catch {
    return paragraphsToHtml(markdown);
  }
}

/** Tags removed, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^<>]*>/g, ' ')
    .replace(ENTITY, (whole, ref: string) => decodeEntity(whole, ref))
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntity(whole: string, ref: string): string {
  if (ref.startsWith('#')) {
    const hex = ref[1] === 'x' || ref[1] === 'X';
    const code = hex ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return ENTITIES[ref.toLowerCase()] ?? whole;
}
