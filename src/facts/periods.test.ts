import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims } from './extract.js';
import { findPeriods, shanghaiDate } from './periods.js';

const PUB = '2022-11-30T10:00:00+08:00';

describe('findPeriods', () => {
  it.each([
    ['1—10月，利润增长', '1—10月', '2022-01/2022-10'],
    ['2021年1-5月，投资下降', '2021年1-5月', '2021-01/2021-05'],
    ['前三季度，建成基站', '前三季度', '2022-Q1/2022-Q3'],
    ['今年前11个月，销量', '今年前11个月', '2022-01/2022-11'],
    ['截至7月底，培育企业', '截至7月底', '2022-07-31'],
    ['到2022年底，千兆光网', '到2022年底', '2022-12-31'],
    ['2021年，制造业', '2021年', '2021'],
    ['2021年度累计回购', '2021年度', '2021'],
    ['11月末，资产总计', '11月末', '2022-11-30'],
    ['11月份，利润', '11月份', '2022-11'],
    ['11月8日，白酒股', '11月8日', '2022-11-08'],
    ['2021年9月30日的总负债', '2021年9月30日', '2021-09-30'],
    ['今年三季度日本GDP', '今年三季度', '2022-Q3'],
    ['2022年一季度净利', '2022年一季度', '2022-Q1'],
    ['明年销量', '明年', '2023'],
    ['今年至2025年的盈利', '今年至2025年', '2022/2025'],
    ['上半年，营收', '上半年', '2022-01/2022-06'],
    ['昨日本土无新增', '昨日', '2022-11-29'],
    ['2022财年国防授权法案', '2022财年', '2022'],
    ['在2022年底前达到', '2022年底前', '2022-12-31'],
    ['1月至5月，投资下降', '1月至5月', '2022-01/2022-05'],
    ['1月份—5月份，投资下降', '1月份—5月份', '2022-01/2022-05'],
  ])('%s: %s → %s', (text, written, period) => {
    const [p] = findPeriods(text, PUB);
    expect(p).toBeDefined();
    expect(text.slice(p!.start, p!.end)).toBe(written);
    expect(p!.period).toBe(period);
  });

  it('a month later than the publication month is last year', () => {
    expect(findPeriods('12月8日', '2022-06-30T10:00:00+08:00')[0]?.period).toBe('2021-12-08');
  });

  it('a quarter starting more than five months after publication is last year\'s (a January release), a nearer one this year\'s', () => {
    const january = '2022-01-17T10:00:00+08:00';
    expect(findPeriods('四季度GDP增长4%', january)[0]?.period).toBe('2021-Q4');
    expect(findPeriods('前三季度GDP增长9.8%', january)[0]?.period).toBe('2021-Q1/2021-Q3');
    expect(findPeriods('一季度GDP有望回升', january)[0]?.period).toBe('2022-Q1');
    expect(findPeriods('三季度有望回升', '2022-06-17T10:00:00+08:00')[0]?.period).toBe('2022-Q3');
  });

  it('全年 without a year is the publication year, last year in a January or February release', () => {
    expect(findPeriods('全年GDP增长8.1%', '2022-01-17T10:00:00+08:00')[0]).toMatchObject({ period: '2021', wholeYear: true });
    expect(findPeriods('全年销量有望增长', '2022-06-17T10:00:00+08:00')[0]?.period).toBe('2022');
    expect(findPeriods('2021年全年', '2022-06-17T10:00:00+08:00')[0]?.wholeYear).toBeUndefined();
  });

  it('marks comparison bases and "since" forms', () => {
    const [base] = findPeriods('比去年同期下降', PUB);
    expect(base?.base).toBe(true);
    const [since] = findPeriods('升至2018年5月以来新高', PUB);
    expect(since?.period).toBeNull();
  });

  it('leaves relative periods unresolved without a publication date', () => {
    expect(findPeriods('今年前三季度', null)[0]?.period).toBeNull();
    expect(findPeriods('2021年', null)[0]?.period).toBe('2021');
  });
});

describe('findPeriods: a period closing a long sentence', () => {
  // one form per rule, after text without any period: the scan must reach it (PERIOD_NEEDS in step with RULES)
  it.each(['十四五', '2020至2023年', '12月8日', '1-5月', '前三季度', '上半年', '第三季度', '11月份', '2021年', '本月', '今日', '今天'])('%s', (form) => {
    const text = `营收100亿元，利润增长38.0%，${form}`;
    expect(findPeriods(text, PUB).some((p) => p.end === text.length && p.start === text.length - form.length)).toBe(true);
  });
});

describe('shanghaiDate', () => {
  it.each([
    ['2021-12-27T09:51:04+08:00', { year: 2021, month: 12, day: 27 }],
    ['2021-12-31T17:00:00Z', { year: 2022, month: 1, day: 1 }],
  ])('%s', (iso, date) => expect(shanghaiDate(iso)).toEqual(date));
  it('is null for null or garbage', () => {
    expect(shanghaiDate(null)).toBeNull();
    expect(shanghaiDate('yesterday')).toBeNull();
  });
});

describe('findPeriods: properties', () => {
  const pieces = ['2021', '年', '月', '日', '底', '1', '12', '—', '-', '至', '到', '截至', '前', '三', '季度', '今年', '以来', '比', '同期', '，', 'x'];
  it('mentions are in bounds, in order and never overlap; resolved forms are well formed', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')), (text) => {
        let last = 0;
        for (const p of findPeriods(text, PUB)) {
          expect(p.start).toBeGreaterThanOrEqual(last);
          expect(p.end).toBeGreaterThan(p.start);
          expect(p.end).toBeLessThanOrEqual(text.length);
          if (p.period !== null) expect(p.period).toMatch(/^\d{4}(?:-(?:Q\d|\d{2})(?:-\d{2})?)?(?:\/\d{4}(?:-(?:Q\d|\d{2})(?:-\d{2})?)?)?$/);
          last = p.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('issue 15: spans of days and figures of a comparison base', () => {
  const PUB = '2022-08-06T10:00:00+08:00';
  it('a span of days with hours (2022年7月3日0时至2022年8月5日24时, 7月3日至8月5日) is one span', () => {
    expect(findPeriods('2022年6月1日0时至2022年6月30日24时，累计确诊5例', PUB).map((p) => p.period)).toEqual(['2022-06-01/2022-06-30']);
    expect(findPeriods('6月1日至7月2日，累计确诊5例', PUB).map((p) => p.period)).toEqual(['2022-06-01/2022-07-02']);
  });
  it('a figure right after a comparison base is dated by the base (比2019年的80亿元, 比上年的12%)', () => {
    const c = extractClaims('2020年甲市营收为100亿元，比2019年的80亿元增长25%，增速比上年的12%加快13个百分点。', PUB);
    expect(c.map((x) => [x.value, x.period])).toEqual([[10000000000, '2020'], [8000000000, '2019'], [25, '2020'], [12, '2019'], [13, '2020']]);
  });
});

describe('issue 15: years of a 分别 list', () => {
  const PUB = '2022-08-06T10:00:00+08:00';
  it('a span of as many years as figures gives one year each (2018年-2020年的营收分别为…)', () => {
    const c = extractClaims('甲厂2018年-2020年的营收分别为1亿元、2亿元、3亿元。', PUB);
    expect(c.map((x) => x.period)).toEqual(['2018', '2019', '2020']);
  });
  it('a list of years (2023和2024财年) gives one year each; a list of another length gives none', () => {
    expect(extractClaims('乙行2023和2024财年盈利预测分别下调5%和6%。', PUB).map((x) => x.period)).toEqual(['2023', '2024']);
    expect(extractClaims('甲厂2018年-2020年的营收分别为1亿元和3亿元。', PUB).map((x) => x.period)).not.toEqual(['2018', '2019']);
  });
});
