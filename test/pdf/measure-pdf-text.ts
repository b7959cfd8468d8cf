/**
 * measure-pdf-text: run the text-level PDF pipeline on the synthetic pages and measure it against
 * their truth — per-article character accuracy, and segmentation (article count, boundaries,
 * continuation markers) per page and after cross-page linking.
 */
import { parsePdfText } from '../../src/sources/pdf/parse-pdf-text.js';
import { segmentPage, type SegmentedArticle } from '../../src/sources/pdf/segment-text.js';
import { htmlToText } from '../../src/sources/archive/body-html.js';
import { charAccuracy } from './char-accuracy.js';
import { renderExtractedPage, type ArtefactOptions } from './render-extracted.js';
import { SYNTHETIC_PAGES, type TruthArticle, type TruthPage } from './synthetic-pages.js';

/** Figures for one article part on one page. */
export interface PartFigures {
  page: number;
  title: string;
  /** Accuracy of kicker/title/subtitle/byline/paragraphs joined by newlines. */
  accuracy: number;
  /** Same paragraph count and identical first and last paragraph. */
  boundaryRight: boolean;
  /** continuedFrom/continuesTo/source all as printed. */
  markersRight: boolean;
}

/** Figures for the whole run. */
export interface PdfTextFigures {
  parts: PartFigures[];
  /** Pages whose article count is right / all pages. */
  pagesWithRightCount: number;
  pages: number;
  /** Accuracy of each whole article (continuations joined) from {@link parsePdfText}. */
  articles: Array<{ title: string; accuracy: number }>;
  /** Articles parsePdfText returned / expected. */
  articleCount: { actual: number; expected: number };
  minPartAccuracy: number;
  meanArticleAccuracy: number;
}

/** The printed byline mark (`□ 许明哲`) is layout, not text: the pipeline drops it on purpose. */
function truthText(a: TruthArticle): string {
  return [a.kicker, a.title, a.subtitle, a.byline?.replace(/^[□■]\s*/u, ''), ...a.paragraphs].filter((s) => s !== undefined).join('\n');
}

function outputText(a: SegmentedArticle): string {
  return [a.kicker, a.title, a.subtitle, a.byline, ...a.paragraphs].filter((s) => s !== undefined).join('\n');
}

/** Render every synthetic page with `artefacts` (seed offset per page) and measure the pipeline. */
export function measurePdfText(
  artefacts: ArtefactOptions = { seed: 7 },
  pages: readonly TruthPage[] = SYNTHETIC_PAGES,
): PdfTextFigures {
  const rendered = pages.map((page, i) => renderExtractedPage(page, { ...artefacts, seed: artefacts.seed + i }));
  const parts: PartFigures[] = [];
  let pagesWithRightCount = 0;
  pages.forEach((page, i) => {
    const found = segmentPage(rendered[i] ?? '').articles;
    if (found.length === page.articles.length) pagesWithRightCount++;
    page.articles.forEach((truth, a) => {
      const out = found[a];
      const paragraphs = out?.paragraphs ?? [];
      parts.push({
        page: page.page,
        title: truth.title,
        accuracy: out ? charAccuracy(truthText(truth), outputText(out)) : 0,
        boundaryRight:
          paragraphs.length === truth.paragraphs.length &&
          paragraphs[0] === truth.paragraphs[0] &&
          paragraphs.at(-1) === truth.paragraphs.at(-1),
        markersRight:
          out?.continuedFrom === truth.continuedFrom &&
          out?.continuesTo === truth.continuesTo &&
          out?.source === truth.source,
      });
    });
  });
  const expected = joinedTruth(pages);
  const posts = parsePdfText(rendered.join('\f'), 'synthetic.txt');
  const articles = expected.map((truth, i) => {
    const post = posts[i];
    const body = post ? htmlToText(post.bodyHtml.replace(/<\/p>/g, '</p>\u0000')).split('\u0000').map((p) => p.trim()).filter((p) => p !== '').join('\n') : '';
    return { title: truth.title, accuracy: charAccuracy(`${truth.title}\n${truth.paragraphs.join('\n')}`, `${post?.title ?? ''}\n${body}`) };
  });
  return {
    parts,
    pagesWithRightCount,
    pages: pages.length,
    articles,
    articleCount: { actual: posts.length, expected: expected.length },
    minPartAccuracy: Math.min(...parts.map((p) => p.accuracy)),
    meanArticleAccuracy: articles.reduce((s, a) => s + a.accuracy, 0) / articles.length,
  };
}

/** The truth articles as whole stories: continuation parts appended to their first part. */
function joinedTruth(pages: readonly TruthPage[]): Array<{ title: string; paragraphs: string[] }> {
  const out: Array<{ title: string; paragraphs: string[]; continuesTo?: number; page: number }> = [];
  for (const page of pages) {
    for (const a of page.articles) {
      const head = a.continuedFrom === undefined ? undefined : out.find((o) => o.continuesTo === page.page && o.page === a.continuedFrom);
      if (head) head.paragraphs.push(...a.paragraphs);
      else out.push({ title: a.title, paragraphs: [...a.paragraphs], page: page.page, ...(a.continuesTo === undefined ? {} : { continuesTo: a.continuesTo }) });
    }
  }
  return out.map(({ title, paragraphs }) => ({ title, paragraphs }));
}
