/**
 * read-pdf: the entry point of the PDF source — the bytes of a newspaper PDF (one or more pages)
 * → one wire post per article, with the text repaired and continued articles joined.
 *
 * pdf.js reads the glyphs with their positions (extract-positions.ts); a page whose fonts pdf.js
 * cannot map to Unicode (no text although glyphs are drawn, or mostly U+FFFD / private-use /
 * control characters) is read again with poppler's pdftotext (poppler.ts). Each page is laid out
 * in reading order (layout-page.ts) and handed, with its line sizes, to the text-level repair and
 * segmentation (parse-pdf-text.ts).
 */
import { InvalidDocumentError } from '../../util/errors.js';
import { extractTextPositions, type PdfPageItems } from './extract-positions.js';
import { layoutPage, layoutToLines, type PageTextLine } from './layout-page.js';
import { parsePdfText } from './parse-pdf-text.js';
import { popplerTextPositions } from './poppler.js';
import type { PdfTextPost } from './types.js';
import { readEpaperPages, toEpaperPost } from './layout/read-epaper.js';

/** Options for {@link readPdf}. */
export interface ReadPdfOptions {
  /** Names the document in posts and error messages (a path or URL). */
  origin: string;
  /** The pdftotext program for the fallback; `null` disables it. Default `pdftotext`. */
  pdftotext?: string | null;
  /** pdf.js CMap folder; `null` reads without CMaps. Default: pdfjs-dist's own (see extract-positions.ts). */
  cMapUrl?: string | null;
}

/** One page's text as the repair path reads it. */
export interface PdfPageText {
  /** 1-based page number in the document. */
  page: number;
  lines: PageTextLine[];
  /** Which extractor produced the page. */
  engine: 'pdfjs' | 'poppler';
}

/** What {@link readPdf} returns. */
export interface PdfReadResult {
  /** One post per article (format `pdf-text`; `extra.page`, `extra.continuedFrom`/`continuesTo`, …). */
  posts: PdfTextPost[];
  /** The laid-out text of every page, pages separated by form feeds (kept as the raw body). */
  text: string;
  pages: PdfPageText[];
}

/** Share of bad characters (U+FFFD, private use, controls) from which a page counts as unmapped. */
const MAX_BAD_SHARE = 0.1;
const BAD_CHAR = /[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/**
 * Whether pdf.js failed to map a page's fonts to Unicode.
 * @example isUnmappedPage({ page: 1, items: [], glyphsWithoutText: true }) // true
 */
export function isUnmappedPage(page: PdfPageItems): boolean {
  if (page.glyphsWithoutText === true) return true;
  let bad = 0;
  let total = 0;
  for (const item of page.items) {
    for (const ch of item.text) {
      if (ch.trim() === '' && !BAD_CHAR.test(ch)) continue;
      total++;
      if (BAD_CHAR.test(ch)) bad++;
    }
  }
  return total > 0 && bad / total > MAX_BAD_SHARE;
}

/**
 * Read a PDF's pages as text lines: pdf.js first, pdftotext for pages pdf.js cannot map.
 * @throws InvalidDocumentError when the PDF is broken or encrypted, or no extractor can map its text.
 */
export async function readPdfText(bytes: Uint8Array, options: ReadPdfOptions): Promise<PdfPageText[]> {
  const { origin } = options;
  const pages = await extractTextPositions(bytes, origin, options.cMapUrl === undefined ? {} : { cMapUrl: options.cMapUrl });
  const engines = pages.map((): PdfPageText['engine'] => 'pdfjs');
  if (pages.some(isUnmappedPage)) {
    if (options.pdftotext === null) throw unmapped(origin, 'the pdftotext fallback is disabled');
    const fallback = await popplerTextPositions(bytes, origin, options.pdftotext ?? 'pdftotext');
    pages.forEach((page, i) => {
      const other = fallback[i];
      if (!isUnmappedPage(page) || !other) return;
      if (isUnmappedPage(other) || other.items.length === 0) throw unmapped(origin, 'pdftotext cannot either');
      pages[i] = other;
      engines[i] = 'poppler';
    });
  }
  return pages.map((p, i) => ({ page: p.page, lines: layoutToLines(layoutPage(p.items)), engine: engines[i] ?? 'pdfjs' }));
}

function unmapped(origin: string, why: string): InvalidDocumentError {
  return new InvalidDocumentError(`pdf: ${origin} has fonts that pdf.js cannot map to Unicode and ${why}`);
}

/**
 * Read a newspaper PDF into its articles.
 *
 * @throws InvalidDocumentError when the PDF is broken, encrypted, unmappable or has no article.
 * @example
 * const { posts } = await readPdf(readFileSync('2022-03-08-01.pdf'), { origin: '2022-03-08-01.pdf' });
 * posts[0]?.title // '一季度重大项目开工提速'
 */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions): Promise<PdfReadResult> {
  const epaper = options.pdftotext === null ? undefined : await readAsEpaper(bytes, options);
  return epaper ?? readPdfIssue([{ bytes, origin: options.origin }], options);
}

/**
 * A real e-paper page read from its layout (layout/read-epaper.ts) when the page names its paper
 * (PDF Title code, masthead or bylines) and has articles; undefined to use the text path, which
 * also says why a PDF that cannot be read (encrypted, broken, fonts without a Unicode map) fails.
 */
async function readAsEpaper(bytes: Uint8Array, options: ReadPdfOptions): Promise<PdfReadResult | undefined> {
  let pages;
  try {
    pages = await readEpaperPages(bytes, options.origin, options.pdftotext ?? 'pdftotext');
  } catch {
    return undefined;
  }
  if (pages.length === 0 || pages.some((p) => p.meta.outlet === undefined || p.articles.length === 0)) return undefined;
  const posts = pages.flatMap((p) => p.articles.map((a) => toEpaperPost(a, p.meta, options.origin)));
  const texts = pages.map((p) => p.articles.flatMap((a) => [a.title, ...a.paragraphs]));
  return {
    posts,
    text: texts.map((t) => t.join('\n')).join('\f'),
    pages: texts.map((t, i) => ({ page: i + 1, lines: t.map((text) => ({ text, size: 1 })), engine: 'poppler' as const })),
  };
}

/**
 * Read the page PDFs of one issue (an e-paper publishes one PDF per page) into its articles, in
 * the order given: an article that jumps (`下转第2版`) is joined with its continuation
 * (`上接第一版`) on another of the pages.
 *
 * @throws InvalidDocumentError naming the first document that cannot be read.
 * @example
 * const { posts } = await readPdfIssue([{ bytes: p1, origin: url1 }, { bytes: p2, origin: url2 }]);
 */
export async function readPdfIssue(
  documents: ReadonlyArray<{ bytes: Uint8Array; origin: string }>,
  options: Partial<ReadPdfOptions> = {},
): Promise<PdfReadResult> {
  const pages: PdfPageText[] = [];
  for (const doc of documents) pages.push(...(await readPdfText(doc.bytes, { ...options, origin: doc.origin })));
  const text = pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\f');
  const origin = options.origin ?? documents.map((d) => d.origin).join(', ');
  const posts = parsePdfText(text, origin, { pageLineSizes: pages.map((p) => p.lines.map((l) => l.size)) });
  return { posts, text, pages };
}
