import { describe, expect, it } from 'vitest';
import { decodeStoryCursor, encodeStoryCursor, isAfterCursor } from './story-cursor.js';

describe('story cursors', () => {
  it('round-trips a dated and an undated position', () => {
    expect(decodeStoryCursor(encodeStoryCursor('2021-12-20T18:52:20+08:00', 'st-1'))).toEqual({ ms: Date.parse('2021-12-20T10:52:20Z'), id: 'st-1' });
    expect(decodeStoryCursor(encodeStoryCursor(null, 'st-2'))).toEqual({ ms: null, id: 'st-2' });
  });

  it.each(['', 'not base64 json', Buffer.from('[1]').toString('base64url'), Buffer.from('["x","y"]').toString('base64url')])(
    'rejects %j',
    (c) => expect(decodeStoryCursor(c)).toBeUndefined(),
  );

  it('orders newest first, then id descending, undated last', () => {
    const c = { ms: Date.parse('2021-12-20T00:00:00Z'), id: 'st-5' };
    expect(isAfterCursor('2021-12-19T00:00:00Z', 'st-9', c)).toBe(true);
    expect(isAfterCursor('2021-12-20T00:00:00Z', 'st-4', c)).toBe(true);
    expect(isAfterCursor('2021-12-20T00:00:00Z', 'st-5', c)).toBe(false);
    expect(isAfterCursor('2021-12-20T00:00:00Z', 'st-6', c)).toBe(false);
    expect(isAfterCursor('2021-12-21T00:00:00Z', 'st-1', c)).toBe(false);
    expect(isAfterCursor(null, 'st-9', c)).toBe(true);
    expect(isAfterCursor(null, 'st-3', { ms: null, id: 'st-4' })).toBe(true);
    expect(isAfterCursor('2021-12-19T00:00:00Z', 'st-3', { ms: null, id: 'st-4' })).toBe(false);
  });
});
