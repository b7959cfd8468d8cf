import { describe, expect, it } from 'vitest';
import type { PdfPageItems } from './extract-positions.js';
import { isUnmappedPage } from './read-pdf.js';

function page(...texts: string[]): PdfPageItems {
  return { page: 1, items: texts.map((text, i) => ({ text, x: 0, y: i * 10, width: 10, fontSize: 10, fontName: 'f' })) };
}

describe('isUnmappedPage', () => {
  it.each([
    ['mapped Chinese text', page('稳增长政策持续发力', '今年以来'), false],
    ['control characters from an unmapped font', page('\u0001\u0002\u0001\u0003', '\u0004\u0005'), true],
    ['replacement and private-use characters', page('\uFFFD\uFFFD稳', '\uE001\uE002'), true],
    ['one stray replacement character among many', page('稳增长政策持续发力今年以来经济运行\uFFFD'), false],
    ['an empty page', page(), false],
    ['only spaces', page('   '), false],
  ] as const)('%s → %s', (_name, p, expected) => {
    expect(isUnmappedPage(p)).toBe(expected);
  });

  it('is true when glyphs are drawn but no text came out', () => {
    expect(isUnmappedPage({ page: 1, items: [], glyphsWithoutText: true })).toBe(true);
  });
});
