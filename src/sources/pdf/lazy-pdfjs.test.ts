import { expect, it } from 'vitest';

it('loading the PDF source leaves the global JSON.parse alone until a PDF is read with pdf.js', async () => {
  const before = JSON.parse;
  await import('./read-pdf.js');
  expect(JSON.parse).toBe(before);
});
