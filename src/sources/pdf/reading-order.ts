/**
 * reading-order: split a newspaper page into regions in reading order by recursive XY-cut over
 * the boxes of its text items.
 *
 * A region is first cut across (top to bottom) at horizontal whitespace that runs the region's
 * whole width; only if there is none, it is cut down (left to right) at vertical whitespace (a
 * column gutter) that runs its whole height; only if there is neither, headline rows are split
 * from body rows so the columns under a spanning headline can be cut next. Whitespace right under
 * a headline is cut across only when nothing stands beside the headline block: the gap between a
 * headline and its body may line up with a gap in the article beside it, and cutting there would
 * read both headlines before both bodies. A
 * closing punctuation mark hanging past the column edge does not close the gutter.
 */
import type { PositionedText } from './layout-page.js';

/**
 * A line set this many times the page's body font size or larger is headline-size (kicker, title,
 * subtitle): kickers and subtitles are often only a point or two above a 10.5 pt body.
 */
export const HEADLINE_RATIO = 1.1;

/** Options for {@link cutRegions} (sizes in body font sizes). */
export interface CutOptions {
  /** Body font size (pt) of the page. */
  bodySize: number;
  /** An item this many body sizes tall or more is headline-size. Default {@link HEADLINE_RATIO}. */
  headlineRatio?: number;
  /** Minimum horizontal whitespace to cut across. Default 1. */
  rowGap?: number;
  /** Minimum gutter to cut down. Default 0.8. */
  columnGap?: number;
}

interface Box {
  item: PositionedText;
  x0: number;
  x1: number;
  /** Bottom (descender) and top (ascender) in PDF space (y grows upwards). */
  y0: number;
  y1: number;
  head: boolean;
}

/**
 * The page's items grouped into regions in reading order (each region's items in input order).
 * @example cutRegions(items, { bodySize: 10 }).map((r) => r.length)
 */
export function cutRegions(items: readonly PositionedText[], options: CutOptions): PositionedText[][] {
  if (items.length === 0) return [];
  const body = options.bodySize;
  const headline = body * (options.headlineRatio ?? HEADLINE_RATIO);
  const boxes = items.map((item) => ({
    item,
    x0: item.x,
    // A closing mark may hang into the gutter (悬挂标点); the right half of its cell is blank anyway.
    x1: item.x + Math.max(item.width, 0) - (HANGING.test(item.text) ? item.fontSize * 0.5 : 0),
    y0: item.y - item.fontSize * 0.2,
    y1: item.y + item.fontSize * 0.85,
    head: item.fontSize >= headline,
  }));
  const settings = { body, rowGap: body * (options.rowGap ?? 1), columnGap: body * (options.columnGap ?? 0.8) };
  return cut(boxes, settings, 0).map((region) => region.map((b) => b.item));
}

interface Settings {
  body: number;
  rowGap: number;
  columnGap: number;
}

const MAX_DEPTH = 64;
const HANGING = /[，。、；：！？）」』”》]\s*$/u;

function cut(boxes: Box[], s: Settings, depth: number): Box[][] {
  if (boxes.length <= 1 || depth > MAX_DEPTH) return [boxes];
  for (const split of [cutAcross, cutDown, splitHeadlineRows]) {
    const parts = split(boxes, s);
    if (parts.length > 1) return parts.flatMap((p) => cut(p, s, depth + 1));
  }
  return [boxes];
}

/** Groups separated by full-width horizontal whitespace, top to bottom. */
function cutAcross(boxes: Box[], s: Settings): Box[][] {
  const sorted = [...boxes].sort((a, b) => b.y1 - a.y1);
  const groups: Box[][] = [];
  let group: Box[] = [];
  let low = Infinity;
  let headLow = Infinity;
  for (const box of sorted) {
    const gap = low - box.y1;
    // Right under a headline, cut only when nothing stands beside the headline block: the gap
    // may otherwise be the headline-to-body gap of two articles side by side.
    const underHeadline = headLow - low < s.body;
    if (group.length > 0 && gap >= s.rowGap && (!underHeadline || isOneBlock(group, s.columnGap))) {
      groups.push(group);
      group = [];
      low = Infinity;
      headLow = Infinity;
    }
    group.push(box);
    low = Math.min(low, box.y0);
    if (box.head) headLow = Math.min(headLow, box.y0);
  }
  groups.push(group);
  return groups;
}

/** Whether the boxes' x-projection has no hole as wide as a gutter. */
function isOneBlock(boxes: readonly Box[], gutter: number): boolean {
  const sorted = [...boxes].sort((a, b) => a.x0 - b.x0);
  let right = -Infinity;
  for (const box of sorted) {
    if (right !== -Infinity && box.x0 - right >= gutter) return false;
    right = Math.max(right, box.x1);
  }
  return true;
}

/** Groups separated by full-height vertical whitespace (gutters), left to right. */
function cutDown(boxes: Box[], s: Settings): Box[][] {
  const top = Math.max(...boxes.map((b) => b.y1));
  const bottom = Math.min(...boxes.map((b) => b.y0));
  const tallest = Math.max(...boxes.map((b) => b.y1 - b.y0));
  // A single row is read left to right as it is: a gap inside it is letter spacing, not a gutter.
  if (top - bottom < tallest * 1.6) return [boxes];
  const sorted = [...boxes].sort((a, b) => a.x0 - b.x0);
  const groups: Box[][] = [];
  let group: Box[] = [];
  let right = -Infinity;
  for (const box of sorted) {
    if (group.length > 0 && box.x0 - right >= s.columnGap) {
      groups.push(group);
      group = [];
    }
    group.push(box);
    right = Math.max(right, box.x1);
  }
  groups.push(group);
  // Side-by-side groups that share no height are stacked (a byline left of and under a centred
  // headline), not columns: keep them together for the headline split.
  const merged: Box[][] = [];
  for (const g of groups) {
    const last = merged.at(-1);
    if (last && !overlapVertically(last, g)) last.push(...g);
    else merged.push(g);
  }
  return merged;
}

function overlapVertically(a: readonly Box[], b: readonly Box[]): boolean {
  const top = (g: readonly Box[]): number => Math.max(...g.map((x) => x.y1));
  const bottom = (g: readonly Box[]): number => Math.min(...g.map((x) => x.y0));
  return Math.min(top(a), top(b)) > Math.max(bottom(a), bottom(b));
}

/** Runs of headline rows and of body rows, top to bottom (when the region has both). */
function splitHeadlineRows(boxes: Box[], s: Settings): Box[][] {
  if (boxes.every((b) => b.head) || !boxes.some((b) => b.head)) return [boxes];
  const sorted = [...boxes].sort((a, b) => b.item.y - a.item.y);
  const rows: Box[][] = [];
  for (const box of sorted) {
    const row = rows.at(-1);
    const rowY = row?.[0]?.item.y;
    if (row && rowY !== undefined && Math.abs(rowY - box.item.y) <= s.body / 3) row.push(box);
    else rows.push([box]);
  }
  const bands: Box[][] = [];
  let head: boolean | undefined;
  for (const row of rows) {
    const isHead = row.some((b) => b.head);
    if (isHead !== head) bands.push([]);
    bands[bands.length - 1]?.push(...row);
    head = isHead;
  }
  return bands;
}
