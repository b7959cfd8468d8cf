/**
 * eval page: title, date and content of the page extractor against GeneralNewsExtractor's
 * reference outputs (20 corpus pages), with Readability alone and text density alone as
 * baselines measured in the same run; `importPath` scores the same pages imported as saved
 * `.html` files, which must read as they are fetched.
 */
import { loadReferencePages, scoreImport, scorePage, type PageScore } from '../test/fetch/measure-pages.js';

const mean = (xs: readonly number[]): number =>
  Number((xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)).toFixed(4));

function summarise(scores: readonly PageScore[]): Record<string, number> {
  return {
    titleExact: scores.filter((s) => s.titleExact).length,
    dateMatch: scores.filter((s) => s.dateMatch).length,
    meanContentF1: mean(scores.map((s) => s.contentF1)),
    minContentF1: Math.min(...scores.map((s) => s.contentF1)),
  };
}

export async function evalPage(): Promise<Record<string, unknown>> {
  const pages = loadReferencePages();
  const ours = pages.map((p) => scorePage(p));
  for (const s of ours) {
    process.stderr.write(
      `${s.name.padEnd(18)} ${s.method.padEnd(11)} title ${s.titleExact ? 'exact' : `DIFF ${s.title}`}` +
        `  date ${s.dateMatch ? 'match' : `${s.date ?? '-'} vs ${s.expectedDate ?? '-'}`}` +
        `  content ${s.contentF1.toFixed(3)}  cleaned ${s.cleanedF1.toFixed(3)}\n`,
    );
  }
  const imported = pages.map((p) => scoreImport(p));
  return {
    eval: 'page',
    pages: pages.length,
    ...summarise(ours),
    meanCleanedF1: mean(ours.map((s) => s.cleanedF1)),
    // `caixun import` of the same pages saved as .html files.
    importPath: {
      ...summarise(imported),
      meanCleanedF1: mean(imported.map((s) => s.cleanedF1)),
      minCleanedF1: Math.min(...imported.map((s) => s.cleanedF1)),
    },
    baselineReadability: summarise(pages.map((p) => scorePage(p, { prefer: 'readability', selectors: undefined }))),
    baselineDensity: summarise(pages.map((p) => scorePage(p, { prefer: 'density', selectors: undefined }))),
  };
}
