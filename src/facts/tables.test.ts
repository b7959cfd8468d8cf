import { describe, expect, it } from 'vitest';
import { extractClaims } from './extract.js';
import { isTable, tableClaims } from './tables.js';

// A small table in the NBS layout, written for this test: merged top headers (one per two
// columns), a second header row with periods and units, a total row and a sub-group row.
const TABLE = [
  '表1 2021年1—11月份甲类企业主要财务指标（分行业）',
  '分组\t营业收入\t利润总额',
  '1-11月（亿元）\t同比增长（%）\t1-11月（亿元）\t同比增长（%）',
  '总计\t1,200.5\t20.3\t80\t-2.5',
  '其中：乙行业\t300\t12\t10.5\t0',
].join('\n');
const PUB = '2021-12-27T09:30:00+08:00';

describe('tables: row label × column header', () => {
  it('tells a table paragraph from prose', () => {
    expect(isTable(TABLE)).toBe(true);
    expect(isTable('一句话。\n另一句\t只有一个制表符')).toBe(false);
  });

  it('gives one claim per number: subject = row (the caption\'s scope for 总计) + column measure, unit and period from the header', () => {
    const c = tableClaims(TABLE, 0, PUB).map((x) => [x.subject, x.value, x.unit, x.kind, x.direction, x.baseline, x.period]);
    expect(c).toEqual([
      ['甲类企业营业收入', 120050000000, '元', 'level', null, null, '2021-01/2021-11'],
      ['甲类企业营业收入', 20.3, '%', 'growth', 'up', 'yoy', '2021-01/2021-11'],
      ['甲类企业利润总额', 8000000000, '元', 'level', null, null, '2021-01/2021-11'],
      ['甲类企业利润总额', -2.5, '%', 'growth', 'down', 'yoy', '2021-01/2021-11'],
      ['乙行业营业收入', 30000000000, '元', 'level', null, null, '2021-01/2021-11'],
      ['乙行业营业收入', 12, '%', 'growth', 'up', 'yoy', '2021-01/2021-11'],
      ['乙行业利润总额', 1050000000, '元', 'level', null, null, '2021-01/2021-11'],
      ['乙行业利润总额', 0, '%', 'growth', 'flat', 'yoy', '2021-01/2021-11'],
    ]);
  });

  it('points each claim at its cell and row in the article text', () => {
    const text = `导语。\n\n${TABLE}`;
    const c = extractClaims(text, PUB);
    expect(c.length).toBe(8);
    for (const x of c) {
      expect(text.slice(x.start, x.end)).toBe(x.text);
      expect(text.slice(x.sentenceStart, x.sentenceStart + x.sentence.length)).toBe(x.sentence);
    }
  });
});
