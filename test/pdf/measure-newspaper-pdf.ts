/**
 * measure-newspaper-pdf: render the newspaper pages (newspaper-pages.ts) as a real PDF with a CJK
 * font, read it back through pdf.js or poppler, and measure the result against the source text —
 * per article part: character accuracy, paragraph boundaries, jump markers; per page: the article
 * count; per issue: continued articles joined across pages.
 */
import { htmlToText } from '../../src/sources/archive/body-html.js';
import { layoutPage, layoutToLines } from '../../src/sources/pdf/layout-page.js';
import { parsePdfText } from '../../src/sources/pdf/parse-pdf-text.js';
import { popplerTextPositions } from '../../src/sources/pdf/poppler.js';
import { readPdfText, type PdfPageText } from '../../src/sources/pdf/read-pdf.js';
import { segmentPage, type SegmentedArticle } from '../../src/sources/pdf/segment-text.js';
import type { PdfTextPost } from '../../src/sources/pdf/types.js';
import { charAccuracy } from './char-accuracy.js';
import { renderNewspaperPdf, type NewspaperPdfOptions } from './newspaper-pdf.js';
import { NEWSPAPER_PAGES, type NewspaperPage } from './newspaper-pages.js';
import type { TruthArticle } from './synthetic-pages.js';

/** Which extractor reads the PDF. */
export type Engine = 'pdfjs' | 'poppler';

/** Figures for one article part on one page. */
export interface NewspaperPartFigures {
  page: number;
  title: string;
  /** Accuracy of kicker/title/subtitle/byline/paragraphs joined by newlines (best-matching article). */
  accuracy: number;
  /** Same paragraph count and identical first and last paragraph. */
  boundaryRight: boolean;
  /** continuedFrom/continuesTo/source as printed. */
  markersRight: boolean;
}

/** Figures for one engine over the whole issue. */
export interface NewspaperFigures {
  engine: Engine;
  parts: NewspaperPartFigures[];
  pages: number;
  pagesWithRightCount: number;
  /** Accuracy of each whole article (continuations joined) after cross-page linking. */
  articles: Array<{ title: string; accuracy: number }>;
  articleCount: { actual: number; expected: number };
  /** Continued articles whose two parts came out as one article, in order / all continued articles. */
  jumpLinks: { right: number; expected: number };
}

function truthText(a: TruthArticle): string {
  return [a.kicker, a.title, a.subtitle, a.byline?.replace(/^[□■]\s*/u, ''), ...a.paragraphs].filter((s) => s !== undefined && s !== '').join('\n');
}

function outputText(a: SegmentedArticle): string {
  return [a.kicker, a.title, a.subtitle, a.byline, ...a.paragraphs].filter((s) => s !== undefined && s !== '').join('\n');
}

/** The best-matching unused candidate for a truth text (by character accuracy). */
function bestMatch<T>(truth: string, candidates: readonly T[], used: Set<T>, text: (c: T) => string): { match?: T; accuracy: number } {
  let best: { match?: T; accuracy: number } = { accuracy: 0 };
  for (const c of candidates) {
    if (used.has(c)) continue;
    const accuracy = charAccuracy(truth, text(c));
    if (accuracy > best.accuracy) best = { match: c, accuracy };
  }
  if (best.match !== undefined) used.add(best.match);
  return best;
}

/** Read the rendered PDF with one engine into laid-out page lines. */
export async function readWith(engine: Engine, bytes: Uint8Array, origin: string): Promise<PdfPageText[]> {
  if (engine === 'pdfjs') return readPdfText(bytes, { origin, pdftotext: null });
  const pages = await popplerTextPositions(bytes, origin);
  return pages.map((p) => ({ page: p.page, lines: layoutToLines(layoutPage(p.items)), engine }));
}

/**
 * Each distinct issue is rendered once and read by both engines: rendering (pdfkit embedding the
 * CJK font) costs ~0.4 s, reading ~0.1 s. The renderer's determinism is tested on its own.
 */
const rendered = new Map<string, Promise<Uint8Array>>();
function renderedOnce(pages: readonly NewspaperPage[], render: NewspaperPdfOptions): Promise<Uint8Array> {
  const key = JSON.stringify([pages, render]);
  let bytes = rendered.get(key);
  if (bytes === undefined) {
    bytes = renderNewspaperPdf(pages, render);
    rendered.set(key, bytes);
  }
  return bytes;
}

/** Render `pages` as one PDF, read it with `engine` and measure (see module doc). */
export async function measureNewspaperPdf(
  engine: Engine,
  pages: readonly NewspaperPage[] = NEWSPAPER_PAGES,
  render: NewspaperPdfOptions = {},
): Promise<NewspaperFigures> {
  const read = await readWith(engine, await renderedOnce(pages, render), 'newspaper.pdf');
  const parts: NewspaperPartFigures[] = [];
  let pagesWithRightCount = 0;
  pages.forEach((page, i) => {
    const lines = read[i]?.lines ?? [];
    const found = segmentPage(lines.map((l) => l.text).join('\n'), { lineSizes: lines.map((l) => l.size) }).articles;
    if (found.length === page.articles.length) pagesWithRightCount++;
    const used = new Set<SegmentedArticle>();
    for (const truth of page.articles) {
      const { match, accuracy } = bestMatch(truthText(truth), found, used, outputText);
      const paragraphs = match?.paragraphs ?? [];
      parts.push({
        page: page.page,
        title: truth.title === '' ? `(continued from page ${truth.continuedFrom ?? '?'})` : truth.title,
        accuracy,
        boundaryRight:
          paragraphs.length === truth.paragraphs.length &&
          paragraphs[0] === truth.paragraphs[0] &&
          paragraphs.at(-1) === truth.paragraphs.at(-1),
        markersRight:
          match?.continuedFrom === truth.continuedFrom && match?.continuesTo === truth.continuesTo && match?.source === truth.source,
      });
    }
  });
  const text = read.map((p) => p.lines.map((l) => l.text).join('\n')).join('\f');
  const posts = parsePdfText(text, 'newspaper.pdf', { pageLineSizes: read.map((p) => p.lines.map((l) => l.size)) });
  return { engine, parts, pages: pages.length, pagesWithRightCount, ...measureArticles(pages, posts) };
}

/** Whole-article accuracy and jump links of the posts against the joined truth. */
export function measureArticles(
  pages: readonly NewspaperPage[],
  posts: readonly PdfTextPost[],
): Pick<NewspaperFigures, 'articles' | 'articleCount' | 'jumpLinks'> {
  const expected = joinedTruth(pages);
  const used = new Set<PdfTextPost>();
  const postText = (p: PdfTextPost): string => `${p.title}\n${bodyParagraphs(p).join('\n')}`;
  let right = 0;
  const articles = expected.map((truth) => {
    const { match, accuracy } = bestMatch(`${truth.title}\n${truth.paragraphs.join('\n')}`, posts, used, postText);
    if (truth.jumpAt !== undefined && match) {
      const body = bodyParagraphs(match);
      const at = body.indexOf(truth.paragraphs[truth.jumpAt - 1] ?? '');
      if (at >= 0 && body[at + 1] === truth.paragraphs[truth.jumpAt]) right++;
    }
    return { title: truth.title, accuracy };
  });
  const jumps = expected.filter((t) => t.jumpAt !== undefined).length;
  return { articles, articleCount: { actual: posts.length, expected: expected.length }, jumpLinks: { right, expected: jumps } };
}

function bodyParagraphs(post: PdfTextPost): string[] {
  return htmlToText(post.bodyHtml.replace(/<\/p>/g, '</p>\u0000'))
    .split('\u0000')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Whole articles: continuation parts appended to their first part; `jumpAt` is where the continuation starts. */
function joinedTruth(pages: readonly NewspaperPage[]): Array<{ title: string; paragraphs: string[]; jumpAt?: number }> {
  const out: Array<{ title: string; paragraphs: string[]; jumpAt?: number; continuesTo?: number; page: number }> = [];
  for (const page of pages) {
    for (const a of page.articles) {
      const head = a.continuedFrom === undefined ? undefined : out.find((o) => o.continuesTo === page.page && o.page === a.continuedFrom);
      if (head) {
        head.jumpAt = head.paragraphs.length;
        head.paragraphs.push(...a.paragraphs);
      } else out.push({ title: a.title, paragraphs: [...a.paragraphs], page: page.page, ...(a.continuesTo === undefined ? {} : { continuesTo: a.continuesTo }) });
    }
  }
  return out.map(({ title, paragraphs, jumpAt }) => ({ title, paragraphs, ...(jumpAt === undefined ? {} : { jumpAt }) }));
}
