import { describe, expect, it } from 'vitest';
import { toMatchingText } from '../../../clean/matching-text.js';
import { fixPunctuationPairs } from './punctuation-pairs.js';

describe('fixPunctuationPairs', () => {
  it.each([
    ['他说：”要稳字当头”（见附表)', '他说：“要稳字当头”（见附表）'],
    ['所谓"双碳"目标和"专精特新"企业', '所谓“双碳”目标和“专精特新”企业'],
    ['增速(按可比价格计算）为5%', '增速(按可比价格计算)为5%'],
    ['外层（内层（注）说明)完', '外层（内层（注）说明）完'],
    ['“引文跨段落', '“引文跨段落'],
    ['已经正确的“引号”和（括号）', '已经正确的“引号”和（括号）'],
    ['没有配对的）右括号', '没有配对的）右括号'],
  ])('%s → %s', (input, expected) => {
    expect(fixPunctuationPairs(input)).toBe(expected);
  });
});

describe('full-width characters', () => {
  it('stay in display text and fold only in the matching form', () => {
    const display = fixPunctuationPairs('前三季度ＧＤＰ增长９．８％（初步核算）');
    expect(display).toBe('前三季度ＧＤＰ增长９．８％（初步核算）');
    expect(toMatchingText(display)).toBe('前三季度gdp增长9.8%(初步核算)');
  });
});
