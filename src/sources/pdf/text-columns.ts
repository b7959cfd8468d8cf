/**
 * text-columns: a page as `pdftotext -layout` writes it — the columns of the page side by side on
 * each line, set apart by runs of spaces — read back column by column (recursive XY cut over the
 * character grid): a region is cut at the gutters that run through all its rows, else at the rows
 * that are blank all across, and its parts are read left to right or top to bottom. Text that has
 * no columns side by side is returned as it is.
 */
import { readHeaderLine } from './page-header.js';

/** Share of lines with a gap of this many spaces between text for the page to be taken as side-by-side columns. */
const MIN_GAP_SHARE = 0.25;
const SIDE_GAP = /\S {3,}\S/u;
/** The first rows of a page where its running header may stand. */
const HEADER_ROWS = 3;
/** A gutter is at least this many character cells wide. */
const MIN_GUTTER = 2;

interface Region {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The page's text read column by column, regions separated by a blank line; unchanged when the
 * page has no columns side by side.
 * @example readTextColumns('左栏第一行甲   右栏第一行乙\n左栏第二行丙   右栏第二行丁') // '左栏第一行甲\n左栏第二行丙\n\n右栏第一行乙\n右栏第二行丁'
 */
export function readTextColumns(page: string): string {
  const lines = page.split('\n').map((l) => [...l.replace(/\t/gu, '    ').trimEnd()]);
  const nonBlank = lines.filter((l) => l.some((c) => c !== ' '));
  if (nonBlank.length === 0 || nonBlank.filter((l) => SIDE_GAP.test(l.join(''))).length < nonBlank.length * MIN_GAP_SHARE) return page;
  const width = Math.max(...lines.map((l) => l.length));
  // The running header (date, page, section on one wide row) is read whole and first: cut into
  // cells it would be taken for headlines.
  const out: string[] = [];
  const rows = lines.map((l, i) => (l.some((c) => c !== ' ') ? i : -1)).filter((i) => i >= 0);
  for (const i of rows.slice(0, HEADER_ROWS)) {
    const text = (lines[i] ?? []).join('');
    if (readHeaderLine(text) === null) continue;
    out.push(text.trim().replace(/\s{3,}/gu, '   '));
    lines[i] = [];
  }
  for (const r of cut(lines, { top: 0, bottom: lines.length, left: 0, right: width })) out.push(regionText(lines, r));
  return out.filter((t) => t !== '').join('\n\n');
}

const filled = (lines: readonly string[][], row: number, col: number): boolean => (lines[row]?.[col] ?? ' ') !== ' ';

function cut(lines: readonly string[][], region: Region): Region[] {
  const r = shrink(lines, region);
  if (r === null) return [];
  // Gutters: runs of columns empty in every row of the region.
  const parts: Region[] = [];
  let start = r.left;
  let empty = 0;
  for (let col = r.left; col <= r.right; col++) {
    let blank = col < r.right;
    for (let row = r.top; blank && row < r.bottom; row++) if (filled(lines, row, col)) blank = false;
    if (blank) {
      empty++;
      continue;
    }
    if (empty >= MIN_GUTTER && col - empty > start) {
      parts.push({ ...r, left: start, right: col - empty });
      start = col;
    }
    empty = 0;
  }
  if (parts.length > 0) {
    parts.push({ ...r, left: start, right: r.right });
    return parts.flatMap((p) => cut(lines, p));
  }
  // Else bands between rows blank all across the region.
  const bands: Region[] = [];
  let top = r.top;
  for (let row = r.top; row < r.bottom; row++) {
    let blank = true;
    for (let col = r.left; blank && col < r.right; col++) if (filled(lines, row, col)) blank = false;
    if (blank) {
      if (row > top) bands.push({ ...r, top, bottom: row });
      top = row + 1;
    }
  }
  if (bands.length === 0) return [r];
  if (top < r.bottom) bands.push({ ...r, top, bottom: r.bottom });
  return bands.length === 1 ? [r] : bands.flatMap((b) => cut(lines, b));
}

/** The region without its empty border rows and columns; null when it is empty. */
function shrink(lines: readonly string[][], r: Region): Region | null {
  let { top, bottom, left, right } = r;
  const rowEmpty = (row: number): boolean => {
    for (let col = left; col < right; col++) if (filled(lines, row, col)) return false;
    return true;
  };
  const colEmpty = (col: number): boolean => {
    for (let row = top; row < bottom; row++) if (filled(lines, row, col)) return false;
    return true;
  };
  while (top < bottom && rowEmpty(top)) top++;
  while (bottom > top && rowEmpty(bottom - 1)) bottom--;
  while (left < right && colEmpty(left)) left++;
  while (right > left && colEmpty(right - 1)) right--;
  return top < bottom && left < right ? { top, bottom, left, right } : null;
}

/** A region's lines, each cut to the region's width, the region's left edge as their margin. */
function regionText(lines: readonly string[][], r: Region): string {
  const rows: string[] = [];
  for (let row = r.top; row < r.bottom; row++) rows.push((lines[row] ?? []).slice(r.left, r.right).join('').trimEnd());
  return rows.join('\n').replace(/^\n+|\n+$/gu, '');
}
