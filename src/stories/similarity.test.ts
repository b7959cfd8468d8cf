import { describe, expect, it } from 'vitest';
import { containmentFromJaccard, estimateJaccard, exactContainment, exactJaccard, intersectionSize, paragraphContainment } from './similarity.js';

describe('exact set similarity', () => {
  const a = Uint32Array.from([1, 2, 3, 4]);
  const b = Uint32Array.from([3, 4, 5, 6, 7, 8]);
  it('intersection, Jaccard, containment', () => {
    expect(intersectionSize(a, b)).toBe(2);
    expect(exactJaccard(a, b)).toBe(0.25);
    expect(exactContainment(a, b)).toBe(0.5);
    expect(exactContainment(b, a)).toBeCloseTo(1 / 3, 10);
    expect(exactJaccard(new Uint32Array(), new Uint32Array())).toBe(0);
  });
});

describe('signature estimates', () => {
  it('counts agreeing positions', () => {
    expect(estimateJaccard(Uint32Array.from([1, 2, 3, 4]), Uint32Array.from([1, 9, 3, 9]))).toBe(0.5);
  });
  it('turns Jaccard into containment', () => {
    // |A| = 4, |B| = 6, J = 0.25 → |A∩B| = 0.25 * 10 / 1.25 = 2
    expect(containmentFromJaccard(0.25, 4, 6)).toBeCloseTo(0.5, 10);
    expect(containmentFromJaccard(0.25, 6, 4)).toBeCloseTo(1 / 3, 10);
    expect(containmentFromJaccard(1, 0, 5)).toBe(0);
  });
});

describe('paragraphContainment', () => {
  it('weights shared paragraphs by length and skips short ones', () => {
    const a = { hashes: ['x', 'y', 'z'], lengths: [30, 10, 4] };
    const b = { hashes: ['x', 'z'], lengths: [30, 4] };
    expect(paragraphContainment(a, b)).toBeCloseTo(34 / 44, 10);
    expect(paragraphContainment(a, b, 5)).toBe(0.75);
    expect(paragraphContainment({ hashes: [], lengths: [] }, b)).toBe(0);
  });
});
