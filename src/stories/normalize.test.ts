import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDisplayText, toFingerprintParagraphs, toFingerprintText, toNfkc } from './normalize.js';

/** The definition the fast path must equal: split on newlines, fold each, drop empty ones. */
const reference = (text: string): string[] => text.split(/\n+/).map(toFingerprintText).filter((p) => p.length > 0);

/** Characters of both paths: ASCII, full-width forms, CJK, CJK and typographic punctuation, and some the fast path leaves to NFKC. */
const alphabet = [
  ...'aZ09 ,.;\n\r\t%$-_|~', ...'人民币汇率升值点亿元〇々', ...'，。、：；！？（）《》【】「」“”‘’—…·×÷‰→■▲△◆●★\u3000',
  ...'ＡＺａｚ０９％＄～｡ｶ①Ⅻ㈱ﬁ', '\u0301', 'é', '\ud840\udc00', '\u00a0', '\u2028', 'İ', 'Σ', '\u200b',
];
const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((cs) => cs.join(''));


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

describe('fast folding equals the NFKC definition', () => {
  it('toFingerprintParagraphs on random mixed text', () => {
    fc.assert(fc.property(texts, (text) => {
      expect(toFingerprintParagraphs(text)).toEqual(reference(text));
    }), { numRuns: 2000 });
  });
  it('toFingerprintParagraphs on long random text (paragraphs past the decoder threshold)', () => {
    const long = fc.array(fc.constantFrom(...alphabet.filter((c) => c !== '\n'), '人', '民', '币'), { minLength: 70, maxLength: 400 });
    const paragraphs = fc.array(long.map((cs) => cs.join('')), { minLength: 1, maxLength: 3 }).map((ps) => ps.join('\n'));
    fc.assert(fc.property(paragraphs, (text) => {
      expect(toFingerprintParagraphs(text)).toEqual(reference(text));
      expect(toNfkc(text)).toBe(text.normalize('NFKC'));
    }), { numRuns: 300 });
  });
  it('toNfkc on random mixed text', () => {
    fc.assert(fc.property(texts, (text) => {
      expect(toNfkc(text)).toBe(text.normalize('NFKC'));
    }), { numRuns: 2000 });
  });
});

describe('toDisplayText', () => {
  it('keeps punctuation, folds width and spacing', () => {
    expect(toDisplayText('  收于３６００点，  上涨。 ')).toBe('收于3600点,  上涨。'.replace(',  ', ', '));
  });
});
