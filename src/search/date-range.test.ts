import { describe, expect, it } from 'vitest';
import { ROWIDS_PER_SECOND } from '../store/tables.js';
import { boundSeconds, rowidRange } from './date-range.js';

describe('boundSeconds', () => {
  it('reads a bare day in Asia/Shanghai', () => {
    expect(boundSeconds('2021-12-08', false, 'from')).toBe(Date.parse('2021-12-07T16:00:00Z') / 1000);
    expect(boundSeconds('2021-12-08', true, 'to')).toBe(Date.parse('2021-12-08T15:59:59Z') / 1000);
  });

  it('reads an instant with offset', () => {
    expect(boundSeconds('2021-12-08T11:00:00+08:00', false, 'from')).toBe(Date.parse('2021-12-08T03:00:00Z') / 1000);
  });

  it.each(['2021-13-01', '2021-02-30', 'yesterday', '2021-12-08T11:00:00', ''])('rejects %j', (v) => {
    expect(() => boundSeconds(v, false, 'from')).toThrow(/search: from must be a day/);
  });
});

describe('rowidRange', () => {
  it('spans the whole index without filters', () => {
    expect(rowidRange(undefined, undefined)).toEqual({ lo: Number.MIN_SAFE_INTEGER, hi: Number.MAX_SAFE_INTEGER });
  });

  it('covers every rowid of the last second of `to`', () => {
    const { lo, hi } = rowidRange('2021-12-08', '2021-12-08');
    expect(lo).toBe((Date.parse('2021-12-07T16:00:00Z') / 1000) * ROWIDS_PER_SECOND);
    expect(hi).toBe((Date.parse('2021-12-08T15:59:59Z') / 1000 + 1) * ROWIDS_PER_SECOND - 1);
  });

  it('rejects from after to', () => {
    expect(() => rowidRange('2021-12-09', '2021-12-08')).toThrow(/after/);
  });
});
