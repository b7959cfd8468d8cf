import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../../test/corpus.js';
import { capHtmlNesting, capNesting, MAX_NESTING } from './cap-nesting.js';
import { parseHtml, renderHtml } from './dom.js';

const nested = (depth: number, inner: string): string => `${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}`;

describe('capHtmlNesting', () => {
  it('returns every real corpus page as it was: none nests near the cap', () => {
    const pages = corpusFiles('html', '.html');
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      expect(capHtmlNesting(html)).toBe(html);
    }
  });

  it('keeps the text of what nests deeper than the cap, in order, without its markup', () => {
    const html = `<p>前</p>${nested(6000, '<b>深</b>处<i>文字</i>')}<p>后</p>`;
    const capped = capHtmlNesting(html);
    expect((capped.match(/<div>/g) ?? []).length).toBe(MAX_NESTING);
    expect(capped).toContain('深处文字');
    expect(capped.startsWith('<p>前</p>')).toBe(true);
    expect(capped.endsWith('<p>后</p>')).toBe(true);
  });

  it('caps 2,000,000 levels (a 10 MB body) without overflowing the stack', () => {
    const capped = capHtmlNesting(nested(2_000_000, '底'));
    expect(capped).toBe(nested(MAX_NESTING, '底'));
  });

  it('reads nesting as the parser does: void elements, raw text, siblings that close each other', () => {
    const flat = `${'<p>段落<br><img src="a.png">'.repeat(500)}${'<li>项'.repeat(500)}${'<script>"<div>"</script>'.repeat(500)}`;
    expect(capHtmlNesting(flat)).toBe(flat);
    expect(capHtmlNesting(`${'<section><!-- <div> -->'.repeat(150)}文${'</section>'.repeat(150)}`)).toBe(
      `${'<section><!-- <div> -->'.repeat(100)}${'<!-- <div> -->'.repeat(50)}文${'</section>'.repeat(100)}`,
    );
  });
});

describe('capNesting on a parsed tree (the cleaner parses through it)', () => {
  it('leaves a tree at the cap untouched and flattens one level deeper', () => {
    const atCap = parseHtml(nested(MAX_NESTING, '<span>x</span>'));
    // The string-level cap drops the span (depth 101) before parsing.
    expect(renderHtml(atCap)).toBe(nested(MAX_NESTING - 1, '<div>x</div>'));
    const doc = parseHtml(nested(MAX_NESTING + 1, 'y'));
    expect(capNesting(doc)).toBe(0);
    expect(renderHtml(doc)).toBe(nested(MAX_NESTING, 'y'));
  });
});
