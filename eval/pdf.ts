/**
 * eval pdf: character accuracy and segmentation of the PDF reading (issue 6).
 * - synthetic: the text-level repair on extracted-text pages with seeded artefacts;
 * - real: the newspaper pages rendered as real PDFs with a CJK font, read by pdf.js and by poppler
 *   (per-article accuracy, boundaries, markers, article counts, jump links);
 * - corpus: real report text from the corpus printed on a generated page;
 * - baseline: page accuracy of naive readings of the same PDF (pdf.js drawing order, plain
 *   pdftotext) next to caixun's, measured in the same run.
 */
import { existsSync } from 'node:fs';
import { corpusDir } from '../test/corpus.js';
import { measureBaselines } from '../test/pdf/measure-baseline.js';
import { measureCorpusPage } from '../test/pdf/measure-corpus-page.js';
import { measureNewspaperPdf, type Engine, type NewspaperFigures } from '../test/pdf/measure-newspaper-pdf.js';
import { measurePdfText } from '../test/pdf/measure-pdf-text.js';

const SEEDS = [7, 8, 9];
const ENGINES: readonly Engine[] = ['pdfjs', 'poppler'];

const round = (n: number): number => Number(n.toFixed(4));

function syntheticFigures(): Record<string, unknown> {
  const runs = SEEDS.map((seed) => measurePdfText({ seed }));
  for (const [i, run] of runs.entries()) {
    for (const part of run.parts) {
      if (part.accuracy < 1 || !part.boundaryRight || !part.markersRight) {
        process.stderr.write(
          `synthetic seed ${SEEDS[i]} page ${part.page} ${part.title}: accuracy ${part.accuracy.toFixed(4)}` +
            `${part.boundaryRight ? '' : ', wrong boundary'}${part.markersRight ? '' : ', wrong markers'}\n`,
        );
      }
    }
  }
  const parts = runs.flatMap((r) => r.parts);
  return {
    seeds: SEEDS,
    pages: runs.reduce((n, r) => n + r.pages, 0),
    pagesWithRightArticleCount: runs.reduce((n, r) => n + r.pagesWithRightCount, 0),
    parts: parts.length,
    minPartAccuracy: Math.min(...parts.map((p) => p.accuracy)),
    meanPartAccuracy: round(parts.reduce((s, p) => s + p.accuracy, 0) / parts.length),
    boundariesRight: parts.filter((p) => p.boundaryRight).length,
    markersRight: parts.filter((p) => p.markersRight).length,
    articles: runs.reduce((n, r) => n + r.articleCount.actual, 0),
    articlesExpected: runs.reduce((n, r) => n + r.articleCount.expected, 0),
    meanArticleAccuracy: round(runs.reduce((s, r) => s + r.meanArticleAccuracy, 0) / runs.length),
  };
}

function realFigures(f: NewspaperFigures): Record<string, unknown> {
  for (const part of f.parts) {
    process.stderr.write(
      `real ${f.engine} page ${part.page} ${part.title}: accuracy ${part.accuracy.toFixed(4)}` +
        `${part.boundaryRight ? '' : ', wrong boundary'}${part.markersRight ? '' : ', wrong markers'}\n`,
    );
  }
  return {
    pages: f.pages,
    pagesWithRightArticleCount: f.pagesWithRightCount,
    parts: f.parts.length,
    minPartAccuracy: round(Math.min(...f.parts.map((p) => p.accuracy))),
    boundariesRight: f.parts.filter((p) => p.boundaryRight).length,
    markersRight: f.parts.filter((p) => p.markersRight).length,
    articles: f.articleCount.actual,
    articlesExpected: f.articleCount.expected,
    jumpLinksRight: f.jumpLinks.right,
    jumpLinks: f.jumpLinks.expected,
    articleAccuracy: Object.fromEntries(f.articles.map((a) => [a.title, round(a.accuracy)])),
  };
}

export async function evalPdf(): Promise<Record<string, unknown>> {
  const real: Record<string, unknown> = {};
  const corpus: Record<string, unknown> = {};
  for (const engine of ENGINES) {
    real[engine] = realFigures(await measureNewspaperPdf(engine));
    if (existsSync(corpusDir)) {
      const page = await measureCorpusPage(engine);
      corpus[engine] = {
        articles: page.found,
        articlesExpected: page.expected,
        boundariesRight: page.articles.filter((a) => a.boundaryRight).length,
        articleAccuracy: Object.fromEntries(page.articles.map((a) => [a.path, round(a.accuracy)])),
      };
    }
  }
  return {
    eval: 'pdf',
    synthetic: syntheticFigures(),
    real,
    corpus,
    baseline: await measureBaselines(),
    targets: { minCharAccuracy: 0.99, boundaries: 'all' },
  };
}
