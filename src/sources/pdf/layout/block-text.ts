/**
 * block-text: the text of poppler blocks — fake bold dropped glyph by glyph, justified spaces
 * gone (a space is kept only between Latin words, or at a wide gap inside a headline), PUA
 * punctuation mapped, and a block's lines joined into paragraphs from their indents.
 */
import type { BboxBlock, BboxLine, BboxPage, Glyph } from './bbox-blocks.js';
import { mapPuaPunctuation } from './pua-punctuation.js';

/** Glyphs closer than this share of their size to one with the same character are a redraw. */
const SAME_PLACE = 0.35;
const CELL = 4;

/**
 * Drop every glyph that repeats a glyph already seen at about the same place on the page (fake
 * bold: the same text drawn twice, slightly offset). Lines left empty are dropped too.
 */
export function dropFakeBold(page: BboxPage): BboxPage {
  const seen = new Map<string, Glyph[]>();
  const keep = (g: Glyph, size: number): boolean => {
    const cx = Math.round(g.x0 / CELL);
    const cy = Math.round(g.y0 / CELL);
    const near = SAME_PLACE * size;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const o of seen.get(`${g.ch}|${cx + dx}|${cy + dy}`) ?? []) {
          if (Math.abs(o.x0 - g.x0) < near && Math.abs(o.y0 - g.y0) < near) return false;
        }
      }
    }
    const key = `${g.ch}|${cx}|${cy}`;
    seen.set(key, [...(seen.get(key) ?? []), g]);
    return true;
  };
  const blocks = page.blocks
    .map((b) => ({ ...b, lines: b.lines.map((l) => ({ ...l, glyphs: l.glyphs.filter((g) => g.ch.trim() === '' || keep(g, l.size)) })).filter((l) => l.glyphs.length > 0) }))
    .filter((b) => b.lines.length > 0);
  return { ...page, blocks };
}

const LATIN = /[0-9A-Za-z%.+\-]/u;

/**
 * A line's text: glyphs in order, a space only between two Latin/digit glyphs that are apart, or
 * (`headline`) at a gap much wider than the line's usual letter spacing.
 */
export function lineText(line: BboxLine, headline = false): string {
  const gs = line.glyphs;
  const gaps: number[] = [];
  for (let i = 1; i < gs.length; i++) gaps.push(gap(line, gs[i - 1] as Glyph, gs[i] as Glyph));
  const usual = median(gaps);
  let out = gs[0]?.ch ?? '';
  for (let i = 1; i < gs.length; i++) {
    const prev = gs[i - 1] as Glyph;
    const cur = gs[i] as Glyph;
    const g = gaps[i - 1] ?? 0;
    const latin = LATIN.test(prev.ch) && LATIN.test(cur.ch) && g > line.size * 0.15;
    const wide = headline && g > line.size * 0.3 && g > usual + line.size * 0.25;
    out += (latin || wide ? ' ' : '') + cur.ch;
  }
  return mapPuaPunctuation(out).trim();
}

function gap(line: BboxLine, a: Glyph, b: Glyph): number {
  return line.vertical ? b.y0 - a.y1 : b.x0 - a.x1;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** The median glyph size of a block's lines. */
export function blockSize(block: BboxBlock): number {
  return median(block.lines.map((l) => l.size));
}

const ENDS_PARAGRAPH = /[。！？!?…”」』）)：:]$/u;

/**
 * Whether a block's lines start at many different places (text set around a picture), not at
 * the block's edge or one indent in from it.
 */
function shaped(block: BboxBlock): boolean {
  const size = blockSize(block);
  const starts = block.lines.map((l) => l.x0 - block.x0).filter((d) => d > size * 2.5);
  return starts.length > block.lines.length / 3;
}

/**
 * A block's lines as paragraphs: a line indented by about a glyph or more, or following a line
 * that stops short of the block's right edge after closing punctuation, starts a new one. The
 * first paragraph is marked `continues` when the block's first line is not indented (it goes on
 * from the previous block of the article).
 */
export function blockParagraphs(block: BboxBlock): { paragraphs: string[]; continues: boolean } {
  const paragraphs: string[] = [];
  let continues = false;
  block.lines.forEach((line, i) => {
    const text = lineText(line);
    if (text === '') return;
    const prev = block.lines[i - 1];
    // Indented against the block's left edge — and, in text set around a picture (lines starting
    // wherever the shape lets them), only after a line that ended its sentence.
    // A line starting where the one above starts (the column narrowed by an inset) is no indent.
    const indented = line.x0 - block.x0 > line.size * 0.9 &&
      (prev === undefined || ENDS_PARAGRAPH.test(lineText(prev)) || (!shaped(block) && line.x0 - prev.x0 > line.size * 0.9));
    const prevShort = prev !== undefined && prev.x1 < block.x1 - prev.size * 1.5 && ENDS_PARAGRAPH.test(paragraphs.at(-1) ?? '');
    if (i === 0) continues = !indented;
    // A centred line above (a sub-head set in the column) stands alone.
    const prevCentred = prev !== undefined && prev.x0 - block.x0 > prev.size * 0.9 && block.x1 - prev.x1 > prev.size * 0.9 &&
      Math.abs((prev.x0 - block.x0) - (block.x1 - prev.x1)) < prev.size * 1.5;
    if (paragraphs.length === 0 || indented || prevShort || prevCentred) paragraphs.push(text);
    else paragraphs[paragraphs.length - 1] += text;
  });
  return { paragraphs, continues };
}
