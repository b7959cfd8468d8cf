import { describe, expect, it } from 'vitest';
import { indexTerms, MAX_WORD_CHARS } from './search-tokens.js';

describe('indexTerms', () => {
  it.each([
    ['5G基站建设', ['5g', '基站', '站建', '建设']],
    ['碳', ['碳']],
    ['（碳）达峰', ['碳', '达峰']],
    ['ＩＰｖ６地址', ['ipv6', '地址']],
    ['股市 股市', ['股市']],
    ['涨3.5%', ['涨', '3', '5']],
    ['A股、B股', ['a', '股', 'b']],
    ['', []],
  ])('%j → %j', (text, terms) => {
    expect(indexTerms(text)).toEqual(terms);
  });

  it('cuts very long words', () => {
    expect(indexTerms('x'.repeat(100))).toEqual(['x'.repeat(MAX_WORD_CHARS)]);
  });
});
