import { describe, expect, it } from 'vitest';
import { safeHttpUrl, sanitizeArticleHtml } from './sanitize-body.js';

describe('sanitizeArticleHtml', () => {
  it('sanitises at render time and resolves relative links against the article URL', () => {
    expect(sanitizeArticleHtml({ html: '<p onclick="x()">甲<img src="a.png" onerror="y()"></p><script>z()</script>', url: 'https://e.org/n/1.html' })).toBe(
      '<p>甲<img src="https://e.org/n/a.png" /></p>',
    );
    expect(sanitizeArticleHtml({ html: '<a href="javascript:alert(1)">x</a>', url: 'javascript:alert(1)' })).not.toContain('javascript:');
    expect(sanitizeArticleHtml({ html: '  ', url: null })).toBe('');
  });

  it('gives the same answer from the memo', () => {
    const a = { html: '<p>乙<iframe src="https://evil.example/"></iframe></p>', url: null };
    expect(sanitizeArticleHtml(a)).toBe(sanitizeArticleHtml({ ...a }));
  });

  it.each([
    ['https://e.org/a', 'https://e.org/a'],
    ['http://e.org/a b', 'http://e.org/a%20b'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['/relative', undefined],
    [null, undefined],
  ])('safeHttpUrl(%j) = %j', (url, expected) => expect(safeHttpUrl(url)).toBe(expected));
});
