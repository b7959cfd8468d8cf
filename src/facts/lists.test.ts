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
    expect(trimName('其手机销量')).toBe('手机销量');
    expect(trimName('其他品牌')).toBe('其他品牌');
    expect(movingNames('，截至收盘，多只新股涨超')).toBeNull();
  });
});

describe('a number joined to the next one', () => {
  it('shares its unit and multiplier (27.3及56.2港元, 1.5和2亿元)', () => {
    expect(moves('目标价分别下调至27.3及56.2港元。').map(([, v, u]) => [v, u])).toEqual([[27.3, '港元'], [56.2, '港元']]);
    expect(moves('两家公司营业收入分别为1.5和2亿元。').map(([, v, u]) => [v, u])).toEqual([[150000000, '元'], [200000000, '元']]);
  });
});

describe('分别 lists and plans (issue 15 examples)', () => {
  const PUB22 = '2022-12-15T10:00:00+08:00';
  const brief = (text: string) => extractClaims(text, PUB22).map((c) => [c.subject, c.value, c.unit, c.kind, c.baseline]);

  it('distributes the figures in order, with the shared head and the first one’s sign', () => {
    expect(brief('化学需氧量、氨氮、氮氧化物、挥发性有机物排放总量比2020年分别下降8%、8%、10%以上、10%以上。')).toEqual([
      ['化学需氧量排放总量', -8, '%', 'growth', 'vs-year'],
      ['氨氮排放总量', -8, '%', 'growth', 'vs-year'],
      ['氮氧化物排放总量', -10, '%', 'growth', 'vs-year'],
      ['挥发性有机物排放总量', -10, '%', 'growth', 'vs-year'],
    ]);
    expect(brief('装备制造业和高技术制造业利润同比分别增长7.07倍和3.08倍。')).toEqual([
      ['装备制造业利润', 7.07, '倍', 'growth', 'yoy'],
      ['高技术制造业利润', 3.08, '倍', 'growth', 'yoy'],
    ]);
  });

  it('a five-year plan sets a target due at its end', () => {
    const [c] = extractClaims('“十四五”时期规模以上工业单位增加值能耗下降13.5%。', PUB22);
    expect([c!.subject, c!.kind, c!.period, c!.deadline]).toEqual(['规模以上工业单位增加值能耗', 'target', '2021/2025', '2025-12-31']);
  });

  it('a comparison word is not the subject: 涨幅比上月扩大 is a month-on-month rise of CPI涨幅', () => {
    expect(brief('CPI涨幅比上月扩大0.6个百分点。')).toEqual([['CPI涨幅', 0.6, '个百分点', 'growth', 'mom']]);
  });

  it('notes and definitions give no claims', () => {
    expect(extractClaims('注：规模以上工业企业指年主营业务收入2000万元及以上的工业企业。', PUB22)).toEqual([]);
    expect(extractClaims('利润增长5%。\n\n附注\n\n1.指标解释：主营业务收入2000万元以上。', PUB22).map((c) => c.value)).toEqual([5]);
    expect(extractClaims('截至7月底，累计接种新冠病毒疫苗70亿剂。', PUB22).map((c) => [c.value, c.unit])).toEqual([[7000000000, '剂']]);
  });
});

describe('periods across sentences', () => {
  it('a deadline (到2022年, 9月21日前) is not inherited by the next sentence; 截至 is', () => {
    const periods = (text: string) => extractClaims(text, '2021-12-08T12:00:00+08:00').map((c) => c.period);
    expect(periods('资金足以支付到2022年的借款。法案仍需至少60票赞成。')).toEqual([null]);
    expect(periods('截至11月底，累计开通基站139.6万个。其中，新增基站45万个。')).toEqual(['2021-11-30', '2021-11-30']);
  });
});
