import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims, splitSentences } from './extract.js';

const PUB = '2022-11-30T10:00:00+08:00';
const brief = (text: string, pub: string | null = PUB) =>
  extractClaims(text, pub).map((c) => ({
    text: c.text,
    value: c.value,
    high: c.high,
    shape: c.shape,
    unit: c.unit,
    subject: c.subject,
    kind: c.kind,
    qualifier: c.qualifier,
    period: c.period,
    deadline: c.deadline,
  }));
const one = (text: string, value: number, unit: string, subject: string, kind: string, qualifier: string | null, period: string | null) => ({
  text,
  value,
  high: null,
  shape: 'single',
  unit,
  subject,
  kind,
  qualifier,
  period,
  deadline: null,
});

describe('extractClaims: the issue examples', () => {
  it.each([
    ['1—10月，规上工业企业利润同比增长42.2%。', [one('42.2%', 42.2, '%', '规上工业企业利润', 'growth', null, '2022-01/2022-10')]],
    ['截至7月底，累计培育"小巨人"企业4762家。', [one('4762家', 4762, '家', '"小巨人"企业', 'count', null, '2022-07-31')]],
    ['今年前三季度，建成开通5G基站超过130万个。', [one('超过130万个', 1300000, '个', '5G基站', 'count', '超过', '2022-Q1/2022-Q3')]],
    [
      '2021年，制造业增加值占国内生产总值比重为27.4%，比上年提高0.1个百分点。',
      [
        one('27.4%', 27.4, '%', '制造业增加值占国内生产总值比重', 'share', null, '2021'),
        one('0.1个百分点', 0.1, '个百分点', '制造业增加值占国内生产总值比重', 'growth', null, '2021'),
      ],
    ],
    ['北向资金净流入超40亿元。', [one('超40亿元', 4000000000, '元', '北向资金净流入', 'level', '超过', null)]],
    ['全年销量约两万辆，同比增长１２．５％。', [one('约两万辆', 20000, '辆', '销量', 'count', '约', '2022'), one('１２．５％', 12.5, '%', '销量', 'growth', null, '2022')]],
    ['采矿业实现利润总额9920.7亿元，同比增长1.86倍。', [
      one('9920.7亿元', 992070000000, '元', '采矿业利润总额', 'level', null, null),
      one('1.86倍', 1.86, '倍', '采矿业利润总额', 'growth', null, null),
    ]],
    ['郑商所纯碱期货主力合约跌停，跌幅为8.01%，报2378.0元/吨。', [
      one('8.01%', -8.01, '%', '郑商所纯碱期货主力合约跌幅', 'growth', null, null),
      one('2378.0元/吨', 2378, '元/吨', '郑商所纯碱期货主力合约', 'level', null, null),
    ]],
    ['海伦司涨超9%。现报17.74港元。', [one('超9%', 9, '%', '海伦司', 'growth', '超过', null), one('17.74港元', 17.74, '港元', '海伦司', 'level', null, null)]],
    ['1-5月，商品房销售面积461.66万平方米。\n\n住宅销售面积377.15万平方米，下降18.2%。', [
      one('461.66万平方米', 4616600, '平方米', '商品房销售面积', 'level', null, '2022-01/2022-05'),
      one('377.15万平方米', 3771500, '平方米', '住宅销售面积', 'level', null, '2022-01/2022-05'),
      one('18.2%', -18.2, '%', '住宅销售面积', 'growth', null, '2022-01/2022-05'),
    ]],
  ])('%s', (text, expected) => expect(brief(text)).toEqual(expected));

  it('a target: 到…年底 sets kind and deadline', () => {
    expect(brief('力争到2025年，新增三千五百家专精特新企业。')).toEqual([
      { ...one('三千五百家', 3500, '家', '专精特新企业', 'target', null, '2025-12-31'), deadline: '2025-12-31' },
    ]);
  });

  it('a "by" date before publication reports, it does not set a target', () => {
    expect(brief('到2021年底，该制冷剂已应用于超1.2亿辆汽车。').map((c) => c.kind)).toEqual(['count']);
  });

  it('ranges and ratios', () => {
    expect(brief('人民币汇率将在6.3-6.7区间波动。')).toEqual([
      { ...one('6.3-6.7', 6.3, '', '人民币汇率', 'level', null, null), high: 6.7, shape: 'range' },
    ]);
    expect(brief('众议院以222:212通过议案。')).toEqual([
      { ...one('222:212', 222, ':', '众议院', 'level', null, null), high: 212, shape: 'ratio' },
    ]);
  });

  it('keeps offsets into the article text and the sentence', () => {
    const text = '标题段落。\n\n1—11月份，规模以上工业企业实现利润总额79750.1亿元，同比增长38.0%。';
    const claims = extractClaims(text, PUB);
    expect(claims.map((c) => text.slice(c.start, c.end))).toEqual(['79750.1亿元', '38.0%']);
    expect(claims.map((c) => text.slice(c.sentenceStart, c.sentenceStart + c.sentence.length))).toEqual([claims[0]!.sentence, claims[1]!.sentence]);
    expect(claims[0]!.sentence).toBe('1—11月份，规模以上工业企业实现利润总额79750.1亿元，同比增长38.0%。');
  });
});

describe('extractClaims: what is not a claim', () => {
  it.each([
    ['a date and a time', '2022年8月5日0—24时，上午10点55分，9:45打开跌停板。'],
    ['a stock code', '贵州茅台(600519)，港交所(00388.HK)，智能电动车ETF（516380）。'],
    ['model names', 'HFO-1234yf制冷剂，FF 91，iPhone 13，5G网络，4A级。'],
    ['an edition and a batch number', '详见第3版，第四十九批目录。'],
    ['a phone number and an id', '联系电话010-12345678，编号2141001-1A。'],
    ['list numbering', '1．本表数据。\n2、营业收入。'],
    ['a plan name and a company name', '十四五规划，百度公司。'],
    ['a formula', '营业收入利润率=利润总额÷营业收入×100%。'],
    ['durations', '两年平均增长，10分钟上演地天板，5日累计。'],
  ])('%s', (_name, text) => expect(brief(text)).toEqual([]));
});

describe('splitSentences', () => {
  it('splits at 。！？ and line breaks and skips table rows', () => {
    expect(splitSentences('一句。二句！\n表\t1\t2\n三句')).toEqual([
      { text: '一句。', start: 0 },
      { text: '二句！', start: 3 },
      { text: '三句', start: 13 },
    ]);
  });
});

describe('extractClaims: properties', () => {
  const pieces = ['增长', '同比', '万', '亿元', '%', '个', '。', '，', '1', '2.5', '3', '—', '月', '年', '到', '2025', '第', '超过', '约', '企业', '利润', '(', ')', '\n\n', '三千', '两', ':', '-', 'A'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));

  it('never throws, and every claim points at its own text and sentence', () => {
    fc.assert(
      fc.property(text, fc.option(fc.constant(PUB), { nil: null }), (t, pub) => {
        for (const c of extractClaims(t, pub)) {
          expect(Number.isFinite(c.value)).toBe(true);
          expect(t.slice(c.start, c.end)).toBe(c.text);
          expect(t.slice(c.sentenceStart, c.sentenceStart + c.sentence.length)).toBe(c.sentence);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('extractClaims: kinds of percentages', () => {
  it.each([
    ['2021年，受访商户中的45%使用电子支付。', 'share'],
    ['2021年，隔夜Shibor报1.9%。', 'level'],
    ['2021年，贷款利率为4.2%。', 'level'],
  ])('%s', (s, kind) => expect(brief(s).map((c) => c.kind)).toEqual([kind]));
});

describe('extractClaims: a policy rate move named by its verb', () => {
  it.each([
    ['某央行宣布降息30个基点。', -30],
    ['某央行宣布加息50个基点。', 50],
  ])('%s', (s, value) => expect(extractClaims(s, PUB).map((c) => [c.value, c.unit, c.kind])).toEqual([[value, '基点', 'growth']]));
});
