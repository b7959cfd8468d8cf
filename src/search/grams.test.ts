import { describe, expect, it } from 'vitest';
import { gramPhrase, gramTokens, normalizeText } from './grams.js';

describe('gramTokens', () => {
  it.each([
    ['碳达峰', ['碳达', '达峰', '峰']],
    ['碳', ['碳']],
    ['5G基站', ['5g', '基站', '站']],
    ['推进IPv6规模部署', ['推进', '进', 'ipv6', '规模', '模部', '部署', '署']],
    ['碳达峰，碳中和。', ['碳达', '达峰', '峰', '碳中', '中和', '和']],
    ['ＡＢＣ１２３股', ['abc123', '股']],
    ['涨幅6.35%', ['涨幅', '幅', '6', '35']],
    ['', []],
    ['，。！', []],
  ])('%j → %j', (text, tokens) => {
    expect(gramTokens(text)).toEqual(tokens);
  });

  it('makes every Han character the first character of exactly one token', () => {
    const text = '北向资金净流入超40亿元，A股三大指数集体上涨';
    const firsts = gramTokens(text)
      .filter((t) => /\p{Script=Han}/u.test(t))
      .map((t) => Array.from(t)[0]);
    expect(firsts.join('')).toBe(text.replace(/[^\p{Script=Han}]/gu, ''));
  });
});

describe('gramPhrase', () => {
  it.each([
    ['碳', { tokens: ['碳'], prefixLast: true }],
    ['股市', { tokens: ['股市'], prefixLast: false }],
    ['碳达峰', { tokens: ['碳达', '达峰'], prefixLast: false }],
    ['5G基站', { tokens: ['5g', '基站'], prefixLast: false }],
    ['基站5G', { tokens: ['基站', '站', '5g'], prefixLast: false }],
    ['A股', { tokens: ['a', '股'], prefixLast: true }],
    ['IPv6', { tokens: ['ipv6'], prefixLast: false }],
    ['碳达峰 碳中和', { tokens: ['碳达', '达峰', '峰', '碳中', '中和'], prefixLast: false }],
  ])('%j → %j', (term, phrase) => {
    expect(gramPhrase(term)).toEqual(phrase);
  });

  it('is null for a term without letters, digits or Han', () => {
    expect(gramPhrase('，。—')).toBeNull();
  });

  it('is a contiguous run of the tokens of any text containing the term', () => {
    const text = '国家发改委印发《贯彻落实碳达峰碳中和目标要求 推动数据中心和5G基站绿色发展》';
    const doc = gramTokens(text).join(' ');
    for (const term of ['碳达峰', '中和目', '5G基站', '数据中心和5G', '发改委']) {
      const p = gramPhrase(term)!;
      expect(doc).toContain(p.tokens.join(' '));
    }
  });
});

describe('normalizeText', () => {
  it('applies NFKC and lower case', () => {
    expect(normalizeText('ＩＰｖ６ 5G')).toBe('ipv6 5g');
  });
});
