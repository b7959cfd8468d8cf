import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings } from './postings.js';

describe('postings', () => {
  it.each([
    [[], ''],
    [[0], '0'],
    [[0, 1, 2], '000'],
    [[0, 1, 40], '00B6'],
    [[31], 'v'],
    [[32], 'B0'],
    [[1024], 'BA0'],
  ])('%j ↔ %j', (list, text) => {
    expect(encodePostings(list)).toBe(text);
    expect(decodePostings(text)).toEqual(list);
  });

  it('round-trips any increasing list', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(5_000_000), { maxLength: 200 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        expect(decodePostings(encodePostings(sorted))).toEqual(sorted);
      }),
    );
  });

  it('refuses an unsorted list', () => {
    expect(() => encodePostings([3, 2])).toThrow(RangeError);
  });
});
