/**
 * bbox-blocks: poppler's own layout of a page (`pdftotext -bbox-layout`: blocks of lines of words,
 * each with its box) as plain data, every word split into glyph boxes so that fake bold (a glyph
 * drawn twice at about the same place) can be dropped glyph by glyph.
 *
 * Coordinates are poppler's: points from the top-left corner, y growing downwards.
 */
import { decodeEntities } from '../poppler.js';

/** A box: left, top, right, bottom. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One glyph with its (estimated) box. */
export interface Glyph extends Box {
  ch: string;
}

/** One text line of a block. */
export interface BboxLine extends Box {
  /** Set top to bottom (a vertical headline): one glyph per line of the page. */
  vertical: boolean;
  /** The glyph size: the line's height, or its width when vertical. */
  size: number;
  glyphs: Glyph[];
}

/** One poppler block: a run of lines poppler put together. */
export interface BboxBlock extends Box {
  lines: BboxLine[];
}

/** One page. */
export interface BboxPage {
  width: number;
  height: number;
  blocks: BboxBlock[];
}

const PAGE = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/gu;
const BLOCK = /<block xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/block>/gu;
const LINE = /<line xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([\s\S]*?)<\/line>/gu;
const WORD = /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/gu;
const TITLE = /<title>([^<]*)<\/title>/u;

const box = (m: RegExpMatchArray): Box => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) });

/** The PDF's Title as pdftotext writes it in the head; '' when none. */
export function readBboxTitle(xhtml: string): string {
  return decodeEntities(TITLE.exec(xhtml.slice(0, 4000))?.[1] ?? '').trim();
}

/**
 * Pages of `pdftotext -bbox-layout` output.
 * @example parseBboxBlocks('<page width="600" height="800"><block xMin="0" yMin="0" xMax="20" yMax="10"><line xMin="0" yMin="0" xMax="20" yMax="10"><word xMin="0" yMin="0" xMax="20" yMax="10">稳增</word></line></block></page>')[0]?.blocks.length // 1
 */
export function parseBboxBlocks(xhtml: string): BboxPage[] {
  const pages: BboxPage[] = [];
  for (const page of xhtml.matchAll(PAGE)) {
    // poppler's blocks are sometimes single lines and sometimes two columns: the page's lines are
    // grouped again into runs that stand one under the other.
    const lines: BboxLine[] = [];
    for (const b of (page[3] ?? '').matchAll(BLOCK)) {
      for (const l of (b[5] ?? '').matchAll(LINE)) {
        const line = readLine(box(l), l[5] ?? '');
        if (line.glyphs.length > 0) lines.push(line);
      }
    }
    lines.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    pages.push({ width: Number(page[1]), height: Number(page[2]), blocks: splitBlock(lines) });
  }
  return pages;
}

function readLine(lineBox: Box, xml: string): BboxLine {
  const words = [...xml.matchAll(WORD)].map((w) => ({ ...box(w), text: decodeEntities(w[5] ?? '') }));
  const chars = words.reduce((n, w) => n + [...w.text].length, 0);
  const w = lineBox.x1 - lineBox.x0;
  const h = lineBox.y1 - lineBox.y0;
  // A vertical line is a column of glyphs: tall and about one glyph wide.
  const vertical = chars > 1 && h > w * 1.8 && words.every((word) => word.x1 - word.x0 < (word.y1 - word.y0) * 1.2);
  const glyphs: Glyph[] = [];
  for (const word of words) {
    const cs = [...word.text];
    cs.forEach((ch, i) => {
      if (vertical) {
        const step = (word.y1 - word.y0) / cs.length;
        glyphs.push({ ch, x0: word.x0, x1: word.x1, y0: word.y0 + i * step, y1: word.y0 + (i + 1) * step });
      } else {
        const step = (word.x1 - word.x0) / cs.length;
        glyphs.push({ ch, x0: word.x0 + i * step, x1: word.x0 + (i + 1) * step, y0: word.y0, y1: word.y1 });
      }
    });
  }
  return { ...lineBox, vertical, size: vertical ? w : h, glyphs };
}

/**
 * poppler sometimes puts side-by-side columns (or a table and the text beside it) into one block:
 * a block is split into runs of lines that stand one under the other — each line joins the run
 * whose last line is right above it, at the same size; else it starts a run.
 */
export function splitBlock(lines: readonly BboxLine[]): BboxBlock[] {
  const runs: BboxLine[][] = [];
  for (const line of lines) {
    // A row poppler cut in two (justified spaces) goes back into the row it belongs to.
    const row = runs.find((r) => sameRowWithin(r, line));
    if (row) {
      const last = row[row.length - 1] as BboxLine;
      row[row.length - 1] = { ...last, x0: Math.min(last.x0, line.x0), x1: Math.max(last.x1, line.x1), glyphs: [...last.glyphs, ...line.glyphs].sort((a, b) => a.x0 - b.x0) };
      continue;
    }
    const run = runs.find((r) => continuesRun(r[r.length - 1] as BboxLine, line));
    if (run) run.push(line);
    else runs.push([line]);
  }
  return runs.map((r) => ({
    x0: Math.min(...r.map((l) => l.x0)),
    y0: Math.min(...r.map((l) => l.y0)),
    x1: Math.max(...r.map((l) => l.x1)),
    y1: Math.max(...r.map((l) => l.y1)),
    lines: r,
  }));
}

const sameRow = (a: BboxLine, b: BboxLine): boolean => Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > b.size * 0.5;

/** Whether `line` stands on the last row of run `r`, inside the run's width (or right next to it). */
function sameRowWithin(r: readonly BboxLine[], line: BboxLine): boolean {
  const last = r[r.length - 1] as BboxLine;
  if (line.vertical || last.vertical || !sameRow(last, line) || Math.abs(last.size - line.size) > line.size * 0.25) return false;
  const x0 = Math.min(...r.map((l) => l.x0));
  const x1 = Math.max(...r.map((l) => l.x1));
  const inside = r.length > 1 && line.x0 >= x0 - line.size * 0.5 && line.x1 <= x1 + line.size * 0.5;
  const rowGap = Math.max(line.x0 - last.x1, last.x0 - line.x1);
  return inside || rowGap < line.size; // the rest of the row, or a redraw of it
}

function continuesRun(last: BboxLine, line: BboxLine): boolean {
  if (line.vertical || last.vertical) return line.vertical && last.vertical && Math.abs(line.x0 - last.x0) < line.size * 0.5 && sameRow(last, line);
  const overlap = Math.min(last.x1, line.x1) - Math.max(last.x0, line.x0);
  const sameSize = Math.abs(last.size - line.size) < Math.max(last.size, line.size) * 0.25;
  const gap = line.y0 - last.y1;
  // Under it: overlapping most of the shorter line, or starting at about the same left edge
  // (a row's first fragment after an indented first line).
  const under = overlap > Math.min(last.x1 - last.x0, line.x1 - line.x0) * 0.5 || (overlap > -line.size && Math.abs(line.x0 - last.x0) < line.size * 2.5);
  return sameSize && under && gap > -last.size * 0.5 && gap < last.size * 1.2;
}
