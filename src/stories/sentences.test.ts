import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it('splits after end punctuation and keeps closing quotes with their sentence', () => {
    expect(splitSentences('他说：“好。”然后走了！还有吗？没有', 3)).toEqual([
      { para: 3, at: 0, text: '他说：“好。”' },
      { para: 3, at: 7, text: '然后走了！' },
      { para: 3, at: 12, text: '还有吗？' },
      { para: 3, at: 16, text: '没有' },
    ]);
  });
  it('pieces concatenate back to the paragraph, offsets in code points', () => {
    const p = '甲𠀀乙。丙；；丁。。';
    const s = splitSentences(p, 0);
    expect(s.map((x) => x.text).join('')).toBe(p);
    expect(s.map((x) => x.at)).toEqual([0, 4, 7]);
  });
});
