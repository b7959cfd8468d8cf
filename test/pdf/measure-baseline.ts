/**
 * measure-baseline: page-level character accuracy of the repaired reading against two naive
 * readings of the same generated PDF — pdf.js's text items in drawing order (no fake-bold removal,
 * no layout, no repair) and plain `pdftotext` output — so the eval can show what the repair adds.
 * caixun's articles are put in the truth's order first: where two articles sit side by side, either
 * order is a right reading.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractTextPositions } from '../../src/sources/pdf/extract-positions.js';
import { segmentPage, type SegmentedArticle } from '../../src/sources/pdf/segment-text.js';
import { charAccuracy } from './char-accuracy.js';
import { readWith } from './measure-newspaper-pdf.js';
import { renderNewspaperPdf } from './newspaper-pdf.js';
import { NEWSPAPER_PAGES, type NewspaperPage } from './newspaper-pages.js';

/** Mean page accuracy of each reading. */
export interface BaselineFigures {
  /** pdf.js items joined in drawing order. */
  naivePdfjs: number;
  /** `pdftotext` (reading-order mode) output. */
  plainPdftotext: number;
  /** caixun's reading: layout, repair and segmentation, articles in reading order. */
  repaired: number;
}

/** The page's printed text (without header lines), articles in reading order, one line each part. */
function pageTruth(page: NewspaperPage): string {
  return page.articles
    .flatMap((a) => [a.kicker, a.title, a.subtitle, a.byline?.replace(/^[□■]\s*/u, ''), ...a.paragraphs])
    .filter((s) => s !== undefined && s !== '')
    .join('');
}

/** Text without whitespace and without the header lines' date and page label (not in the truth). */
function comparable(text: string, page: NewspaperPage): string {
  return text
    .replace(`${page.date} ${page.weekday}`, '')
    .replace(`第${page.page}版　${page.section}`, '')
    .replace(/\s+/gu, '');
}

function articleText(a: SegmentedArticle): string {
  return [a.kicker, a.title, a.subtitle, a.byline, ...a.paragraphs].filter((s) => s !== undefined).join('');
}

/** The found articles ordered like the truth (best match per truth part; the rest after them). */
function inTruthOrder(page: NewspaperPage, found: readonly SegmentedArticle[]): SegmentedArticle[] {
  const left = [...found];
  const ordered: SegmentedArticle[] = [];
  for (const truth of page.articles) {
    const text = [truth.title, ...truth.paragraphs].join('');
    let best = -1;
    let score = 0;
    left.forEach((a, i) => {
      const s = charAccuracy(text, [a.title, ...a.paragraphs].join(''));
      if (s > score) [best, score] = [i, s];
    });
    if (best >= 0) ordered.push(...left.splice(best, 1));
  }
  return [...ordered, ...left];
}

/** Measure the three readings on every page (whitespace ignored: line breaks differ by design). */
export async function measureBaselines(pages: readonly NewspaperPage[] = NEWSPAPER_PAGES): Promise<BaselineFigures> {
  const bytes = await renderNewspaperPdf(pages);
  const naive = await extractTextPositions(bytes, 'baseline.pdf');
  const dir = mkdtempSync(join(tmpdir(), 'caixun-baseline-'));
  let plain: string[];
  try {
    writeFileSync(join(dir, 'in.pdf'), bytes);
    plain = execFileSync('pdftotext', ['-enc', 'UTF-8', '-q', join(dir, 'in.pdf'), '-'], { encoding: 'utf8' }).split('\f');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ours = await readWith('pdfjs', bytes, 'baseline.pdf');
  const scores = pages.map((page, i) => {
    const truth = pageTruth(page).replace(/\s+/gu, '');
    const lines = ours[i]?.lines ?? [];
    const found = segmentPage(lines.map((l) => l.text).join('\n'), { lineSizes: lines.map((l) => l.size) }).articles;
    return [
      charAccuracy(truth, comparable((naive[i]?.items ?? []).map((it) => it.text).join(''), page)),
      charAccuracy(truth, comparable(plain[i] ?? '', page)),
      charAccuracy(truth, inTruthOrder(page, found).map(articleText).join('').replace(/\s+/gu, '')),
    ];
  });
  const mean = (k: number): number => Number((scores.reduce((s, row) => s + (row[k] ?? 0), 0) / scores.length).toFixed(4));
  return { naivePdfjs: mean(0), plainPdftotext: mean(1), repaired: mean(2) };
}
