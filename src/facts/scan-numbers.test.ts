import { describe, expect, it } from 'vitest';
import { scanNumbers } from './scan-numbers.js';

const scan = (s: string) => scanNumbers(s, []).map((m) => [s.slice(m.start, m.end), m.value, m.high, m.shape, m.unit, m.qualifier]);

describe('scanNumbers', () => {
  it.each([
    ['净流入超40亿元', [['超40亿元', 4000000000, null, 'single', '元', '超过']]],
    ['培育100余家企业', [['100余家', 100, null, 'single', '家', '超过']]],
    ['产能约8000吨/年', [['约8000吨/年', 8000, null, 'single', '吨/年', '约']]],
    ['在6.3-6.7的区间', [['6.3-6.7', 6.3, 6.7, 'range', '', null]]],
    ['日成交额1-2亿元', [['1-2亿元', 100000000, 200000000, 'range', '元', null]]],
    ['以222:212通过', [['222:212', 222, 212, 'ratio', ':', null]]],
    ['由30%提高到50%以上', [['30%', 30, null, 'single', '%', null], ['50%以上', 50, null, 'single', '%', '以上']]],
    ['电导率可达1.8 mS/cm', [['可达1.8 mS/cm', 1.8, null, 'single', 'mS/cm', '达到']]],
    ['回购11,910,000美元', [['11,910,000美元', 11910000, null, 'single', '美元', null]]],
    ['同比增46%至190万辆', [['46%', 46, null, 'single', '%', null], ['190万辆', 1900000, null, 'single', '辆', null]]],
    ['机身长 8.5 英寸', [['8.5 英寸', 8.5, null, 'single', '英寸', null]]],
    ['配备 2000 万像素镜头', [['2000 万像素', 20000000, null, 'single', '像素', null]]],
    ['容量为3000mAh，支持18W充电，屏幕90Hz', [['3000mAh', 3000, null, 'single', 'mAh', null], ['18W', 18, null, 'single', 'W', null], ['90Hz', 90, null, 'single', 'Hz', null]]],
    ['机身为70.2×150.1×8.1mm', [['70.2×150.1×8.1mm', 70.2, null, 'single', 'mm', null]]],
    ['内存为 6+64GB', [['6', 6, null, 'single', 'GB', null], ['64GB', 64, null, 'single', 'GB', null]]],
    ['可选 8GB+64/128GB', [['8GB', 8, null, 'single', 'GB', null], ['64', 64, null, 'single', 'GB', null], ['128GB', 128, null, 'single', 'GB', null]]],
    ['租金5元每小时', [['5元每小时', 5, null, 'single', '元/小时', null]]],
    ['每天工作10小时', [['10小时', 10, null, 'single', '小时', null]]],
    ['每天收到300单', [['300单', 300, null, 'single', '单', null]]],
    ['约减少了5.42亿美元', [['5.42亿美元', 542000000, null, 'single', '美元', '约']]],
  ])('%s', (s, expected) => expect(scan(s)).toEqual(expected));

  it.each(['第3版', '病例1为加拿大籍', '9:45打开', '0—24时', 'HFO-1234yf', '2019/10/01', 'B+30', '4K/60FPS', 'A50指数', '（600519）', '百度跌', '两年平均', '前3批'])('%s: none', (s) =>
    expect(scan(s)).toEqual([]),
  );
});

describe('a score written with 比', () => {
  it('甲队以88比80获胜 is the ratio 88:80; 比 before a word is a comparison, no ratio', () => {
    expect(scan('甲队以88比80获胜')).toEqual([['88比80', 88, 80, 'ratio', ':', null]]);
    expect(scan('增长5%，比上月加快')).toEqual([['5%', 5, null, 'single', '%', null]]);
  });
});

describe('issue 15: value noise and ranges', () => {
  it('a stock quote in brackets after a name gives no figure', () => {
    expect(scan('甲银行(15.2, 0.31, 2.08%)的分析师认为')).toEqual([]);
    expect(scan('乙公司（8.75，-0.12，-1.35%）发布公告')).toEqual([]);
  });
  it('a range with its unit at both ends is one range, in the second unit', () => {
    expect(scan('成本在3元—8元之间')).toEqual([['3元—8元', 3, 8, 'range', '元', null]]);
    expect(scan('收费5元到6元每小时')).toEqual([['5元到6元每小时', 5, 6, 'range', '元/小时', null]]);
    expect(scan('价格狂跌近50元/瓶至900元/瓶')).toEqual([['近50元/瓶', 50, null, 'single', '元/瓶', '近'], ['900元/瓶', 900, null, 'single', '元/瓶', null]]);
    expect(scan('规模从1亿元到3亿元')).toEqual([['1亿元到3亿元', 100000000, 300000000, 'range', '元', null]]);
  });
});

