import { expect, it } from 'vitest';
import { makeArticle } from '../../test/support/make-article.js';
import { contentHashOf } from './content-hash.js';

it('changes with what a reader sees and not with when or how it was read', () => {
  const a = makeArticle();
  const base = contentHashOf(a);
  expect(base).toMatch(/^[0-9a-f]{40}$/);
  expect(contentHashOf({ ...a, fetchedAt: '2030-01-01T00:00:00Z', format: 'html' } as typeof a)).toBe(base);
  expect(contentHashOf({ ...a, text: `${a.text}补充` })).not.toBe(base);
  expect(contentHashOf({ ...a, provenance: { editor: '某编辑' } })).not.toBe(base);
  expect(contentHashOf({ ...a, images: ['https://example.org/b.jpg'] })).not.toBe(base);
});
