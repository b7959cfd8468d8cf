import { describe, expect, it } from 'vitest';
import { jieba } from '../segment.js';
import { DEFAULT_TERM_FREQ, FINANCE_TERMS, toJiebaDict } from './finance-terms.js';

describe('FINANCE_TERMS (the whole table)', () => {
  it('has unique words without spaces, of Han characters, Latin letters and digits', () => {
    const words = FINANCE_TERMS.map((t) => t.word);
    expect(new Set(words).size).toBe(words.length);
    for (const w of words) expect(w).toMatch(/^[\p{Script=Han}A-Za-z0-9]{2,}$/u);
  });

  it('contains the terms the issue names', () => {
    const words = new Set(FINANCE_TERMS.map((t) => t.word));
    for (const w of ['专精特新', '小巨人', '千兆光网', '碳达峰', '碳中和', '规上', '北向资金', '新基建']) expect(words).toContain(w);
  });

  it('gives frequencies jieba accepts', () => {
    for (const t of FINANCE_TERMS) expect(Number.isInteger(t.freq ?? DEFAULT_TERM_FREQ) && (t.freq ?? DEFAULT_TERM_FREQ) > 0).toBe(true);
    expect(toJiebaDict(FINANCE_TERMS).split('\n').filter((l) => l !== '')).toHaveLength(FINANCE_TERMS.length);
  });

  it.each(FINANCE_TERMS.map((t) => t.word))('jieba keeps %s whole, alone and inside a sentence', (word) => {
    expect(jieba().cut(word, true)).toEqual([word]);
    expect(jieba().cut(`今年${word}有关情况`, true)).toContain(word);
  });
});
