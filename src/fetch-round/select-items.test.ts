import { describe, expect, it } from 'vitest';
import { orderNewestFirst, selectForPoll } from './select-items.js';

const ids = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('orderNewestFirst', () => {
  it('sorts by date when every item has one, keeping feed order on ties', () => {
    const items = [
      { id: 'a', d: '2024-03-01T08:00:00Z' },
      { id: 'b', d: '2024-03-02T08:00:00Z' },
      { id: 'c', d: '2024-03-01T08:00:00Z' },
    ];
    expect(orderNewestFirst(items, (i) => i.d).map((i) => i.id)).toEqual(['b', 'a', 'c']);
  });

  it('keeps feed order when an item has no readable date', () => {
    const items = [{ id: 'a', d: '2024-03-01' }, { id: 'b', d: '昨天' }, { id: 'c', d: '2024-03-02' }];
    expect(orderNewestFirst(items, (i) => i.d).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('selectForPoll', () => {
  it('takes a short feed whole without a lookup', async () => {
    const lookups: number[] = [];
    const out = await selectForPoll(ids(5), 5, async (i) => (lookups.push(i), true));
    expect(out).toEqual({ taken: ids(5), more: false });
    expect(lookups).toEqual([]);
  });

  it('takes the newest max items, then the backlog oldest first, up to max new in all', async () => {
    // 0..2 newest and new; 3..4 stored; 5..9 new backlog.
    const stored = new Set([3, 4]);
    const out = await selectForPoll(ids(10), 5, async (i) => stored.has(i));
    expect(out).toEqual({ taken: [0, 1, 2, 3, 4, 9, 8], more: true });
  });

  it('says no more when the backlog is all taken', async () => {
    const stored = new Set([0, 1, 2, 3, 4, 5, 6]);
    expect(await selectForPoll(ids(10), 5, async (i) => stored.has(i))).toEqual({
      taken: [0, 1, 2, 3, 4, 9, 8, 7],
      more: false,
    });
  });
});
