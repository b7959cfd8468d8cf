import { describe, expect, it } from 'vitest';
import { needsFullText } from './full-text.js';

describe('needsFullText', () => {
  const item = { title: 't', link: 'https://x/1', authors: [], categories: [] };
  it.each([
    ['auto', { summaryHtml: '<p>短摘要</p>' }, true],
    ['auto', { summaryHtml: `<p>${'长'.repeat(250)}</p>` }, false],
    ['auto', { contentHtml: '<p>全文</p>', summaryHtml: '<p>x</p>' }, false],
    ['always', { contentHtml: '<p>全文</p>' }, true],
    ['never', {}, false],
  ] as const)('%s with %j → %s', (policy, fields, expected) => {
    expect(needsFullText({ ...item, ...fields }, policy)).toBe(expected);
  });
  it('never fetches without a link', () => {
    expect(needsFullText({ title: 't', authors: [], categories: [] }, 'always')).toBe(false);
  });
});
