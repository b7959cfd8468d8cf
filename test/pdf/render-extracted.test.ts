import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/sources/pdf/repair/char-class.js';
import { doubleChunks, renderExtractedPage, seededRandom, wrapParagraph } from './render-extracted.js';
import { SYNTHETIC_PAGES } from './synthetic-pages.js';

describe('the artefact generator', () => {
  const page = SYNTHETIC_PAGES[0];
  if (!page) throw new Error('no synthetic page');

  it('is deterministic for a seed and differs between seeds', () => {
    expect(renderExtractedPage(page, { seed: 5 })).toBe(renderExtractedPage(page, { seed: 5 }));
    expect(renderExtractedPage(page, { seed: 5 })).not.toBe(renderExtractedPage(page, { seed: 6 }));
  });

  it('wraps at the column width, letting closing punctuation hang and keeping Latin words whole', () => {
    const lines = wrapParagraph('今年以来，Faraday Future加快交付。', 8, '\u3000\u3000');
    expect(lines).toEqual(['\u3000\u3000今年以来，', 'Faraday Future加', '快交付。']);
    for (const line of wrapParagraph('一二三四五六七八九十，一二三四五六七八九十。', 6, '')) {
      expect(displayWidth(line)).toBeLessThanOrEqual(7);
    }
  });

  it('doubles text chunk by chunk', () => {
    const doubled = doubleChunks('制造业投资稳步回升', seededRandom(1));
    expect(doubled.length).toBe(18);
    expect(doubled).not.toBe('制造业投资稳步回升'.repeat(2));
  });

  it('injects the page header, jump marker, fake-bold headline and justification spaces', () => {
    const text = renderExtractedPage(page, { seed: 5, spacedLineRate: 1 });
    expect(text.split('\n').slice(0, 2)).toEqual(['2022年1月5日 星期三', '第1版']);
    expect(text.replace(/\s/gu, '')).toContain('下转第2版');
    expect(text).toMatch(/ [\u4e00-\u9fff] /u);
    expect(text).not.toContain(`\n${page.articles[0]?.title ?? ''}\n`);
  });
});
