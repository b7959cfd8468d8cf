import { describe, expect, it } from 'vitest';
import { decodeStoryCursor, encodeStoryCursor } from './story-cursor.js';

describe('story cursors', () => {
  it('round-trips a dated and an undated position', () => {
    expect(decodeStoryCursor(encodeStoryCursor('2021-12-20T18:52:20+08:00', 'st-1'))).toEqual({ ms: Date.parse('2021-12-20T10:52:20Z'), id: 'st-1' });
    expect(decodeStoryCursor(encodeStoryCursor(null, 'st-2'))).toEqual({ ms: null, id: 'st-2' });
  });

  it.each(['', 'not base64 json', Buffer.from('[1]').toString('base64url'), Buffer.from('["x","y"]').toString('base64url')])(
    'rejects %j',
    (c) => expect(decodeStoryCursor(c)).toBeUndefined(),
  );
});
