import { describe, expect, it } from 'vitest';
import { parsePageLabel, readHeaderLine } from './page-header.js';

describe('parsePageLabel', () => {
  it.each([
    ['2', 2],
    ['１２', 12],
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十一', 21],
    ['版', null],
  ] as const)('%s → %s', (label, expected) => {
    expect(parsePageLabel(label)).toBe(expected);
  });
});

describe('readHeaderLine', () => {
  it.each([
    ['2022年1月5日 星期三', { date: '2022年1月5日' }],
    ['2022 年 01 月 05 日  星 期 三', { date: '2022年1月5日' }],
    ['第2版', { page: 2 }],
    ['第十二版　要闻', { page: 12 }],
    ['2022年1月6日 星期四 第3版 经济', { date: '2022年1月6日', page: 3 }],
    ['2021.3.23 星期二', { date: '2021年3月23日' }],
    ['           05 综合新闻 微信：lswbwx                                  2021.3.23 星期二   编辑 白琳   美编 王某', { date: '2021年3月23日' }],
  ] as const)('%s', (line, expected) => {
    expect(readHeaderLine(line)).toEqual(expected);
  });

  it('reads a date whose weekday is printed alone on the next line', () => {
    expect(readHeaderLine('2024 年 4 月 19 日', '星期五')).toEqual({ date: '2024年4月19日' });
    expect(readHeaderLine('2024 年 4 月 19 日', '生活服务')).toBeNull();
  });

  it.each([
    '（上接第一版）',
    '下转第2版',
    '2022年1月5日召开的会议强调，要稳字当头。',
    '2022年1月5日',
    '2021.3.23',
    '版本1.2.3 星期一发布',
    '据第2版报道，今年以来经济运行总体平稳，各项指标好于预期，就业形势稳定。',
    '',
  ])('is not a header: %s', (line) => {
    expect(readHeaderLine(line)).toBeNull();
  });
});
