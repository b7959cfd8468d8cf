/**
 * Plain text and image list from SANITISED HTML, with a single-pass tokenizer: the
 * sanitiser's output is well-formed and escapes `<`, `>` and quotes, so no full parse is needed.
 */
import { isArticleImage } from './images.js';

const blockTags = new Set([
  'blockquote', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'hr', 'li', 'ol', 'p', 'pre', 'ul',
]);

const named: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…',
  middot: '·', times: '×', divide: '÷', yen: '¥', copy: '©', reg: '®', deg: '°',
};

/** Decodes character references (`&amp;`, `&#123;`, `&#x7B;`, common named ones). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const cp = Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
      return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '';
    }
    return named[ref] ?? whole;
  });
}

/** Appends text to a line buffer, collapsing HTML whitespace (and no-break spaces) to one space. */
function appendText(buf: string, raw: string): string {
  const t = decodeEntities(raw).replace(/[ \t\n\r\f\u00a0]+/g, ' ');
  return buf.endsWith(' ') && t.startsWith(' ') ? buf + t.slice(1) : buf + t;
}

/**
 * Text of sanitised HTML: each block, and each `<br>`-separated line, becomes a paragraph;
 * paragraphs are joined by a blank line (`\n\n`). A table becomes one paragraph with one
 * line per row and cells separated by a tab. Whitespace collapses to one space (the
 * ideographic space 　 inside a line is kept, no-break spaces become spaces); entities are decoded.
 */
export function htmlToText(html: string): string {
  const paras: string[] = [];
  let cur = '';
  let rows: string[] | null = null;
  let cells: string[] = [];
  let tableDepth = 0;
  const take = (): string => {
    const t = cur.trim();
    cur = '';
    return t;
  };
  const push = (): void => {
    const t = take();
    if (t !== '') paras.push(t);
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt !== i) {
      const stop = lt < 0 ? html.length : lt;
      const raw = html.slice(i, stop);
      if (raw.trim() === '') {
        if (cur !== '' && !cur.endsWith(' ')) cur += ' ';
      } else cur = appendText(cur, raw);
      i = stop;
      continue;
    }
    const gt = html.indexOf('>', lt);
    if (gt < 0) {
      cur = appendText(cur, html.slice(lt));
      break;
    }
    const closing = html.charCodeAt(lt + 1) === 47; // '/'
    let end = lt + (closing ? 2 : 1);
    while (end < gt && /[a-zA-Z0-9]/.test(html.charAt(end))) end++;
    const tag = html.slice(lt + (closing ? 2 : 1), end).toLowerCase();
    i = gt + 1;
    if (tag === 'table') {
      tableDepth += closing ? -1 : 1;
      if (!closing && tableDepth === 1) {
        push();
        rows = [];
      } else if (closing && tableDepth <= 0 && rows !== null) {
        tableDepth = 0;
        if (rows.length > 0) paras.push(rows.join('\n'));
        rows = null;
      }
    } else if (rows !== null) {
      if (tag === 'td' || tag === 'th') {
        if (closing) cells.push(take());
        else cur = '';
      } else if (tag === 'tr' && closing) {
        if (cells.some((c) => c !== '')) rows.push(cells.join('\t'));
        cells = [];
      } else if (tag === 'caption' && closing) {
        const t = take();
        if (t !== '') rows.push(t);
      } else if ((tag === 'br' || blockTags.has(tag)) && !cur.endsWith(' ')) cur += ' ';
    } else if (tag === 'br' || blockTags.has(tag)) push();
  }
  push();
  return paras.join('\n\n');
}

/** Absolute article image URLs of sanitised HTML, in order, without duplicates. */
export function listImages(html: string): string[] {
  const seen = new Set<string>();
  for (const m of html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g)) {
    const src = decodeEntities(m[1] ?? '');
    if (isArticleImage(src)) seen.add(src);
  }
  return [...seen];
}
