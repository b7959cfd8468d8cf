import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../../../test/corpus.js';
import { MAX_MARKDOWN_NESTING, markdownNestingDepth, renderMarkdown } from './body-html.js';

describe('markdownNestingDepth', () => {
  it('counts quote markers, list markers and list indentation at the start of a line', () => {
    expect(markdownNestingDepth('正文\n\n> 引文\n> > 再引\n')).toBe(2);
    expect(markdownNestingDepth('- 一\n  - 二\n    - 三\n')).toBe(3);
    expect(markdownNestingDepth('1. 一\n2. 二\n')).toBe(1);
  });

  it('finds every real corpus post well inside the cap, so marked renders them all', () => {
    const posts = [...corpusFiles('jekyll'), ...corpusFiles('hexo')];
    expect(posts.length).toBeGreaterThan(50);
    for (const post of posts) expect(markdownNestingDepth(readFileSync(post, 'utf8'))).toBeLessThanOrEqual(8);
  });
});

describe('renderMarkdown on hostile nesting', () => {
  // marked recurses once per level (6,000 `> ` overflowed the stack) and its cost grows with
  // depth × lines (1,000 nested list levels took 760 MB): these become plain paragraphs.
  it.each([
    ['6,000 nested quotes on one line', `${'> '.repeat(6000)}引文`],
    ['a quote one level deeper on every line', Array.from({ length: 1000 }, (_, i) => `${'>'.repeat(i + 1)} 第${i}行`).join('\n')],
    ['a list one level deeper on every line', Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- 第${i}项`).join('\n')],
  ])('%s renders as paragraphs, text kept', (_name, markdown) => {
    const html = renderMarkdown(markdown);
    expect(html.startsWith('<p>')).toBe(true);
    expect(html).not.toContain('<blockquote>');
    expect(html).not.toContain('<li>');
    expect(html).toMatch(/引文|第999/);
  });

  it('renders nesting at the cap with marked', () => {
    const markdown = `${'> '.repeat(MAX_MARKDOWN_NESTING)}引文`;
    expect((renderMarkdown(markdown).match(/<blockquote>/g) ?? []).length).toBe(MAX_MARKDOWN_NESTING);
  });
});
