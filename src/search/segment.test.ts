import { describe, expect, it } from 'vitest';
import { indexWords, isDictionaryWord, isWordColumnShape, queryWords } from './segment.js';

describe('indexWords', () => {
  it('keeps every long dictionary word anywhere in the text, then the mixed-script words, lower-cased', () => {
    expect(indexWords('推进5G基站和千兆光网建设，A股三大指数上涨，碳达峰碳中和')).toEqual(['千兆光网', '碳达峰', '碳中和', '5g基站', 'a股']);
    expect(indexWords('中华人民共和国')).toEqual(['中华人民', '中华人民共和国', '人民共和国', '共和国']);
    expect(indexWords('国家知识产权局')).toEqual(['国家知识产权局', '知识产权', '知识产权局', '产权局']);
  });

  it('drops two-character Han words (they are single gram tokens) and unknown words', () => {
    expect(indexWords('股市上涨，北向资金流入')).toEqual(['北向资金', '资金流']);
    expect(indexWords('恩捷股份涨逾6%')).toEqual([]);
  });
});

describe('queryWords', () => {
  it('cuts in precise mode with the user dictionary and drops punctuation', () => {
    expect(queryWords('专精特新“小巨人”')).toEqual(['专精特新', '小巨人']);
  });
});

describe('isDictionaryWord', () => {
  it.each([
    ['碳达峰', true],
    ['a股', true],
    ['5g基站', true],
    ['数据中心', true],
    ['恩捷股份', false],
    ['工业企业', true],
    ['国有企业改革', false],
  ])('%s → %s', (word, expected) => {
    expect(isDictionaryWord(word)).toBe(expected);
  });
});

describe('isWordColumnShape', () => {
  it.each([
    ['碳达峰', true],
    ['a股', true],
    ['股市', false],
    ['ipv6', false],
    ['碳 达峰', false],
  ])('%s → %s', (word, expected) => {
    expect(isWordColumnShape(word)).toBe(expected);
  });
});
