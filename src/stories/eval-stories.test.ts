import { describe, expect, it } from 'vitest';
import { evaluateClustering } from './eval-stories.js';

describe('evaluateClustering', () => {
  const gold = {
    articles: ['a', 'b', 'c', 'd', 'e'],
    clusters: [{ id: 'S1', members: ['a', 'b', 'c'] }],
    hardNegatives: [{ id: 'N1', pairs: [['d', 'e']] }],
  };
  it('scores a perfect clustering', () => {
    const predicted = new Map([['a', '1'], ['b', '1'], ['c', '1'], ['d', '2'], ['e', '3']]);
    const r = evaluateClustering(predicted, gold);
    expect([r.precision, r.recall, r.f1, r.bcubed.f1, r.errors.length]).toEqual([1, 1, 1, 1, 0]);
  });
  it('lists missed pairs, false merges and hard negatives', () => {
    const predicted = new Map([['a', '1'], ['b', '1'], ['c', '2'], ['d', '2'], ['e', '2']]);
    const r = evaluateClustering(predicted, gold);
    // predicted pairs: ab, cd, ce, de (4); gold pairs: ab, ac, bc (3); tp = 1
    expect(r.precision).toBe(0.25);
    expect(r.recall).toBeCloseTo(1 / 3, 10);
    expect(r.errors).toEqual([
      { kind: 'missed', a: 'a', b: 'c', label: 'S1' },
      { kind: 'missed', a: 'b', b: 'c', label: 'S1' },
      { kind: 'false-merge', a: 'c', b: 'd' },
      { kind: 'false-merge', a: 'c', b: 'e' },
      { kind: 'false-merge', a: 'd', b: 'e' },
      { kind: 'hard-negative', a: 'd', b: 'e', label: 'N1' },
    ]);
    // B-cubed precision: a,b 1; c,d,e 1/3 → (2 + 1) / 5; recall: a,b 2/3; c 1/3; d,e 1 → (4/3 + 1/3 + 2) / 5
    expect(r.bcubed.precision).toBeCloseTo(3 / 5, 10);
    expect(r.bcubed.recall).toBeCloseTo(11 / 15, 10);
  });
});
