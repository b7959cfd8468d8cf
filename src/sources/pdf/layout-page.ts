/**
 * layout-page: put positioned text items of one PDF page back into reading order — drop
 * fake-bold duplicates (the same text drawn again < 1 pt away), cut the page into regions
 * (reading-order.ts), build line fragments and, inside a region, split bands at spanning or
 * headline-size lines and read column by column (columns clustered from x positions).
 */
import { cutRegions, HEADLINE_RATIO } from './reading-order.js';

/** One text item with its position (PDF user space: points, y grows upwards). */
export interface PositionedText {
  text: string;
  /** Left edge of the baseline. */
  x: number;
  /** Baseline. */
  y: number;
  /** Advance width of the whole item. */
  width: number;
  fontSize: number;
  fontName: string;
}

/** A run of items on one baseline with no column gap inside. */
export interface LayoutLine {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Largest font size on the line. */
  fontSize: number;
}

/** Options for {@link layoutPage}. */
export interface LayoutOptions {
  /** Two identical items closer than this (pt, both axes) are one fake-bold glyph run. Default 1. */
  duplicateTolerance?: number;
  /** A horizontal gap wider than this many font sizes splits a line into two fragments. Default 1.5. */
  fragmentGap?: number;
  /** A line wider than this share of the typical line width spans columns. Default 1.4. */
  spanningRatio?: number;
}

/**
 * Drop fake-bold duplicates: an item with the same text as an earlier one less than
 * `tolerance` pt away on both axes.
 * @example dedupeFakeBold([a, { ...a, x: a.x + 0.5 }]) // [a]
 */
export function dedupeFakeBold(items: readonly PositionedText[], tolerance = 1): PositionedText[] {
  const kept: PositionedText[] = [];
  const byText = new Map<string, PositionedText[]>();
  for (const item of items) {
    const same = byText.get(item.text) ?? [];
    if (same.some((k) => Math.abs(k.x - item.x) < tolerance && Math.abs(k.y - item.y) < tolerance)) continue;
    same.push(item);
    byText.set(item.text, same);
    kept.push(item);
  }
  return kept;
}

/**
 * Group items into line fragments: same baseline (± ⅓ font size), no wide horizontal gap. A gap
 * wider than the row's usual letter spacing by ⅕ font size is a word space (kept as one space;
 * justified-spaces.ts drops it again next to CJK characters).
 */
export function buildLines(items: readonly PositionedText[], fragmentGap = 1.5): LayoutLine[] {
  const lines: LayoutLine[] = [];
  for (const row of baselineRows(items)) {
    const spacing = usualGap(row);
    let current: LayoutLine | undefined;
    for (const item of row) {
      const gap = current === undefined ? 0 : item.x - (current.x + current.width);
      if (current && gap <= fragmentGap * Math.max(current.fontSize, item.fontSize)) {
        current.text += gap - spacing > current.fontSize * 0.2 ? ` ${item.text}` : item.text;
        current.width = item.x + item.width - current.x;
        current.fontSize = Math.max(current.fontSize, item.fontSize);
      } else {
        current = { text: item.text, x: item.x, y: item.y, width: item.width, fontSize: item.fontSize };
        lines.push(current);
      }
    }
  }
  return lines;
}

/** The median gap between neighbouring items of a row (letter spacing of glyph-by-glyph text), at least 0. */
function usualGap(row: readonly PositionedText[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < row.length; i++) {
    const a = row[i - 1];
    const b = row[i];
    if (a && b) gaps.push(b.x - (a.x + a.width));
  }
  // Only a row of many items is glyph-by-glyph text with a letter spacing to measure.
  if (gaps.length < 3) return 0;
  gaps.sort((a, b) => a - b);
  return Math.max(0, gaps[Math.floor(gaps.length / 2)] ?? 0);
}

/** Items grouped by baseline (top row first), each row sorted left to right. */
function baselineRows(items: readonly PositionedText[]): PositionedText[][] {
  const sorted = items.filter((i) => i.text.trim() !== '').sort((a, b) => b.y - a.y);
  const rows: PositionedText[][] = [];
  let rowY = Infinity;
  let rowSize = 0;
  for (const item of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(rowY - item.y) <= Math.max(rowSize, item.fontSize) / 3) row.push(item);
    else {
      rows.push([item]);
      rowY = item.y;
      rowSize = item.fontSize;
    }
  }
  return rows.map((r) => r.sort((a, b) => a.x - b.x));
}

/**
 * Cluster lines into columns by their left edge: a new column starts where the sorted left edges
 * jump by more than `gap` pt. Columns are returned left to right, lines top to bottom.
 */
export function clusterColumns(lines: readonly LayoutLine[], gap: number): LayoutLine[][] {
  const byX = [...lines].sort((a, b) => a.x - b.x);
  const columns: LayoutLine[][] = [];
  let last = -Infinity;
  for (const line of byX) {
    if (line.x - last > gap || columns.length === 0) columns.push([]);
    columns[columns.length - 1]?.push(line);
    last = line.x;
  }
  return columns.map((c) => c.sort((a, b) => b.y - a.y));
}

/** The body font size of a page: the size most of its characters are set in. */
export function bodyFontSize(items: ReadonlyArray<{ text: string; fontSize: number }>): number {
  const weighted = items.map((i) => [i.fontSize, Array.from(i.text.trim()).length] as const).sort((a, b) => a[0] - b[0]);
  const total = weighted.reduce((n, [, w]) => n + w, 0);
  let seen = 0;
  for (const [size, weight] of weighted) {
    seen += weight;
    if (seen * 2 >= total) return size;
  }
  return 10;
}

/**
 * Put a page's items in reading order: fake-bold twins dropped, the page cut into regions
 * (reading-order.ts), each region read band by band and column by column.
 * @returns lines in reading order; regions and columns are separated by a `null`.
 */
export function layoutPage(items: readonly PositionedText[], options: LayoutOptions = {}): Array<LayoutLine | null> {
  const unique = dedupeFakeBold(
    items.filter((i) => i.text.trim() !== ''),
    options.duplicateTolerance ?? 1,
  );
  if (unique.length === 0) return [];
  const bodySize = bodyFontSize(unique);
  const out: Array<LayoutLine | null> = [];
  for (const region of cutRegions(unique, { bodySize })) {
    out.push(...layoutRegion(buildLines(region, options.fragmentGap ?? 1.5), bodySize, options), null);
  }
  while (out.at(-1) === null) out.pop();
  return out;
}

/** One region: bands split at spanning or headline-size lines, each band read column by column. */
function layoutRegion(lines: readonly LayoutLine[], bodySize: number, options: LayoutOptions): Array<LayoutLine | null> {
  // The column width is measured on body-size lines: big headlines would inflate it.
  const widths = lines.filter((l) => l.fontSize < bodySize * HEADLINE_RATIO).map((l) => l.width).sort((a, b) => a - b);
  const typical = widths[Math.floor(widths.length * 0.8)] ?? Infinity;
  const spanning = (l: LayoutLine): boolean =>
    l.width > typical * (options.spanningRatio ?? 1.4) || l.fontSize >= bodySize * HEADLINE_RATIO;
  const out: Array<LayoutLine | null> = [];
  const pending: LayoutLine[] = [];
  const flushBand = (): void => {
    // Indents stay inside their column: only a jump wider than 3 body font sizes is a new column.
    for (const column of clusterColumns(pending, bodySize * 3)) out.push(...column, null);
    pending.length = 0;
  };
  for (const line of [...lines].sort((a, b) => b.y - a.y)) {
    if (spanning(line)) {
      flushBand();
      out.push(line, null);
    } else pending.push(line);
  }
  flushBand();
  while (out.at(-1) === null) out.pop();
  return out;
}


/** One line of page text with its font size relative to the page's body size. */
export interface PageTextLine {
  /** The line ('' for a paragraph break); indented lines start with `　　`. */
  text: string;
  /** Font size / body font size (1 for body text, 0 for a blank line). */
  size: number;
}

/**
 * The lines of a laid-out page for the text-level pipeline (segment-text.ts) with their relative
 * sizes. Columns follow each other with no break (a paragraph may run on into the next column);
 * a paragraph ends with a blank line where its last line stops short of the column's right edge;
 * an indented first line is prefixed with `　　`; headline-size lines are set off by blank lines.
 */
export function layoutToLines(layout: ReadonlyArray<LayoutLine | null>): PageTextLine[] {
  const real = layout.filter((l): l is LayoutLine => l !== null);
  const body = bodyFontSize(real);
  const out: PageTextLine[] = [];
  const blank = (): void => {
    if (out.length > 0 && out.at(-1)?.text !== '') out.push({ text: '', size: 0 });
  };
  const flush = (block: LayoutLine[]): void => {
    const left = Math.min(...block.map((l) => l.x));
    const rights = block.filter((l) => l.fontSize < body * HEADLINE_RATIO).map((l) => l.x + l.width).sort((a, b) => a - b);
    // Most lines of a column are justified to its right edge; one hanging mark must not move it.
    const right = rights.length >= 3 ? (rights[Math.floor(rights.length / 2)] ?? 0) : Math.max(...rights);
    for (const l of block) {
      const size = l.fontSize / body;
      if (size >= HEADLINE_RATIO) {
        blank();
        out.push({ text: l.text, size });
        blank();
        continue;
      }
      const indent = l.x - left > l.fontSize * 1.5 ? '\u3000\u3000' : '';
      out.push({ text: indent + l.text, size });
      if (l.x + l.width < right - l.fontSize * 1.5) blank();
    }
  };
  let block: LayoutLine[] = [];
  for (const line of layout) {
    if (line !== null) block.push(line);
    else if (block.length > 0) {
      flush(block);
      block = [];
    }
  }
  if (block.length > 0) flush(block);
  while (out.at(-1)?.text === '') out.pop();
  return out;
}

/** Plain text of a laid-out page: {@link layoutToLines} joined by newlines. */
export function layoutToText(layout: ReadonlyArray<LayoutLine | null>): string {
  return layoutToLines(layout)
    .map((l) => l.text)
    .join('\n');
}
