import { describe, expect, it } from 'vitest';
import { parseQuery, splitBareWord } from './query-parse.js';

describe('parseQuery', () => {
  it('reads words, phrases, exclusions and filters', () => {
    expect(parseQuery('碳达峰 -光伏 outlet:cls "全国 碳市场" category:金融 -"新能源汽车"')).toEqual({
      terms: [
        { text: '碳达峰', phrase: false },
        { text: '全国 碳市场', phrase: true },
      ],
      excluded: [
        { text: '光伏', phrase: false },
        { text: '新能源汽车', phrase: true },
      ],
      outlets: ['cls'],
      categories: ['金融'],
    });
  });

  it('splits a bare Chinese word with jieba and the user dictionary', () => {
    expect(parseQuery('碳达峰碳中和').terms.map((t) => t.text)).toEqual(['碳达峰', '碳中和']);
    expect(parseQuery('专精特新小巨人').terms.map((t) => t.text)).toEqual(['专精特新', '小巨人']);
  });

  it('keeps one- and two-character queries and mixed scripts as typed (lower-cased)', () => {
    expect(parseQuery('碳').terms).toEqual([{ text: '碳', phrase: false }]);
    expect(parseQuery('股市').terms).toEqual([{ text: '股市', phrase: false }]);
    expect(parseQuery('IPv6').terms).toEqual([{ text: 'ipv6', phrase: false }]);
    expect(parseQuery('5G').terms).toEqual([{ text: '5g', phrase: false }]);
    expect(parseQuery('6.3512 0388.HK').terms).toEqual([
      { text: '6.3512', phrase: false },
      { text: '0388.hk', phrase: false },
    ]);
  });

  it('drops function characters inside a longer word but keeps a lone one', () => {
    expect(parseQuery('碳达峰和碳中和').terms.map((t) => t.text)).toEqual(['碳达峰', '碳中和']);
    expect(parseQuery('和').terms.map((t) => t.text)).toEqual(['和']);
  });

  it('accepts full-width quotes and an unclosed quote', () => {
    expect(parseQuery('“北向资金”').terms).toEqual([{ text: '北向资金', phrase: true }]);
    expect(parseQuery('"北向资金').terms).toEqual([{ text: '北向资金', phrase: true }]);
  });

  it('ignores a lone minus, duplicates and empty phrases', () => {
    expect(parseQuery('- 央行 央行 ""')).toEqual({ terms: [{ text: '央行', phrase: false }], excluded: [], outlets: [], categories: [] });
  });
});

describe('splitBareWord', () => {
  it('rejoins characters jieba leaves alone in a row', () => {
    // 霍尼韦 is not a dictionary word: kept as one term, not three one-character terms
    expect(splitBareWord('霍尼韦')).toEqual(['霍尼韦']);
  });
});
