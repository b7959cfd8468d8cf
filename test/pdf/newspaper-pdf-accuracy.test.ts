/**
 * Accuracy on real PDFs (issue 6): the newspaper pages rendered with pdfkit and a CJK TrueType
 * font (two- and three-column grids, fake-bold headlines, justified and glyph-by-glyph lines, jumps
 * across pages), read back by pdf.js and by poppler, measured against the text we wrote.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../corpus.js';
import { measureCorpusPage } from './measure-corpus-page.js';
import { measureNewspaperPdf, type NewspaperFigures } from './measure-newspaper-pdf.js';
import { renderNewspaperPdf } from './newspaper-pdf.js';
import { NEWSPAPER_ARTICLE_TITLES, NEWSPAPER_PAGES } from './newspaper-pages.js';

const PARTS = NEWSPAPER_PAGES.reduce((n, p) => n + p.articles.length, 0);

describe('the newspaper PDF generator', () => {
  it('is deterministic', async () => {
    const [a, b] = await Promise.all([renderNewspaperPdf(NEWSPAPER_PAGES), renderNewspaperPdf(NEWSPAPER_PAGES)]);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });
});

describe.each(['pdfjs', 'poppler'] as const)('reading the generated newspaper PDF with %s', (engine) => {
  let figures: NewspaperFigures;
  beforeAll(async () => {
    figures = await measureNewspaperPdf(engine);
  });

  it('recovers every article part character for character with its boundaries and markers', () => {
    expect(figures.parts).toHaveLength(PARTS);
    expect(figures.parts.filter((p) => p.accuracy < 1 || !p.boundaryRight || !p.markersRight)).toEqual([]);
    expect(figures.pagesWithRightCount).toBe(NEWSPAPER_PAGES.length);
  });

  it('joins both jumps and returns every whole article exactly', () => {
    expect(figures.articleCount).toEqual({ actual: NEWSPAPER_ARTICLE_TITLES.length, expected: NEWSPAPER_ARTICLE_TITLES.length });
    expect(figures.jumpLinks).toEqual({ right: 2, expected: 2 });
    expect(figures.articles.filter((a) => a.accuracy < 1)).toEqual([]);
  });
});

describe.skipIf(!existsSync(corpusDir)).each(['pdfjs', 'poppler'] as const)('corpus report text printed on a generated page, read with %s', (engine) => {
  it('gives each report back as one article with ≥ 99.5 % of its characters and its boundaries', async () => {
    const page = await measureCorpusPage(engine);
    expect([page.found, page.expected]).toEqual([3, 3]);
    // Measured 0.9956–0.9970: only the web texts' spaces between CJK characters are dropped.
    for (const a of page.articles) {
      expect(a.accuracy, a.path).toBeGreaterThanOrEqual(0.995);
      expect(a.boundaryRight, a.path).toBe(true);
    }
  });
});

/** Type measures of the sweep: tight (9/13 pt, 9 pt gutter), default, loose (10.5/18 pt, 18 pt gutter). */
const GEOMETRIES = [
  { gutter: 9, bodySize: 9, leading: 13 },
  { gutter: 14, bodySize: 10, leading: 16 },
  { gutter: 18, bodySize: 10.5, leading: 18 },
];

describe.each(['pdfjs', 'poppler'] as const)('a sweep over type measures and drawing modes, read with %s', (engine) => {
  it.each(GEOMETRIES.flatMap((g) => (['line', 'glyph'] as const).map((mode) => [mode, g] as const)))(
    '%s-drawn pages with %j are read exactly',
    async (mode, geometry) => {
      const pages = NEWSPAPER_PAGES.map((p) => ({ ...p, glyphMode: mode }));
      const f = await measureNewspaperPdf(engine, pages, { geometry });
      expect(f.parts.filter((p) => p.accuracy < 1 || !p.boundaryRight || !p.markersRight)).toEqual([]);
      expect([f.pagesWithRightCount, f.articleCount.actual, f.jumpLinks.right]).toEqual([pages.length, NEWSPAPER_ARTICLE_TITLES.length, 2]);
    },
  );
});
