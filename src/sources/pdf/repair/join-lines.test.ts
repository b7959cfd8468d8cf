import { describe, expect, it } from 'vitest';
import { joinLines, joinPair, typicalLineWidth } from './join-lines.js';

describe('joinLines', () => {
  const cases: ReadonlyArray<[string, string[], string[]]> = [
    [
      'joins a wrapped paragraph without spaces',
      ['　　今年以来，各地加快推进', '重大项目建设，投资增速稳步', '回升。'],
      ['今年以来，各地加快推进重大项目建设，投资增速稳步回升。'],
    ],
    [
      'ends a paragraph at an indent',
      ['　　第一段文字写到这里为止了', '　　第二段从这里开始写起来了'],
      ['第一段文字写到这里为止了', '第二段从这里开始写起来了'],
    ],
    [
      'ends a paragraph at a blank line',
      ['第一段文字写到这里为止了', '', '第二段从这里开始写起来了'],
      ['第一段文字写到这里为止了', '第二段从这里开始写起来了'],
    ],
    [
      'ends a paragraph after a short last line',
      ['第一段文字写到这里为止了', '就此结束。', '第二段从这里开始写起来了', '还在继续。'],
      ['第一段文字写到这里为止了就此结束。', '第二段从这里开始写起来了还在继续。'],
    ],
    [
      'rejoins a hyphenated Latin word',
      ['该公司首席执行官表示，inter-', 'national市场需求稳定增长中'],
      ['该公司首席执行官表示，international市场需求稳定增长中'],
    ],
    [
      'puts a space between Latin words broken without a hyphen',
      ['该公司今年三月与知名车企Faraday', 'Future签署合作协议并开展合作'],
      ['该公司今年三月与知名车企Faraday Future签署合作协议并开展合作'],
    ],
  ];
  it.each(cases)('%s', (_name, lines, expected) => {
    expect(joinLines(lines)).toEqual(expected);
  });

  it('uses a given typical width', () => {
    expect(joinLines(['一二三四五', '六七八'], { typicalWidth: 5 })).toEqual(['一二三四五六七八']);
    expect(joinLines(['一二三', '四五六'], { typicalWidth: 10 })).toEqual(['一二三', '四五六']);
  });
});

describe('typicalLineWidth', () => {
  it('takes the 80th percentile of non-blank widths', () => {
    expect(typicalLineWidth(['一二三四五', '一二三四五', '一二', '', '一二三四五六七'])).toBe(7);
    expect(typicalLineWidth(['一二三四五', '一二三四五', '一二三四五', '一二', ''])).toBe(5);
    expect(typicalLineWidth([])).toBe(0);
  });
});

describe('joinPair', () => {
  it.each([
    ['物价', '温和', '物价温和'],
    ['增长', '5%', '增长5%'],
    ['re-', 'form', 'reform'],
    ['COVID-', '19', 'COVID-19'],
    ['big', 'data', 'big data'],
  ])('%s + %s → %s', (a, b, expected) => {
    expect(joinPair(a, b)).toBe(expected);
  });
});
