/**
 * layout-page: put positioned text items of one PDF page back into reading order — drop
 * fake-bold duplicates (the same text drawn again < 1 pt away), build line fragments, split the
 * page into bands at full-width lines (headlines spanning columns) and, inside a band, read
 * column by column (columns clustered from x positions), top to bottom.
 */

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
  for (const item of items) {
    const twin = kept.some(
      (k) => k.text === item.text && Math.abs(k.x - item.x) < tolerance && Math.abs(k.y - item.y) < tolerance,
    );
    if (!twin) kept.push(item);
  }
  return kept;
}

/** Group items into line fragments: same baseline (± ⅓ font size), no wide horizontal gap. */
export function buildLines(items: readonly PositionedText[], fragmentGap = 1.5): LayoutLine[] {
  const lines: LayoutLine[] = [];
  for (const row of baselineRows(items)) {
    let current: LayoutLine | undefined;
    for (const item of row) {
      const gap = current === undefined ? 0 : item.x - (current.x + current.width);
      if (current && gap <= fragmentGap * Math.max(current.fontSize, item.fontSize)) {
        // A small gap is a word space in Latin text, nothing in CJK text (join-lines handles that).
        current.text += gap > current.fontSize * 0.2 ? ` ${item.text}` : item.text;
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

/**
 * Put a page's items in reading order (see module doc).
 * @returns lines in reading order; bands and columns are separated by a `null`.
 */
export function layoutPage(items: readonly PositionedText[], options: LayoutOptions = {}): Array<LayoutLine | null> {
  const lines = buildLines(dedupeFakeBold(items, options.duplicateTolerance ?? 1), options.fragmentGap ?? 1.5);
  if (lines.length === 0) return [];
  const sizes = lines.map((l) => l.fontSize).sort((a, b) => a - b);
  const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 10;
  // The column width is measured on body-size lines: big headlines would inflate it.
  const widths = lines.filter((l) => l.fontSize <= bodySize * 1.1).map((l) => l.width).sort((a, b) => a - b);
  const typical = widths[Math.floor(widths.length * 0.8)] ?? 0;
  const spanning = (l: LayoutLine): boolean => l.width > typical * (options.spanningRatio ?? 1.4);
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

/**
 * Plain text of a laid-out page for the text-level pipeline (segment-text.ts): one line per
 * layout line, indented lines prefixed with `　　`, a blank line between columns and bands.
 */
export function layoutToText(layout: ReadonlyArray<LayoutLine | null>): string {
  const out: string[] = [];
  let columnLeft = Infinity;
  let block: LayoutLine[] = [];
  const flush = (): void => {
    columnLeft = Math.min(...block.map((l) => l.x));
    for (const l of block) out.push((l.x - columnLeft > l.fontSize * 1.5 ? '\u3000\u3000' : '') + l.text);
    block = [];
    out.push('');
  };
  for (const line of layout) {
    if (line === null) flush();
    else block.push(line);
  }
  if (block.length > 0) flush();
  while (out.at(-1) === '') out.pop();
  return out.join('\n');
}
