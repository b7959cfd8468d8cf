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
    const raw: Array<{ box: Box; words: Word[] }> = [];
    for (const b of (page[3] ?? '').matchAll(BLOCK)) {
      for (const l of (b[5] ?? '').matchAll(LINE)) raw.push({ box: box(l), words: readWords(l[5] ?? '') });
    }
    const fix = latinBoxFix(raw.map((r) => r.words));
    const lines: BboxLine[] = [];
    for (const r of raw) {
      const line = readLine(r.box, r.words.map(fix));
      if (line.glyphs.length > 0) lines.push(line);
    }
    const cut = splitAtGutters(lines);
    cut.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    pages.push({ width: Number(page[1]), height: Number(page[2]), blocks: splitBlock(cut) });
  }
  return pages;
}

interface Word extends Box {
  text: string;
}

function readWords(xml: string): Word[] {
  return [...xml.matchAll(WORD)].map((w) => ({ ...box(w), text: decodeEntities(w[5] ?? '') }));
}

/** Anything but Chinese characters and CJK/full-width punctuation: Latin, digits, symbols like ■. */
const HAS_LATIN = /[^\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…·\s]/u;
/** A word this much taller than the Chinese words of its line has an inflated box. */
const INFLATED = 1.3;
/** Lines showing the inflation needed before it is corrected. */
const MIN_EVIDENCE = 3;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * Some papers set Latin letters and digits in a fallback font whose box is about twice the row's
 * height (App, the e of 铁路e卡通, car plates): such a word makes its line look like a headline
 * and breaks the column into pieces. The page shows the inflation on lines where such a word
 * stands beside Chinese words; learned there (how far above and below the row the box reaches,
 * as shares of its height), it is taken off every Latin-bearing word whose corrected height is a
 * height Chinese words on the page have. Pages without the evidence are left as they are.
 */
export function latinBoxFix(lines: readonly Word[][]): (w: Word) => Word {
  const tops: number[] = [];
  const bottoms: number[] = [];
  const cjkHeights = new Map<number, number>();
  for (const words of lines) {
    const cjk = words.filter((w) => !HAS_LATIN.test(w.text));
    for (const w of cjk) cjkHeights.set(Math.round(w.y1 - w.y0), (cjkHeights.get(Math.round(w.y1 - w.y0)) ?? 0) + 1);
    if (cjk.length === 0) continue;
    const row = { y0: median(cjk.map((w) => w.y0)), y1: median(cjk.map((w) => w.y1)) };
    for (const w of words) {
      const h = w.y1 - w.y0;
      if (!HAS_LATIN.test(w.text) || h < (row.y1 - row.y0) * INFLATED || w.y0 > row.y0 || w.y1 < row.y1) continue;
      tops.push((row.y0 - w.y0) / h);
      bottoms.push((w.y1 - row.y1) / h);
    }
  }
  if (tops.length < MIN_EVIDENCE) return (w) => w;
  const top = median(tops);
  const bottom = median(bottoms);
  const common = new Set([...cjkHeights].filter(([, n]) => n >= MIN_EVIDENCE).map(([h]) => h));
  return (w) => {
    if (!HAS_LATIN.test(w.text)) return w;
    const h = w.y1 - w.y0;
    const fixed = { ...w, y0: w.y0 + top * h, y1: w.y1 - bottom * h };
    const fh = Math.round(fixed.y1 - fixed.y0);
    return common.has(fh) || common.has(fh - 1) || common.has(fh + 1) ? fixed : w;
  };
}

function readLine(given: Box, words: Word[]): BboxLine {
  // The line's box from its words (some of them may have had their box corrected).
  const lineBox = words.length === 0 ? given : {
    x0: given.x0, x1: given.x1,
    y0: Math.min(...words.map((w) => w.y0)), y1: Math.max(...words.map((w) => w.y1)),
  };
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

/** Rows above and below a gap that must show the same empty channel for it to be a gutter. */
const GUTTER_ROWS = 3;

/**
 * poppler sometimes reads a row across two columns as one line (the gutter is hardly wider than
 * a glyph): a line is cut where a gap between its glyphs lines up with an empty vertical channel
 * that the rows just above and below also have — text on both sides, no glyph across it. A
 * justified space inside a column has text running across it in the neighbouring rows.
 */
export function splitAtGutters(lines: readonly BboxLine[]): BboxLine[] {
  const byTop = [...lines].sort((a, b) => a.y0 - b.y0);
  const out: BboxLine[] = [];
  for (const line of lines) {
    if (line.vertical || line.glyphs.length < 2) {
      out.push(line);
      continue;
    }
    const gs = [...line.glyphs].sort((a, b) => a.x0 - b.x0);
    const band = neighbours(byTop, line);
    let start = 0;
    for (let i = 1; i < gs.length; i++) {
      const a = gs[i - 1] as Glyph;
      const b = gs[i] as Glyph;
      if (b.x0 - a.x1 < line.size * 0.3 || !isGutter(band, line, (a.x1 + b.x0) / 2)) continue;
      out.push(lineOf(line, gs.slice(start, i)));
      start = i;
    }
    out.push(start === 0 ? line : lineOf(line, gs.slice(start)));
  }
  return out;
}

/** Horizontal lines of about the same size within a few rows of `line` (not itself). */
function neighbours(byTop: readonly BboxLine[], line: BboxLine): BboxLine[] {
  const reach = line.size * (GUTTER_ROWS + 1) * 1.5;
  return byTop.filter((o) => o !== line && !o.vertical && Math.abs(o.y0 - line.y0) < reach && Math.abs(o.size - line.size) < line.size * 0.25);
}

function isGutter(band: readonly BboxLine[], line: BboxLine, m: number): boolean {
  const near = line.size * 3;
  const rows = new Map<number, { left: boolean; right: boolean }>();
  for (const o of band) {
    const key = Math.round(o.y0 / (line.size * 0.5));
    const row = rows.get(key) ?? { left: false, right: false };
    for (const g of o.glyphs) {
      if (g.x0 < m && g.x1 > m) return false; // text runs across
      if (g.x1 <= m && g.x1 > m - near) row.left = true;
      if (g.x0 >= m && g.x0 < m + near) row.right = true;
    }
    rows.set(key, row);
  }
  return [...rows.values()].filter((r) => r.left && r.right).length >= GUTTER_ROWS;
}

function acrossGutter(byTop: readonly BboxLine[], a: BboxLine, b: BboxLine): boolean {
  const [left, right] = a.x0 <= b.x0 ? [a, b] : [b, a];
  if (right.x0 < left.x1) return false;
  const band = neighbours(byTop, b).filter((o) => o !== a);
  return isGutter(band, b, (left.x1 + right.x0) / 2);
}

function lineOf(line: BboxLine, glyphs: Glyph[]): BboxLine {
  return { ...line, x0: Math.min(...glyphs.map((g) => g.x0)), x1: Math.max(...glyphs.map((g) => g.x1)), glyphs };
}

/**
 * poppler sometimes puts side-by-side columns (or a table and the text beside it) into one block:
 * a block is split into runs of lines that stand one under the other — each line joins the run
 * whose last line is right above it, at the same size; else it starts a run.
 */
export function splitBlock(lines: readonly BboxLine[]): BboxBlock[] {
  const runs: BboxLine[][] = [];
  const byTop = [...lines].sort((a, b) => a.y0 - b.y0);
  for (const line of lines) {
    // A row poppler cut in two (justified spaces) goes back into the row it belongs to, unless
    // the cut is a column gutter.
    const row = runs.find((r) => sameRowWithin(r, line) && !acrossGutter(byTop, r[r.length - 1] as BboxLine, line));
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

const BYLINE_CUE = /记者|通讯员|[/／]文|摄影|供图/u;
const text = (l: BboxLine): string => l.glyphs.map((g) => g.ch).join('');

/** A byline line (`记者 张三 李四/文`) under a finished paragraph: it is no part of that paragraph. */
function bylineAfterParagraph(last: BboxLine, line: BboxLine): boolean {
  const t = text(line);
  return BYLINE_CUE.test(t) && !/[，。；！？]/u.test(t) && /[。！？”]$/u.test(text(last));
}

/** A byline line over the first line of the text (`新甘肃·甘肃法治报记者 齐洪德`): a block of its own. */
function bylineOverText(last: BboxLine, line: BboxLine): boolean {
  const t = text(last);
  return BYLINE_CUE.test(t) && !/[，。；！？（）()]/u.test(t) && [...t].length <= 30 && line.x0 - last.x0 > line.size * 0.9;
}

function continuesRun(last: BboxLine, line: BboxLine): boolean {
  if (bylineAfterParagraph(last, line) || bylineOverText(last, line)) return false;
  if (line.vertical || last.vertical) return line.vertical && last.vertical && Math.abs(line.x0 - last.x0) < line.size * 0.5 && sameRow(last, line);
  const overlap = Math.min(last.x1, line.x1) - Math.max(last.x0, line.x0);
  const sameSize = Math.abs(last.size - line.size) < Math.max(last.size, line.size) * 0.25;
  const gap = line.y0 - last.y1;
  // Under it: overlapping most of the shorter line, or starting at about the same left edge
  // (a row's first fragment after an indented first line).
  const under = overlap > Math.min(last.x1 - last.x0, line.x1 - line.x0) * 0.5 || (overlap > -line.size && Math.abs(line.x0 - last.x0) < line.size * 2.5);
  return sameSize && under && gap > -last.size * 0.5 && gap < last.size * 1.2;
}
