import { describe, expect, it } from 'vitest';
import { baselineBefore, baselineMentions, baselineOf, directionOf } from './change.js';
import { extractClaims } from './extract.js';

describe('directionOf', () => {
  it('reads the change word nearest the number', () => {
    expect(directionOf('同比下降', '房地产开发投资')).toBe('down');
    expect(directionOf('同比增长', '利润总额')).toBe('up');
    expect(directionOf('增速比上月回落', '工业增加值')).toBe('down');
    expect(directionOf('涨幅比上月收窄', 'CPI')).toBe('down');
    expect(directionOf('同比持平', '产量')).toBe('flat');
    expect(directionOf('为', '纯碱期货主力合约跌幅')).toBe('down');
    expect(directionOf('同比', '利润')).toBe('up');
  });
});

describe('baselineOf', () => {
  it('tells year-on-year, month-on-month, vs a year and two-year averages apart', () => {
    expect(baselineOf('利润同比增长')).toBe('yoy');
    expect(baselineOf('投资比去年同期下降')).toBe('yoy');
    expect(baselineOf('环比上涨')).toBe('mom');
    expect(baselineOf('利润同比增长38.0%，比2019年同期增长')).toBe('vs-year');
    expect(baselineOf('同比增长38.0%，两年平均增长')).toBe('two-year-avg');
    expect(baselineOf('股价上涨')).toBeNull();
  });
});

describe('signed changes in extracted claims', () => {
  it('a fall is negative, with its direction and baseline', () => {
    const [level, growth] = extractClaims('1—11月份，全国房地产开发投资39154亿元，同比下降2.7%。', '2022-12-15T10:00:00+08:00');
    expect([level!.value, level!.direction, level!.baseline]).toEqual([3915400000000, null, null]);
    expect([growth!.value, growth!.kind, growth!.direction, growth!.baseline]).toEqual([-2.7, 'growth', 'down', 'yoy']);
  });

  it('a release states 同比 once: later changes of the same period share it; a stock move has none', () => {
    const claims = extractClaims('1-5月，本市房地产开发投资比去年同期下降18.0%。\n\n商品房施工面积14320.58万平方米，增长6.4%。', '2022-06-17T11:39:35+08:00');
    expect(claims.filter((c) => c.kind === 'growth').map((c) => [c.value, c.baseline])).toEqual([[-18, 'yoy'], [6.4, 'yoy']]);
    const [move] = extractClaims('恒大汽车短线下挫，现跌超5%。', '2021-12-08T12:00:21+08:00');
    expect([move!.value, move!.direction, move!.baseline]).toEqual([-5, 'down', null]);
  });
});

describe('baselineBefore', () => {
  it('agrees with baselineOf on the text before each number', () => {
    const s = '利润同比增长38.0%，比2019年同期增长10%，两年平均增长5%，环比增长1%';
    const mentions = baselineMentions(s);
    const numbers = [...s.matchAll(/\d+(?:\.\d+)?%/g)].map((m) => m.index);
    expect(numbers.map((pos) => baselineBefore(mentions, pos))).toEqual(numbers.map((pos) => baselineOf(s.slice(0, pos))));
    expect(numbers.map((pos) => baselineBefore(mentions, pos))).toEqual(['yoy', 'vs-year', 'two-year-avg', 'mom']);
  });
});
