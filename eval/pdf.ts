/**
 * eval pdf: character accuracy and segmentation of the PDF-text repair on synthetic pages
 * whose source text we wrote (the truth), rendered with seeded extraction artefacts.
 */
import { measurePdfText } from '../test/pdf/measure-pdf-text.js';

const SEEDS = [7, 8, 9];

export async function evalPdf(): Promise<Record<string, unknown>> {
  const runs = SEEDS.map((seed) => measurePdfText({ seed }));
  for (const [i, run] of runs.entries()) {
    for (const part of run.parts) {
      if (part.accuracy < 1 || !part.boundaryRight || !part.markersRight) {
        process.stderr.write(
          `seed ${SEEDS[i]} page ${part.page} ${part.title}: accuracy ${part.accuracy.toFixed(4)}` +
            `${part.boundaryRight ? '' : ', wrong boundary'}${part.markersRight ? '' : ', wrong markers'}\n`,
        );
      }
    }
  }
  const parts = runs.flatMap((r) => r.parts);
  return {
    eval: 'pdf',
    seeds: SEEDS,
    pages: runs.reduce((n, r) => n + r.pages, 0),
    pagesWithRightArticleCount: runs.reduce((n, r) => n + r.pagesWithRightCount, 0),
    parts: parts.length,
    minPartAccuracy: Math.min(...parts.map((p) => p.accuracy)),
    meanPartAccuracy: Number((parts.reduce((s, p) => s + p.accuracy, 0) / parts.length).toFixed(4)),
    boundariesRight: parts.filter((p) => p.boundaryRight).length,
    markersRight: parts.filter((p) => p.markersRight).length,
    articles: runs.reduce((n, r) => n + r.articleCount.actual, 0),
    articlesExpected: runs.reduce((n, r) => n + r.articleCount.expected, 0),
    meanArticleAccuracy: Number((runs.reduce((s, r) => s + r.meanArticleAccuracy, 0) / runs.length).toFixed(4)),
  };
}
