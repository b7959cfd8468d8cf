import { describe, expect, it } from 'vitest';
import { buildEventProfile, compareEventProfiles } from './event-profile.js';

describe('compareEventProfiles', () => {
  it('finds shared figures and bigram containment', () => {
    const a = buildEventProfile('某市场指数收涨', '某市场指数收于3521点。');
    const b = buildEventProfile('指数收涨', '截至收盘，某市场指数收于3521点，成交放量。');
    const o = compareEventProfiles(a, b);
    expect(o.sharedFigures).toBe(1);
    // 12 of a's 13 bigrams are in b; 涨某 spans a's title and text.
    expect(o.bigramContainment).toBeCloseTo(12 / 13, 10);
    expect(o.bigramJaccard).toBeCloseTo(12 / 22, 10);
    // Stored profiles come back as plain arrays, in any order: the overlap is the same.
    const reversed = { ...b, bigrams: Array.from(b.bigrams).reverse() };
    expect(compareEventProfiles(reversed, a)).toEqual(o);
  });
});
