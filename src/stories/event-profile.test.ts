import { describe, expect, it } from 'vitest';
import { buildEventProfile, compareEventProfiles, extractFigures } from './event-profile.js';

describe('extractFigures', () => {
  it.each([
    ['12月8日，离岸人民币升至6.3512，港交所(00388.HK)目标价574港元', ['388', '574港', '6.3512']],
    ['以222票支持、212票反对通过', ['212票', '222票']],
    ['2021年累计上涨30%，10:30报12元', []],
    ['成交额1,234.5亿元', ['1234.5亿']],
  ])('%s', (text, expected) => {
    expect(extractFigures(text)).toEqual(expected);
  });
});

describe('compareEventProfiles', () => {
  it('finds shared figures and bigram containment', () => {
    const a = buildEventProfile('某市场指数收涨', '某市场指数收于3521点。');
    const b = buildEventProfile('指数收涨', '截至收盘，某市场指数收于3521点，成交放量。');
    const o = compareEventProfiles(a, b);
    expect(o.sharedFigures).toBe(1);
    // 12 of a's 13 bigrams are in b; 涨某 spans a's title and text.
    expect(o.bigramContainment).toBeCloseTo(12 / 13, 10);
    expect(o.bigramJaccard).toBeCloseTo(12 / 22, 10);
  });
});
