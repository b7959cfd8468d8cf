/**
 * measure-corpus-page: real report text on a generated newspaper page. Three corpus reports (read
 * at test time, never copied) are printed as one page — a long 财联社 report across three columns,
 * two 东财 flashes side by side under it — and read back; each article is measured against the
 * text printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToText } from '../../src/sources/archive/body-html.js';
import { parseArchiveDocument } from '../../src/sources/archive/parse.js';
import { segmentPage, type SegmentedArticle } from '../../src/sources/pdf/segment-text.js';
import { corpusDir } from '../corpus.js';
import { charAccuracy } from './char-accuracy.js';
import { readWith, type Engine } from './measure-newspaper-pdf.js';
import { renderNewspaperPdf } from './newspaper-pdf.js';
import type { NewspaperPage, PlacedArticle } from './newspaper-pages.js';

/** Corpus reports printed on the page, with where they go. */
const REPORTS: ReadonlyArray<{ path: string; place: PlacedArticle['place']; byline: string }> = [
  { path: 'hexo/金融/财联社/深度/"铁腕"控价成果显现？飞天茅台市场价一降再降 集团回应称是市场行为.md', place: { column: 0, span: 3 }, byline: '本报记者 方立言' },
  { path: 'jekyll/_posts/2021-12-08-202112082206768417.md', place: { column: 0, span: 2, titleSize: 16 }, byline: '本报记者 苏明远' },
  { path: 'jekyll/_posts/2021-12-08-202112082206753163.md', place: { column: 2, span: 1, titleSize: 14, align: 'left' }, byline: '□ 易安' },
];

/** Figures for one report. */
export interface CorpusArticleFigures {
  path: string;
  accuracy: number;
  boundaryRight: boolean;
}

/** A corpus report as printed: its title and its paragraphs (whitespace runs made one space). */
export function reportArticle(relativePath: string): { title: string; paragraphs: string[] } {
  const path = join(corpusDir, relativePath);
  const post = parseArchiveDocument(readFileSync(path, 'utf8'), path);
  const paragraphs = htmlToText(post.bodyHtml.replace(/<\/p>/g, '</p>\u0000'))
    .split('\u0000')
    .map((p) => p.replace(/\s+/gu, ' ').trim())
    .filter((p) => p !== '');
  return { title: post.title.replace(/\s+/gu, ' ').trim(), paragraphs };
}

function text(a: { title: string; byline?: string; paragraphs: readonly string[] }): string {
  return [a.title, a.byline?.replace(/^[□■]\s*/u, ''), ...a.paragraphs].filter((s) => s !== undefined).join('\n');
}

/** Print the reports on one page, read it with `engine`, measure each article. */
export async function measureCorpusPage(engine: Engine): Promise<{ articles: CorpusArticleFigures[]; found: number; expected: number }> {
  const printed = REPORTS.map((r) => ({ ...reportArticle(r.path), place: r.place, byline: r.byline }));
  const page: NewspaperPage = {
    date: '2021年12月9日',
    weekday: '星期四',
    page: 3,
    section: '财经',
    columns: 3,
    glyphMode: 'line',
    height: 1100,
    articles: printed,
  };
  const [read] = await readWith(engine, await renderNewspaperPdf([page]), 'corpus-page.pdf');
  const lines = read?.lines ?? [];
  const found = segmentPage(lines.map((l) => l.text).join('\n'), { lineSizes: lines.map((l) => l.size) }).articles;
  const used = new Set<SegmentedArticle>();
  const articles = printed.map((truth, i) => {
    let best: SegmentedArticle | undefined;
    let accuracy = 0;
    for (const a of found) {
      if (used.has(a)) continue;
      const score = charAccuracy(text(truth), text({ title: a.title, ...(a.byline === undefined ? {} : { byline: a.byline }), paragraphs: a.paragraphs }));
      if (score > accuracy) [best, accuracy] = [a, score];
    }
    if (best) used.add(best);
    const paragraphs = best?.paragraphs ?? [];
    const boundaryRight =
      paragraphs.length === truth.paragraphs.length && charAccuracy(truth.paragraphs[0] ?? '', paragraphs[0] ?? '') > 0.95 &&
      charAccuracy(truth.paragraphs.at(-1) ?? '', paragraphs.at(-1) ?? '') > 0.95;
    return { path: REPORTS[i]?.path ?? '', accuracy, boundaryRight };
  });
  return { articles, found: found.length, expected: printed.length };
}
