import { describe, expect, it } from 'vitest';
import { toDisplayText, toFingerprintParagraphs, toFingerprintText } from './normalize.js';

describe('toFingerprintText', () => {
  it.each([
    ['Ａ股：涨２％， 收于 3,600点！', 'a股涨2收于3600点'],
    ['“股王”重回高位。', '股王重回高位'],
    ['央行\u3000今日\t公告', '央行今日公告'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(toFingerprintText(input)).toBe(expected);
  });
});

describe('toFingerprintParagraphs', () => {
  it('splits on newlines and drops empty paragraphs', () => {
    expect(toFingerprintParagraphs('第一段，内容。\n\n  \n第二段！')).toEqual(['第一段内容', '第二段']);
  });
});

describe('toDisplayText', () => {
  it('keeps punctuation, folds width and spacing', () => {
    expect(toDisplayText('  收于３６００点，  上涨。 ')).toBe('收于3600点,  上涨。'.replace(',  ', ', '));
  });
});
