/**
 * newspaper-pdf: render {@link NewspaperPage}s as real PDFs with pdfkit and a CJK TrueType font
 * (WenQuanYi Zen Hei from Debian's fonts-wqy-zenhei, embedded as a CID font with Identity-H), laid
 * out as a newspaper does: a dated page header, articles stacked on a column grid, centred
 * headlines drawn twice 0.5 pt apart (fake bold), kicker and subtitle, bylines in a second face,
 * justified body lines (letter-spaced, or every glyph placed on its own), hanging punctuation,
 * indented paragraphs, jump markers and source endings. Deterministic: fixed creation date, no
 * randomness, so the same pages give the same bytes.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { NewspaperPage, PlacedArticle } from './newspaper-pages.js';

/** The Debian path of the font and the faces used. */
export const CJK_FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
const FACE = 'WenQuanYiZenHei';
const BYLINE_FACE = 'WenQuanYiZenHeiMono';

/** Page geometry (pt). */
const PAGE_WIDTH = 560;
const PAGE_HEIGHT = 860;
const MARGIN = 36;
const BLOCK_GAP = 22;
const FAKE_BOLD_OFFSET = 0.5;

const CHINESE_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Closing punctuation never starts a line: it hangs at the end of the previous one. */
const NO_LINE_START = new Set(['，', '。', '、', '；', '：', '！', '？', '）', '”', '》', '％']);

/** Type measures (pt). */
export interface Geometry {
  /** Space between columns. Default 14. */
  gutter: number;
  /** Body font size. Default 10. */
  bodySize: number;
  /** Baseline-to-baseline distance of body lines. Default 16. */
  leading: number;
}

const DEFAULT_GEOMETRY: Geometry = { gutter: 14, bodySize: 10, leading: 16 };

/** Options for {@link renderNewspaperPdf}. */
export interface NewspaperPdfOptions {
  /** Encrypt with this user password (for the encrypted-file test). */
  userPassword?: string;
  /** Type measures; unset fields take their defaults. */
  geometry?: Partial<Geometry>;
}

/** Whether the CJK font the generator needs is installed (apt `fonts-wqy-zenhei`). */
export function hasCjkFont(): boolean {
  return existsSync(CJK_FONT_PATH);
}

/**
 * Render pages as one PDF (one page per entry).
 * @example const bytes = await renderNewspaperPdf([NEWSPAPER_PAGES[0]]);
 */
export async function renderNewspaperPdf(
  pages: readonly NewspaperPage[],
  options: NewspaperPdfOptions = {},
): Promise<Uint8Array> {
  if (!hasCjkFont()) throw new Error(`newspaper-pdf: ${CJK_FONT_PATH} is missing: apt-get install fonts-wqy-zenhei`);
  const doc = new PDFDocument({
    margin: 0,
    autoFirstPage: false,
    info: { Title: 'caixun test paper', CreationDate: new Date(Date.UTC(2022, 2, 8)) },
    ...(options.userPassword === undefined ? {} : { userPassword: options.userPassword, pdfVersion: '1.4' as const }),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('body', CJK_FONT_PATH, FACE);
  doc.registerFont('byline', CJK_FONT_PATH, BYLINE_FACE);
  const g = { ...DEFAULT_GEOMETRY, ...options.geometry };
  for (const page of pages) renderPage(doc, page, g);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

function renderPage(doc: PDFKit.PDFDocument, page: NewspaperPage, g: Geometry): void {
  doc.addPage({ size: [PAGE_WIDTH, page.height ?? PAGE_HEIGHT], margin: 0 });
  doc.font('body').fontSize(9);
  const headerY = MARGIN + 9;
  draw(doc, `${page.date} ${page.weekday}`, MARGIN, headerY);
  const label = `第${page.page}版　${page.section}`;
  draw(doc, label, PAGE_WIDTH - MARGIN - doc.widthOfString(label), headerY);
  doc.moveTo(MARGIN, headerY + 6).lineTo(PAGE_WIDTH - MARGIN, headerY + 6).lineWidth(0.8).stroke();
  const columnWidth = (PAGE_WIDTH - 2 * MARGIN - g.gutter * (page.columns - 1)) / page.columns;
  const bottoms = Array.from({ length: page.columns }, () => headerY + 6);
  for (const article of page.articles) {
    const { column, span } = article.place;
    const top = Math.max(...bottoms.slice(column, column + span)) + BLOCK_GAP;
    const left = MARGIN + column * (columnWidth + g.gutter);
    const width = span * columnWidth + (span - 1) * g.gutter;
    const bottom = renderArticle(doc, article, page, { left, top, width, columnWidth, span }, g);
    for (let c = column; c < column + span; c++) bottoms[c] = bottom;
  }
}

interface Box {
  left: number;
  top: number;
  width: number;
  columnWidth: number;
  span: number;
}

/** Draw one article in its box; returns the y (from the top) where it ends. */
function renderArticle(doc: PDFKit.PDFDocument, article: PlacedArticle, page: NewspaperPage, box: Box, g: Geometry): number {
  let y = box.top;
  const place = article.place;
  const titleSize = place.titleSize ?? 22;
  const headline = (text: string, size: number, bold: boolean): void => {
    doc.font('body').fontSize(size);
    for (const line of splitHeadline(doc, text, box.width)) {
      const w = doc.widthOfString(line);
      const x = (place.align ?? 'center') === 'center' ? box.left + (box.width - w) / 2 : box.left;
      y += size;
      for (const dx of bold ? [0, FAKE_BOLD_OFFSET] : [0]) {
        if (page.glyphMode === 'line') draw(doc, line, x + dx, y);
        else drawGlyphs(doc, line, x + dx, y);
      }
      y += size * 0.25;
    }
    y += size * 0.25;
  };
  if (article.kicker) headline(article.kicker, 12, false);
  if (article.title !== '') headline(article.title, titleSize, place.fakeBold ?? true);
  if (article.subtitle) headline(`——${article.subtitle}`, 12, false);
  if (article.byline) {
    doc.font('byline').fontSize(g.bodySize);
    y += g.bodySize + 4;
    draw(doc, article.byline, box.left, y);
    y += 4;
  }
  const lines = layoutBody(doc, article, box.columnWidth, g.bodySize);
  const perColumn = Math.ceil(lines.length / box.span);
  let end = y;
  for (let c = 0; c < box.span; c++) {
    const x0 = box.left + c * (box.columnWidth + g.gutter);
    lines.slice(c * perColumn, (c + 1) * perColumn).forEach((line, i) => {
      const baseline = y + g.leading * (i + 1);
      drawBodyLine(doc, line, { x0, baseline, width: box.columnWidth, size: g.bodySize }, page.glyphMode);
      end = Math.max(end, baseline + 4);
    });
  }
  return end;
}

/** A headline too wide for its box is set on two or more lines of balanced length. */
function splitHeadline(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const chars = Array.from(text);
  const count = Math.ceil(doc.widthOfString(text) / width);
  if (count <= 1) return [text];
  const per = Math.ceil(chars.length / count);
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += per) lines.push(chars.slice(i, i + per).join(''));
  return lines;
}

/** One wrapped body line: its text, indentation, bold lead-in length, whether it is justified. */
interface BodyLine {
  text: string;
  indent: boolean;
  justify: boolean;
  /** Characters at the start printed fake-bold. */
  bold: number;
}

function layoutBody(doc: PDFKit.PDFDocument, article: PlacedArticle, width: number, size: number): BodyLine[] {
  doc.font('body').fontSize(size);
  const lines: BodyLine[] = [];
  if (article.continuedFrom !== undefined) {
    lines.push({ text: `（上接第${CHINESE_NUMERALS[article.continuedFrom] ?? article.continuedFrom}版）`, indent: false, justify: false, bold: 0 });
  }
  article.paragraphs.forEach((paragraph, p) => {
    let text = paragraph;
    const last = p === article.paragraphs.length - 1;
    if (last && article.continuesTo !== undefined) text += `（下转第${String.fromCharCode(0xff10 + article.continuesTo)}版）`;
    if (last && article.source !== undefined) text += `（来源：${article.source}）`;
    const bold = article.boldLeads?.includes(p) ? paragraph.indexOf('：') + 1 : 0;
    const wrapped = wrap(doc, text, width, size * 2);
    wrapped.forEach((line, i) => {
      lines.push({ text: line, indent: i === 0, justify: i < wrapped.length - 1, bold: i === 0 ? bold : 0 });
    });
  });
  return lines;
}

/** Greedy line breaking by measured width, with hanging closing punctuation. */
function wrap(doc: PDFKit.PDFDocument, text: string, width: number, indent: number): string[] {
  const tokens = text.match(/[A-Za-z0-9.%]+|[\s\S]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  let room = width - indent;
  for (const token of tokens) {
    if (line === '' || doc.widthOfString(line + token) <= room || NO_LINE_START.has(token)) {
      line += token;
      continue;
    }
    lines.push(line);
    line = token === ' ' ? '' : token;
    room = width;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Where a body line goes: column left edge, baseline, column width, font size. */
interface LineSlot {
  x0: number;
  baseline: number;
  width: number;
  size: number;
}

function drawBodyLine(doc: PDFKit.PDFDocument, line: BodyLine, slot: LineSlot, mode: 'line' | 'glyph'): void {
  const { x0, baseline, width, size } = slot;
  doc.font('body').fontSize(size);
  const x = x0 + (line.indent ? size * 2 : 0);
  const room = width - (x - x0);
  const chars = Array.from(line.text);
  const spacing = line.justify && chars.length > 1 ? (room - doc.widthOfString(line.text)) / (chars.length - 1) : 0;
  if (mode === 'line') {
    if (line.bold > 0) {
      const lead = chars.slice(0, line.bold).join('');
      draw(doc, lead, x, baseline, spacing);
      draw(doc, lead, x + FAKE_BOLD_OFFSET, baseline, spacing);
      const rest = chars.slice(line.bold).join('');
      draw(doc, rest, x + doc.widthOfString(lead) + spacing * line.bold, baseline, spacing);
    } else draw(doc, line.text, x, baseline, spacing);
    return;
  }
  let cursor = x;
  chars.forEach((ch, i) => {
    draw(doc, ch, cursor, baseline);
    if (i < line.bold) draw(doc, ch, cursor + FAKE_BOLD_OFFSET, baseline);
    cursor += doc.widthOfString(ch) + spacing;
  });
}

/** Draw a string glyph by glyph (each glyph its own text object), baseline at y. */
function drawGlyphs(doc: PDFKit.PDFDocument, text: string, x: number, y: number): void {
  let cursor = x;
  for (const ch of text) {
    draw(doc, ch, cursor, y);
    cursor += doc.widthOfString(ch);
  }
}

/** Draw a string with its baseline at y (from the top of the page). */
function draw(doc: PDFKit.PDFDocument, text: string, x: number, y: number, characterSpacing = 0): void {
  doc.text(text, x, y, { lineBreak: false, baseline: 'alphabetic', characterSpacing });
}
