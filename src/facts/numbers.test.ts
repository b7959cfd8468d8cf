import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMultiplier, formatChineseAmount, parseArabic, parseChineseNumeral, parseNumeral, toHalfWidth } from './numbers.js';

describe('parseChineseNumeral', () => {
  it.each([
    ['三千五百', 3500],
    ['两万', 20000],
    ['十四', 14],
    ['二十', 20],
    ['一百零五', 105],
    ['一亿二千万', 120000000],
    ['三千五百万', 35000000],
    ['二零二一', 2021],
    ['一点五', 1.5],
    ['两', 2],
  ])('%s → %d', (text, value) => expect(parseChineseNumeral(text)).toBe(value));

  it.each(['', '五点', 'abc', '万千x', '两三', '三四万'])('%j is not a numeral', (text) => expect(parseChineseNumeral(text)).toBeNaN());
});

describe('parseArabic and toHalfWidth', () => {
  it.each([
    ['42.2', 42.2],
    ['11,910,000', 11910000],
    ['１２．５', 12.5],
    ['0', 0],
  ])('%s → %d', (text, value) => expect(parseArabic(text)).toBe(value));

  it('maps full-width characters one for one', () => {
    expect(toHalfWidth('增长１２．５％')).toBe('增长12.5%');
    expect(toHalfWidth('增长１２．５％').length).toBe('增长１２．５％'.length);
  });

  it('parseNumeral reads both kinds', () => {
    expect(parseNumeral('4762')).toBe(4762);
    expect(parseNumeral('四千七百六十二')).toBe(4762);
  });
});

describe('multipliers', () => {
  it.each([
    [130, 1e4, 1300000],
    [79750.1, 1e8, 7975010000000],
    [114.31, 1e12, 114310000000000],
    [0.1, 3, 0.3],
  ])('%d × %d = %d without float noise', (v, m, out) => expect(applyMultiplier(v, m)).toBe(out));

  it.each([
    [1300000, '130万'],
    [7975010000000, '79750.1亿'],
    [42.2, '42.2'],
  ])('formats %d as %s', (v, text) => expect(formatChineseAmount(v)).toBe(text));

  // to 12 significant digits: formatting rounds away binary noise, nothing a reader would see
  it('a formatted amount parses back to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.integer({ min: 0, max: 2 }), (n, decimals) => {
        const value = n / 10 ** decimals;
        const text = formatChineseAmount(value);
        const m = /^([\d.]+)(万|亿)?$/.exec(text);
        expect(m).not.toBeNull();
        const back = applyMultiplier(parseArabic(m![1]!), m![2] === '亿' ? 1e8 : m![2] === '万' ? 1e4 : 1);
        expect(Math.abs(back - value)).toBeLessThanOrEqual(1e-10 * Math.max(1, value));
      }),
    );
  });
});
