import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyPostings } from './key-postings.js';

function collect(postings: KeyPostings, key: number): number[] {
  const out: number[] = [];
  postings.collect(key, (n) => out.push(n));
  return out;
}

/** The reference: a Map of arrays, oldest first, with the same bound and re-add rule. */
class ReferencePostings {
  readonly lists = new Map<number, number[]>();
  constructor(readonly max: number) {}
  add(key: number, n: number): void {
    const list = this.lists.get(key) ?? [];
    this.lists.set(key, list);
    if (list.includes(n)) return;
    list.push(n);
    if (list.length > this.max) list.shift();
  }
  remove(key: number, n: number): void {
    const list = this.lists.get(key);
    if (list !== undefined) this.lists.set(key, list.filter((x) => x !== n));
  }
}

describe('KeyPostings', () => {
  it('keeps one posting inline, then lists newest first', () => {
    const p = new KeyPostings(3);
    p.add(0, 1);
    expect(collect(p, 0)).toEqual([1]);
    p.add(0, 1);
    p.add(0, 2);
    p.add(0, 3);
    expect(collect(p, 0)).toEqual([3, 2, 1]);
    p.add(0, 4);
    expect(collect(p, 0)).toEqual([4, 3, 2]);
    expect(collect(p, 7)).toEqual([]);
  });

  it('removes postings and keeps other keys of the probe run reachable', () => {
    const p = new KeyPostings(4, 16);
    for (let key = 0; key < 11; key++) p.add(key, key + 1);
    p.remove(3, 4);
    p.remove(3, 99);
    expect(collect(p, 3)).toEqual([]);
    for (let key = 0; key < 11; key++) if (key !== 3) expect(collect(p, key)).toEqual([key + 1]);
    p.add(3, 5);
    expect(collect(p, 3)).toEqual([5]);
  });

  it('keeps a bound of one by replacing the posting', () => {
    const p = new KeyPostings(1);
    p.add(9, 1);
    p.add(9, 2);
    expect(collect(p, 9)).toEqual([2]);
  });

  it('agrees with a map of arrays on random adds and removes through growth', () => {
    const op = fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 40 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 600 }), (max, ops) => {
        const p = new KeyPostings(max, 16);
        const ref = new ReferencePostings(max);
        for (const [isAdd, rawKey, n] of ops) {
          // Spread keys over the 32-bit range, including 0 and 2³² − 1.
          const key = rawKey === 200 ? 0xffffffff : Math.imul(rawKey, 0x9e3779b1) >>> 0;
          if (isAdd) {
            p.add(key, n);
            ref.add(key, n);
          } else {
            p.remove(key, n);
            ref.remove(key, n);
          }
        }
        for (const [key, list] of ref.lists) expect(collect(p, key)).toEqual([...list].reverse());
      }),
      { numRuns: 200 },
    );
  });
});
