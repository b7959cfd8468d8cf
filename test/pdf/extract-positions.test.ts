import { describe, expect, it } from 'vitest';
import { extractTextPositions } from '../../src/sources/pdf/extract-positions.js';
import { layoutPage, layoutToText } from '../../src/sources/pdf/layout-page.js';
import { InvalidDocumentError } from '../../src/util/errors.js';
import { buildMinimalPdf, type DrawnText } from './minimal-pdf.js';

/** A two-column page: a spanning headline drawn twice 0.5 pt apart (fake bold), then columns. */
const LEFT = ['  Factory investment rose', 'again in the third quarter,', 'officials said on Monday.'];
const RIGHT = ['  Exporters of electric cars', 'shipped more vehicles to', 'Europe than a year earlier.'];
const PAGE: DrawnText[] = [
  { text: 'Manufacturing investment keeps rising', x: 50, y: 740, size: 22 },
  { text: 'Manufacturing investment keeps rising', x: 50.5, y: 740.3, size: 22 },
  ...LEFT.map((text, i) => ({ text: text.trim(), x: text.startsWith(' ') ? 70 : 50, y: 690 - i * 14, size: 10 })),
  ...RIGHT.map((text, i) => ({ text: text.trim(), x: text.startsWith(' ') ? 330 : 310, y: 690 - i * 14, size: 10 })),
];

describe('extractTextPositions', () => {
  it('returns every drawn item with position and font size, duplicates included', async () => {
    const [page] = await extractTextPositions(buildMinimalPdf([PAGE]), 'two-columns.pdf');
    const titles = page?.items.filter((i) => i.text.startsWith('Manufacturing')) ?? [];
    expect(titles.map((t) => [t.x, t.y, t.fontSize])).toEqual([
      [50, 740, 22],
      [50.5, 740.3, 22],
    ]);
    expect(page?.items.some((i) => i.text === 'officials said on Monday.' && i.x === 50 && i.y === 662)).toBe(true);
  });

  it('lays the page out in reading order with the fake-bold twin removed, columns running on', async () => {
    const [page] = await extractTextPositions(buildMinimalPdf([PAGE]), 'two-columns.pdf');
    const text = layoutToText(layoutPage(page?.items ?? []));
    expect(text).toBe(
      [
        'Manufacturing investment keeps rising',
        '',
        ...LEFT.map((l) => l.replace(/^ {2}/, '\u3000\u3000')),
        ...RIGHT.map((l) => l.replace(/^ {2}/, '\u3000\u3000')),
      ].join('\n'),
    );
  });

  it('reads every page of a multi-page PDF', async () => {
    const pages = await extractTextPositions(buildMinimalPdf([PAGE, PAGE.slice(2)]), 'two-pages.pdf');
    expect(pages.map((p) => [p.page, p.items.filter((i) => i.text.trim() !== '').length])).toEqual([
      [1, 8],
      [2, 6],
    ]);
  });

  it('throws InvalidDocumentError for a broken file', async () => {
    const broken = new TextEncoder().encode('%PDF-1.4\nthis is not a pdf body');
    await expect(extractTextPositions(broken, 'broken.pdf')).rejects.toThrow(InvalidDocumentError);
    await expect(extractTextPositions(broken, 'broken.pdf')).rejects.toThrow(/^pdf: broken\.pdf cannot be read as a PDF$/);
  });
});
