/**
 * render-extracted: a deterministic artefact generator. It lays a {@link TruthPage} out the way a
 * newspaper does (hard wraps at the column width, indents, jump markers, source endings) and then
 * injects what naive PDF extraction does to it: justification spaces inside CJK runs, fake-bold
 * doubling of headlines and bold lead-ins, and (optionally) one headline block emitted last.
 */
import { displayWidth, isLatinWordChar, isWideChar } from '../../src/sources/pdf/repair/char-class.js';
import type { TruthArticle, TruthPage } from './synthetic-pages.js';

/** Artefact settings; every choice is drawn from a seeded generator, so output is stable. */
export interface ArtefactOptions {
  seed: number;
  /** Chance that a gap next to a CJK character gets a justification space. Default 0.15. */
  spaceRate?: number;
  /** Chance that a whole line is spaced out (`国 内 生 产`). Default 0.2. */
  spacedLineRate?: number;
  /** Double headlines and bold lead-ins. Default true. */
  fakeBold?: boolean;
}

const CHINESE_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Closing punctuation never starts a line: it hangs at the end of the previous one. */
const NO_LINE_START = new Set(['，', '。', '、', '；', '：', '！', '？', '）', '”', '》', '%']);

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Split text into layout tokens: one wide character, or one run of Latin letters/digits/`.%`. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9.%]+|[\s\S]/gu) ?? [];
}

/** Hard-wrap one paragraph at `width` cells; the first line may start with an indent. */
export function wrapParagraph(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const token of tokens(text)) {
    const fits = displayWidth(line + token) <= width;
    if (fits || NO_LINE_START.has(token) || line.trim() === '') line += token;
    else {
      lines.push(line);
      line = token;
    }
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}

/** Double a text the way naive extraction of fake-bold does: chunk by chunk (2–5 chars each). */
export function doubleChunks(text: string, random: () => number): string {
  const chars = Array.from(text);
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const size = 2 + Math.floor(random() * 4);
    const chunk = chars.slice(i, i + size).join('');
    out += chunk + chunk;
    i += size;
  }
  return out;
}

/** Insert justification spaces next to CJK characters (never inside a Latin word or number). */
function justify(line: string, random: () => number, rate: number, spacedRate: number): string {
  const chars = Array.from(line);
  const spaced = random() < spacedRate;
  let out = '';
  chars.forEach((ch, i) => {
    out += ch;
    const next = chars[i + 1];
    if (next === undefined || ch === '\u3000' || next === '\u3000') return;
    if (isLatinWordChar(ch) && isLatinWordChar(next)) return;
    if (!isWideChar(ch) && !isWideChar(next)) return;
    if (spaced || random() < rate) out += ' ';
  });
  return out;
}

function pageLabel(page: number): string {
  return CHINESE_NUMERALS[page] ?? String(page);
}

function headlineLines(article: TruthArticle, random: () => number, fakeBold: boolean): string[] {
  const lines: string[] = [];
  if (article.kicker) lines.push(article.kicker);
  lines.push(fakeBold ? doubleChunks(article.title, random) : article.title);
  if (article.subtitle) lines.push(`——${article.subtitle}`);
  return lines;
}

function bodyLines(article: TruthArticle, page: TruthPage, random: () => number, options: Required<ArtefactOptions>): string[] {
  const lines: string[] = [];
  const indent = page.indent ? '\u3000\u3000' : '';
  if (article.continuedFrom !== undefined) lines.push(`（上接第${pageLabel(article.continuedFrom)}版）`);
  article.paragraphs.forEach((paragraph, p) => {
    let text = paragraph;
    if (article.continuesTo !== undefined && p === article.paragraphs.length - 1) text += `（下转第${article.continuesTo}版）`;
    if (article.source !== undefined && p === article.paragraphs.length - 1) text += `（来源：${article.source}）`;
    const wrapped = wrapParagraph(text, page.width, indent);
    const bold = options.fakeBold && article.boldLeads?.includes(p) ? paragraph.indexOf('：') + 1 : 0;
    wrapped.forEach((line, n) => {
      let out = line;
      if (n === 0 && bold > 0) {
        const lead = indent + paragraph.slice(0, bold);
        out = indent + doubleChunks(lead.slice(indent.length), random) + line.slice(lead.length);
      }
      lines.push(justify(out, random, options.spaceRate, options.spacedLineRate));
    });
  });
  return lines;
}

/**
 * Render a page as a PDF extractor would give it: header lines, then each article's headline
 * block, byline and wrapped body, with the configured artefacts.
 * @example renderExtractedPage(SYNTHETIC_PAGES[0], { seed: 1 })
 */
export function renderExtractedPage(page: TruthPage, artefacts: ArtefactOptions): string {
  const options: Required<ArtefactOptions> = { spaceRate: 0.15, spacedLineRate: 0.2, fakeBold: true, ...artefacts };
  const random = seededRandom(options.seed);
  const lines = [`${page.date} ${page.weekday}`, `第${page.page}版`, ''];
  let last: string[] = [];
  page.articles.forEach((article, a) => {
    const headline = headlineLines(article, random, options.fakeBold);
    if (a === page.headlineLast) last = headline;
    else lines.push(...headline);
    if (article.byline) lines.push(article.byline);
    lines.push(...bodyLines(article, page, random, options), '');
  });
  lines.push(...last);
  return lines.join('\n');
}
