import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileNameOf, MAX_NAME_CHARS } from './safe-name.js';

describe('fileNameOf', () => {
  it.each([
    ['eastmoney:202112082206703990', 'eastmoney_202112082206703990'],
    ['st-0123456789ab', 'st-0123456789ab'],
    ['xinhuacaijing', 'xinhuacaijing'],
    ['eastmoney:NW202112', 'eastmoney_~4e~~57~202112'],
    ['a/b\\c.d', 'a~2f~b~5c~c~2e~d'],
    ['财联社', '~8d22~~8054~~793e~'],
    ['con', '~con'],
    ['', '~'],
    ['x_y', 'x~5f~y'],
  ])('%j → %j', (id, name) => {
    expect(fileNameOf(id)).toBe(name);
  });

  it('keeps long names short and distinct', () => {
    const a = fileNameOf(`x:${'字'.repeat(100)}a`);
    const b = fileNameOf(`x:${'字'.repeat(100)}b`);
    expect(a.length).toBe(MAX_NAME_CHARS);
    expect(a).not.toBe(b);
  });

  it('gives distinct ids distinct names, case-insensitively, using only safe characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (x, y) => {
        const [a, b] = [fileNameOf(x), fileNameOf(y)];
        expect(a).toMatch(/^[a-z0-9_~-]+$/);
        if (x !== y) expect(a.toLowerCase()).not.toBe(b.toLowerCase());
      }),
    );
  });
});
