import { describe, expect, it } from 'vitest';
import { extractClaims } from './extract.js';
import { movingNames, trimName } from './lists.js';

const PUB = '2021-12-08T12:00:00+08:00';
const moves = (text: string) => extractClaims(text, PUB).map((c) => [c.subject, c.value, c.unit]);

describe('lists of names sharing one figure', () => {
  it('gives one claim per name, comma or enumeration comma', () => {
    expect(moves('电力股走强，甲乙电力，丙丁能源，戊己控股涨超2.5%。')).toEqual([
      ['甲乙电力', 2.5, '%'], ['丙丁能源', 2.5, '%'], ['戊己控股', 2.5, '%'],
    ]);
    expect(moves('科技股分化，甲网络跌5%、乙游戏跌2.9%，丙健康、DEF太平洋、丁搜索跌逾1%。').map(([s, v]) => [s, v])).toEqual([
      ['甲网络', -5], ['乙游戏', -2.9], ['丙健康', -1], ['DEF太平洋', -1], ['丁搜索', -1],
    ]);
  });

  it('drops market words and time adverbs around a name; a scope phrase is no name', () => {
    expect(trimName('港股甲乙电子')).toBe('甲乙电子');
    expect(trimName('甲乙汽车短线')).toBe('甲乙汽车');
    expect(movingNames('，截至收盘，多只新股涨超')).toBeNull();
  });
});

describe('a number joined to the next one', () => {
  it('shares its unit and multiplier (27.3及56.2港元, 1.5和2亿元)', () => {
    expect(moves('目标价分别下调至27.3及56.2港元。').map(([, v, u]) => [v, u])).toEqual([[27.3, '港元'], [56.2, '港元']]);
    expect(moves('两家公司营业收入分别为1.5和2亿元。').map(([, v, u]) => [v, u])).toEqual([[150000000, '元'], [200000000, '元']]);
  });
});
