/**
 * classify-blocks: the role of each text block of a newspaper page, from its size relative to the
 * page's body text and its place — header/footer zone, headline, kicker (above a headline),
 * subtitle (below or beside one), byline (a short line next to a headline) or text.
 */
import type { BboxBlock, BboxLine, BboxPage, Box } from './bbox-blocks.js';
import { blockSize, lineText } from './block-text.js';

export type Role = 'zone' | 'title' | 'kicker' | 'subtitle' | 'byline' | 'text';

/** A block with its role and measures. */
export interface PageBlock extends Box {
  block: BboxBlock;
  role: Role;
  size: number;
  vertical: boolean;
  /** The block's lines as one string (headline spacing for titles). */
  text: string;
  /** For kicker, subtitle and byline: the title block it belongs to. */
  of?: PageBlock;
}

const HEADER_SHARE = 0.075;
/** A block that starts this high up is the header (a big section name reaching lower). */
const HEADER_TOP = 0.03;
const FOOTER_SHARE = 0.975;
/** A headline is at least this many times the body size. */
const TITLE_RATIO = 1.9;
const SUBTITLE_RATIO = 1.35;

export const overlapX = (a: Box, b: Box): number => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
export const overlapY = (a: Box, b: Box): number => Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);

/** The page's body size: the glyph size that most characters have. */
export function bodySize(page: BboxPage): number {
  const weight = new Map<number, number>();
  for (const b of page.blocks) {
    for (const l of b.lines) {
      const s = Math.round(l.size * 2) / 2;
      weight.set(s, (weight.get(s) ?? 0) + l.glyphs.length);
    }
  }
  let best = 10;
  let most = -1;
  for (const [s, w] of weight) if (w > most) [best, most] = [s, w];
  return best;
}

/** Every block of the page with its role. */
export function classifyBlocks(page: BboxPage, body: number): PageBlock[] {
  const blocks = page.blocks.map((block): PageBlock => {
    const size = blockSize(block);
    const vertical = block.lines.every((l) => l.vertical);
    const zone = block.y1 < page.height * HEADER_SHARE || (block.y0 < page.height * HEADER_TOP && !vertical) || block.y0 > page.height * FOOTER_SHARE;
    const plain = block.lines.map((l) => lineText(l)).join('');
    const sentence = [...plain].length > 12 && /[，。；]/u.test(plain);
    const role: Role = zone ? 'zone' : size >= body * TITLE_RATIO && !sentence ? 'title' : 'text';
    const text = role === 'title' ? headlineText(block) : plain;
    return { x0: block.x0, y0: block.y0, x1: block.x1, y1: block.y1, block, role, size, vertical, text };
  });
  const titles = blocks.filter((b) => b.role === 'title');
  for (const b of blocks) {
    if (b.role === 'zone') continue;
    const near = nearestTitle(b, titles, body);
    if (!near) continue;
    const [t, where] = near;
    if (b.role === 'title' && where === 'above' && b.size < t.size * 0.8) Object.assign(b, { role: 'kicker', of: t });
    else if (b.role === 'title' && where !== 'above' && (b.size < t.size * 0.6 || b.text.startsWith('——')) && alignedUnder(b, t)) Object.assign(b, { role: 'subtitle', of: t });
    else if (b.role === 'text' && b.size >= body * SUBTITLE_RATIO && where !== 'above' && [...b.text].length <= 40) Object.assign(b, { role: 'subtitle', of: t });
    else if (b.role === 'text' && b.size >= body * SUBTITLE_RATIO && where === 'above' && b.block.lines.length <= 2 && [...b.text].length <= 60) Object.assign(b, { role: 'kicker', of: t });
  }
  // Bylines stand under the headline or under its subtitle.
  const heads = blocks
    .filter((b) => b.role === 'title')
    .map((t) => {
      const subs = blocks.filter((b) => b.of === t && b.role === 'subtitle');
      const kickers = blocks.filter((b) => b.of === t && b.role === 'kicker');
      return { ...t, x0: Math.min(t.x0, ...subs.map((s) => s.x0)), x1: Math.max(t.x1, ...subs.map((s) => s.x1)), y0: Math.min(t.y0, ...kickers.map((k) => k.y0)), y1: Math.max(t.y1, ...subs.map((s) => s.y1)), of: t };
    });
  for (const b of blocks) {
    if (b.role !== 'text' || !isBylineLike(b, body)) continue;
    const near = nearestTitle(b, heads, body);
    // Above the headline (and its kicker) only with a role or credit in it: a feature's byline.
    // Its printed gaps stay: they separate the names (`记者 刘慧丽 见习记者 李衍慧`).
    let spaced = b.block.lines.map((l) => lineText(l, true)).join(' ');
    if (/^(?:\S\s+)+\S$/u.test(spaced)) spaced = spaced.replace(/\s+/gu, ''); // one name set wide: `江 畅`
    if (near && (near[1] !== 'above' || BYLINE_CUE.test(b.text))) Object.assign(b, { role: 'byline', of: near[0].of, text: spaced });
    else if (!near && BYLINE_CUE.test(b.text)) {
      // A byline with a role set lower (under a column label): the headline above it in its
      // column, with no text in between.
      const head = headAbove(b, heads, blocks, page.height);
      if (head) Object.assign(b, { role: 'byline', of: head.of, text: spaced });
    }
  }
  return blocks;
}

/**
 * A headline's text: lines drawn at the same height (a fake-bold redraw poppler kept as another
 * line) merged into one visual line, visual lines joined with a space.
 */
function headlineText(block: BboxBlock): string {
  const rows: BboxLine[] = [];
  for (const line of block.lines) {
    const row = rows.find((r) => !line.vertical && !r.vertical && overlapY(r, line) > line.size * 0.5);
    if (!row) {
      rows.push({ ...line, glyphs: [...line.glyphs] });
      continue;
    }
    row.glyphs.push(...line.glyphs);
    row.glyphs.sort((a, b) => a.x0 - b.x0);
    Object.assign(row, { x0: Math.min(row.x0, line.x0), x1: Math.max(row.x1, line.x1) });
  }
  return rows.map((r) => lineText(r, true)).join(' ');
}

/** Reach of a byline under its headline, as a share of the page height; or on its row, beside it. */
const BYLINE_REACH = 0.06;

function headAbove(b: PageBlock, heads: readonly PageBlock[], blocks: readonly PageBlock[], pageHeight: number): PageBlock | undefined {
  let best: PageBlock | undefined;
  for (const t of heads) {
    // On the headline's row, in the column next to it (the article's text starts under the byline).
    if (!t.vertical && overlapY(t, b) > 0 && Math.max(t.x0 - b.x1, b.x0 - t.x1) < t.size * 3) return t;
    if (t.y1 > b.y0 + 1 || b.y0 - t.y1 > pageHeight * BYLINE_REACH || overlapX(t, b) <= 0) continue;
    if (best === undefined || t.y1 > best.y1) best = t;
  }
  if (!best) return undefined;
  const top = best.y1;
  const between = blocks.some((o) => o !== b && o.role === 'text' && overlapX(o, b) > 0 && o.y0 >= top - 1 && o.y1 <= b.y0 + 1 && /[。，；]/u.test(o.text));
  return between ? undefined : best;
}

/**
 * A subtitle is set under its headline: within its width, centred on it or starting where it
 * starts. A smaller headline standing off to one side under it (the next article's) is none.
 */
function alignedUnder(b: PageBlock, t: PageBlock): boolean {
  if (t.vertical) return true;
  const slack = b.size;
  const within = b.x0 >= t.x0 - slack && b.x1 <= t.x1 + slack;
  const centred = Math.abs((b.x0 + b.x1) / 2 - (t.x0 + t.x1) / 2) < slack * 2;
  const leftAligned = Math.abs(b.x0 - t.x0) < slack;
  return within || centred || leftAligned;
}

/** Words that mark a byline: the reporter's role or the credit for text and pictures. */
const BYLINE_CUE = /记者|通讯员|评论员|作者|[/／]文|摄影|供图/u;
/** A byline without a role is names alone: a few Han characters, no punctuation (`朱炳元`, `李正辉 石锦建`). */
const NAMES_ONLY = /^[\p{Script=Han}·\s]{1,9}$/u;

/** A short line at most a little larger than the body: a role and names, or names alone (not a sub-head). */
function isBylineLike(b: PageBlock, body: number): boolean {
  const chars = [...b.text].length;
  if (chars === 0 || chars > 40 || b.size > body * 1.35 || /[。，；]/u.test(b.text)) return false;
  return BYLINE_CUE.test(b.text) || NAMES_ONLY.test(b.text);
}

/** The title a block sits right next to, and on which side of it: within about two lines. */
function nearestTitle(b: PageBlock, titles: readonly PageBlock[], body: number): [PageBlock, 'above' | 'below' | 'beside'] | undefined {
  for (const t of titles) {
    if (t === b) continue;
    const reach = Math.max(body * 3, t.size * 0.9);
    if (t.vertical) {
      // Vertical headline: subtitle and byline stand in columns beside it.
      const dx = Math.max(t.x0 - b.x1, b.x0 - t.x1);
      if (dx >= -1 && dx < reach * 1.5 && overlapY(b, t) > 0) return [t, 'beside'];
      continue;
    }
    if (overlapX(b, t) <= 0) continue;
    // Above: a kicker's box may reach a little into the headline's (tall glyph boxes, tight leading).
    if (b.y1 <= t.y0 + Math.max(1, Math.min(b.size, t.size) * 0.3) && b.y0 < t.y0 && t.y0 - b.y1 < t.size * 0.8) return [t, 'above'];
    if (b.y0 >= t.y1 - 1 && b.y0 - t.y1 < reach) return [t, 'below'];
  }
  return undefined;
}
