/**
 * assemble-articles: the text blocks of a page grouped under their headlines. A text block
 * belongs to the headline nearest above it (or, for the columns of an article whose headline
 * spans only part of its width, beside it) that no other headline separates it from; within an
 * article the blocks are read column by column, top to bottom.
 */
import type { Box } from './bbox-blocks.js';
import { blockParagraphs } from './block-text.js';
import { overlapX, overlapY, type PageBlock } from './classify-blocks.js';

/** One article of a page before metadata. */
export interface PageArticle {
  title: string;
  kicker?: string;
  subtitle?: string;
  byline?: string;
  paragraphs: string[];
  box: Box;
}

/** Weight of horizontal against vertical distance when picking a block's headline. */
const SIDEWAYS = 1;
/** Text blocks farther than this share of the page height from every headline are not articles. */
const MAX_REACH = 0.6;
/** A block whose text has fewer sentence marks than one per this many characters is not prose. */
const PROSE_MARK_EVERY = 70;

/** Group a page's blocks into articles; blocks left over (tables, ads, banners) are dropped. */
export function assembleArticles(blocks: readonly PageBlock[], body: number, pageHeight: number): PageArticle[] {
  const titles = blocks.filter((b) => b.role === 'title');
  const members = new Map<PageBlock, PageBlock[]>(titles.map((t) => [t, []]));
  const leads = new Map<PageBlock, PageBlock[]>(titles.map((t) => [t, []]));
  const captions = blocks.filter((b) => b.role === 'text' && PHOTO_CREDIT.test(b.text));
  // A caption's other lines poppler kept apart: in the credit's box, or a short block of the
  // credit's size on its row (the credit set flush right after the caption's last line).
  const inCaption = (b: PageBlock): boolean => captions.some((c) => c === b || (overlapY(b, c) > b.size * 0.5 &&
    (overlapX(b, c) > 0 || (b.block.lines.length <= 3 && Math.abs(b.size - c.size) < c.size * 0.15))));
  for (const b of blocks) {
    if (b.role !== 'text' || !isProse(b, body) || inCaption(b) || strayHead(b, blocks, body)) continue;
    const t = pickTitle(b, titles, pageHeight, body);
    if (t) members.get(t)?.push(b);
    else if ((b.text.match(/[。！？]/gu) ?? []).length > 0) {
      // No headline above it: a feature's intro (sentences), set above its headline, byline and kicker.
      const below = introOf(b, titles, blocks, pageHeight);
      if (below) leads.get(below)?.push(b);
    }
  }
  const labels = blocks.filter((b) => AD_LABEL.test(b.text.replace(/\s+/gu, '')));
  const articles: PageArticle[] = [];
  for (const t of titles) {
    const texts = members.get(t) ?? [];
    if (labels.some((l) => adOf(l, titles) === t)) continue;
    const intro = (leads.get(t) ?? []).sort((a, b) => a.y0 - b.y0);
    const paragraphs = [...readParagraphs(intro, body), ...readParagraphs(orderColumns(texts, body), body)];
    const all = paragraphs.join('');
    // A banner, a headline without text, or a data box: articles have sentences.
    if (all.length < 100 || (all.match(/[。！？]/gu) ?? []).length < 2) continue;
    const own = (role: PageBlock['role']): string | undefined => {
      const found = blocks.filter((b) => b.of === t && b.role === role).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
      if (found.length === 0) return undefined;
      // Names spread over one-glyph blocks (`杨`, `义`) join without a space; two names keep one.
      const spaced = role === 'byline' && found.every((b) => [...b.text].length > 1);
      return found.map((b) => b.text).join(spaced ? ' ' : '').replace(/^——\s*/u, '');
    };
    const article: PageArticle = { title: t.text, paragraphs, box: t };
    const kicker = own('kicker');
    const subtitle = own('subtitle');
    const byline = own('byline');
    if (kicker !== undefined) article.kicker = kicker;
    if (subtitle !== undefined) article.subtitle = subtitle;
    if (byline !== undefined) article.byline = byline;
    articles.push(article);
  }
  return articles;
}

/** The label papers print on an advertisement (the law wants ads told apart from news). */
const AD_LABEL = /^[（(【\[]?广告[）)】\]]?$/u;

/** The headline a 广告 label marks: the nearest above it whose width takes in the label. */
function adOf(label: PageBlock, titles: readonly PageBlock[]): PageBlock | undefined {
  const cx = (label.x0 + label.x1) / 2;
  let best: PageBlock | undefined;
  for (const t of titles) if (t.y0 < label.y0 && cx >= t.x0 && cx <= t.x1 && (best === undefined || t.y0 > best.y0)) best = t;
  return best;
}

/** A photo caption ends with its credit (`新甘肃·甘肃法治报通讯员朱艳霞摄`): no article text. */
const PHOTO_CREDIT = /(?:记者|通讯员|摄影|图[/／]?)[\p{Script=Han}·\s]{1,12}摄$/u;

/** Text this much smaller than the page's body text is no article text. */
const SMALL_PRINT = 0.9;

/** Reach of an intro above its headline, as a share of the page height. */
const INTRO_REACH = 0.12;

/**
 * The headline right under a prose block that has none above it: the nearest one below that it
 * overlaps in width, with only that headline's byline and kicker (or nothing) in between.
 */
function introOf(b: PageBlock, titles: readonly PageBlock[], blocks: readonly PageBlock[], pageHeight: number): PageBlock | undefined {
  let best: PageBlock | undefined;
  for (const t of titles) {
    if (t.y0 < b.y1 - 1 || t.y0 - b.y1 > pageHeight * INTRO_REACH || overlapX(t, b) <= 0) continue;
    if (best && best.y0 <= t.y0) continue;
    const between = blocks.filter((o) => o !== b && o !== t && o.role !== 'zone' && o.y0 >= b.y1 - 1 && o.y1 <= t.y0 + 1 && overlapX(o, b) > 0);
    if (between.every((o) => o.of === t)) best = t;
  }
  return best;
}

/** A sub-head with no running text right under it (a table's or box's heading) is no article text. */
function strayHead(b: PageBlock, blocks: readonly PageBlock[], body: number): boolean {
  if (b.size < body * 1.15) return false;
  return !blocks.some((o) => o !== b && o.role === 'text' && o.size < body * 1.15 && isProse(o, body) &&
    overlapX(o, b) > 0 && o.y0 >= b.y0 && o.y0 - b.y1 < body * 3);
}

function isProse(b: PageBlock, body: number): boolean {
  if (b.size < body * SMALL_PRINT) return false; // table notes, credits: set smaller than the text
  if (b.size >= body * 1.15) return true; // a sub-head
  const chars = [...b.text].length;
  const marks = (b.text.match(/[，。；：！？、]/gu) ?? []).length;
  return chars < 20 ? marks > 0 : marks * PROSE_MARK_EVERY >= chars;
}

function pickTitle(b: PageBlock, titles: readonly PageBlock[], pageHeight: number, body: number): PageBlock | undefined {
  let best: PageBlock | undefined;
  let bestCost = pageHeight * MAX_REACH;
  for (const t of titles) {
    if (t.y0 > b.y1 || b.y0 < t.y0 - t.size * 2) continue; // the block is not under nor beside it
    const dv = Math.max(0, b.y0 - t.y1);
    const dh = Math.max(0, t.x0 - b.x1, b.x0 - t.x1);
    if (dh > 0 && dv > 0 && !t.vertical) continue;
    // Beside a headline: only the article's own columns next to it, not text a page width away.
    if (dh > (b.x1 - b.x0) + body * 2 && !t.vertical) continue;
    if (separated(t, b, titles)) continue;
    const cost = dv + dh * SIDEWAYS;
    if (cost < bestCost) [best, bestCost] = [t, cost];
  }
  return best;
}

/** Whether another headline stands between headline `t` and block `b` in b's columns. */
function separated(t: PageBlock, b: PageBlock, titles: readonly PageBlock[]): boolean {
  return titles.some((o) => o !== t && overlapX(o, b) > 0 && o.y0 >= t.y1 - 1 && o.y1 <= b.y0 + 1);
}

/** Blocks in reading order: wide blocks (an intro across columns) first, then column by column. */
function orderColumns(texts: PageBlock[], body: number): PageBlock[] {
  const widths = texts.map((b) => b.x1 - b.x0).sort((a, b) => a - b);
  const usual = widths[Math.floor(widths.length / 2)] ?? 0;
  const wide = (b: PageBlock): boolean => b.x1 - b.x0 > usual * 1.7;
  // Columns: left edges within a few glyphs of the column's first left edge (sub-heads are indented).
  const columns = new Map<PageBlock, number>();
  let start = -Infinity;
  let id = -1;
  for (const b of [...texts].sort((x, y) => x.x0 - y.x0)) {
    if (b.x0 - start > body * 3) [start, id] = [b.x0, id + 1];
    columns.set(b, id);
  }
  const column = (b: PageBlock): number => columns.get(b) ?? 0;
  return [...texts].sort((a, b) => {
    if (wide(a) !== wide(b)) return wide(a) ? -1 : 1;
    if (wide(a)) return a.y0 - b.y0;
    return column(a) - column(b) || a.y0 - b.y0;
  });
}

const LONE_PUNCTUATION = /^[，。；：！？、”’）》」』\s]+$/u;

function readParagraphs(blocks: PageBlock[], body: number): string[] {
  const out: string[] = [];
  let afterHead = false;
  for (const b of blocks) {
    const { paragraphs, continues: goesOn } = blockParagraphs(b.block);
    if (b.size >= body * 1.15) {
      out.push(paragraphs.join('')); // a sub-head stands alone
      afterHead = true;
      continue;
    }
    const continues = goesOn && !afterHead;
    afterHead = false;
    paragraphs.forEach((p, i) => {
      const last = out.length - 1;
      const join = last >= 0 && ((i === 0 && continues && !/[。！？”]$/u.test(out[last] ?? '')) || LONE_PUNCTUATION.test(p) || /[“‘（《]$/u.test(out[last] ?? ''));
      if (join) out[last] += p;
      else out.push(p);
    });
  }
  return out;
}
