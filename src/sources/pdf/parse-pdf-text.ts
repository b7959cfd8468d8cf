/**
 * parse-pdf-text: PDF-extracted newspaper text (one or more pages, pages separated by form feeds
 * as pdftotext writes them) → one wire post per article, continued articles joined across pages.
 */
import type { ArticleFlag } from '../../model/article.js';
import { InvalidDocumentError } from '../../util/errors.js';
import { escapeHtml } from '../archive/body-html.js';
import { BYLINE_ROLE, segmentPage, type SegmentedArticle, type SegmentedPage } from './segment-text.js';
import { readTextColumns } from './text-columns.js';
import type { PdfTextPost } from './types.js';

/** An article together with the page it was found on. */
interface Placed {
  article: SegmentedArticle;
  page: number;
  date: string | undefined;
  flags: ArticleFlag[];
  /** Merged into an earlier article: not emitted on its own. */
  merged: boolean;
}


/** Options for {@link parsePdfText}. */
export interface ParsePdfTextOptions {
  /** Per page, the relative font size of each line (see segment-text.ts `lineSizes`). */
  pageLineSizes?: ReadonlyArray<readonly number[]>;
}

/**
 * Parse PDF-extracted text into one post per article. Page numbers come from the `第X版` header,
 * else from the page's position in the document.
 *
 * @param origin names the document in error messages.
 * @throws InvalidDocumentError when no article is found.
 * @example
 * const posts = parsePdfText(readFileSync(path, 'utf8'), path);
 */
export function parsePdfText(text: string, origin: string, options: ParsePdfTextOptions = {}): PdfTextPost[] {
  const pages = text.split('\f').map((page, i) => {
    const lineSizes = options.pageLineSizes?.[i];
    // Text laid out by pdftotext -layout has the page's columns side by side: read them apart.
    return lineSizes === undefined ? segmentPage(readTextColumns(page)) : segmentPage(page, { lineSizes });
  });
  const placed = placeArticles(pages);
  linkContinuations(placed);
  const posts = placed.filter((p) => !p.merged).map(toPost);
  if (posts.length === 0) throw new InvalidDocumentError(`pdf: ${origin} has no article text`);
  return posts;
}

function placeArticles(pages: SegmentedPage[]): Placed[] {
  const placed: Placed[] = [];
  pages.forEach((page, index) => {
    for (const article of page.articles) {
      if (article.title === '' && article.paragraphs.length === 0) continue;
      placed.push({ article, page: page.header.page ?? index + 1, date: page.header.date, flags: [], merged: false });
    }
  });
  return placed;
}

/** Append each `下转第N版` article's continuation (`上接第M版` on page N) to it. */
function linkContinuations(placed: Placed[]): void {
  for (const head of placed) {
    const to = head.article.continuesTo;
    if (to === undefined || head.merged) continue;
    const tail = placed.find(
      (p) => !p.merged && p !== head && p.page === to && p.article.continuedFrom === head.page,
    );
    if (!tail) {
      head.flags.push({ code: 'pdf-continued-elsewhere', message: `the article continues on page ${to}, which this document does not have` });
      continue;
    }
    tail.merged = true;
    head.article.paragraphs.push(...tail.article.paragraphs);
    if (tail.article.source !== undefined) head.article.source = tail.article.source;
    if (tail.article.continuesTo !== undefined) head.article.continuesTo = tail.article.continuesTo;
    else delete head.article.continuesTo;
  }
  for (const p of placed) {
    if (!p.merged && p.article.continuedFrom !== undefined) {
      p.flags.push({ code: 'pdf-continuation-orphan', message: `the article starts on page ${p.article.continuedFrom}, which this document does not have` });
    }
  }
}

function toPost(placed: Placed): PdfTextPost {
  const { article } = placed;
  const flags = [...placed.flags];
  if (article.title === '') flags.push({ code: 'missing-title', message: 'no headline was found for this article' });
  if (placed.date === undefined) flags.push({ code: 'missing-date', message: 'the page has no dated header' });
  const extra: Record<string, unknown> = { page: placed.page };
  for (const key of ['kicker', 'subtitle', 'byline', 'continuedFrom', 'continuesTo'] as const) {
    if (article[key] !== undefined) extra[key] = article[key];
  }
  const post: PdfTextPost = {
    format: 'pdf-text',
    title: article.title,
    date: placed.date ?? null,
    categories: [],
    tags: [],
    bodyHtml: article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
    flags,
    extra,
  };
  const author = article.byline?.replace(BYLINE_ROLE, '').trim();
  if (author) post.author = author;
  if (article.source !== undefined) post.outletHint = article.source;
  return post;
}
