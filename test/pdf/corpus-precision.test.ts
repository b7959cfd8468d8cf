/**
 * Precision of the PDF-text detector and the fake-bold repair on real text that is NOT
 * PDF-extracted: the shared corpus (read at test time, never copied). The bounds are the
 * measured figures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/sources/page/page-dom.js';
import { looksLikePdfText } from '../../src/sources/pdf/detect-pdf-text.js';
import { removeFakeBold } from '../../src/sources/pdf/repair/fake-bold.js';
import { corpusDir, corpusFiles } from '../corpus.js';

const CJK = /[\u4e00-\u9fff]/u;

function stripFrontMatter(text: string): string {
  return text.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** Visible text of an HTML page, one line per block element. */
function htmlPageText(html: string): string {
  const lined = html.replace(/<\/(?:p|div|li|h1|h2|h3|tr)\s*>|<br\b[^>]*>/gi, '$&\n');
  const doc = parsePage(lined);
  for (const el of Array.from(doc.querySelectorAll('script,style,noscript'))) el.remove();
  return doc.body?.textContent ?? '';
}

function measure(texts: readonly string[]): { documents: number; detected: number; lines: number; collapsed: number } {
  let detected = 0;
  let lines = 0;
  let collapsed = 0;
  for (const text of texts) {
    if (looksLikePdfText(text)) detected++;
    for (const line of text.split('\n')) {
      if (!CJK.test(line)) continue;
      lines++;
      if (removeFakeBold(line).changed) collapsed++;
    }
  }
  return { documents: texts.length, detected, lines, collapsed };
}

describe.skipIf(!existsSync(corpusDir))('PDF-text repairs on ordinary corpus text', () => {
  it('never takes a markdown post for PDF text nor collapses any of its lines', () => {
    const posts = [...corpusFiles('hexo'), ...corpusFiles('jekyll')].map((f) => stripFrontMatter(readFileSync(f, 'utf8')));
    const figures = measure(posts);
    expect(figures.documents).toBeGreaterThan(80);
    expect(figures).toMatchObject({ detected: 0, collapsed: 0 });
  });

  it('rarely misfires on the visible text of saved web pages (measured: 2 of 64 pages, 11 of 18 323 lines)', () => {
    const pages = corpusFiles('html', '.html').map((f) => htmlPageText(readFileSync(f, 'utf8')));
    const figures = measure(pages);
    expect(figures.detected).toBeLessThanOrEqual(2);
    expect(figures.collapsed).toBeLessThanOrEqual(11);
    expect(figures.lines).toBeGreaterThan(15_000);
  });
});
