import { describe, expect, it } from 'vitest';
import { charAccuracy, editDistance } from './char-accuracy.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['稳增长', '稳增长', 0],
    ['稳增长', '稳长', 1],
    ['稳增长', '稳增长长', 1],
    ['稳增长', '保增长', 1],
    ['kitten', 'sitting', 3],
    ['𠀀字', '字', 1],
  ] as const)('%s / %s → %d', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});

describe('charAccuracy', () => {
  it('is 1 − distance / truth length, floored at 0', () => {
    expect(charAccuracy('稳增长政策', '稳增长政策')).toBe(1);
    expect(charAccuracy('稳增长政策', '稳增长')).toBeCloseTo(0.6);
    expect(charAccuracy('稳增', '完全不同的一段文字')).toBe(0);
    expect(charAccuracy('', '')).toBe(1);
    expect(charAccuracy('', '多')).toBe(0);
  });
});
