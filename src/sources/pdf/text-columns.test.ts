import { describe, expect, it } from 'vitest';
import { parsePdfText } from './parse-pdf-text.js';
import { readTextColumns } from './text-columns.js';

/** A row of cells, each padded to 16 character cells and set 4 apart, as pdftotext -layout aligns them. */
const row = (...cells: string[]): string => cells.map((c) => c + ' '.repeat(Math.max(0, 16 - [...c].length))).join('    ').trimEnd();

/** Two articles side by side, as pdftotext -layout sets them: a headline band, then two columns each. */
const LAYOUT = [
  '2022年3月2日 星期三',
  '',
  row('春耕备耕有序推进', '', '光伏装机持续增长'),
  '',
  row('  眼下正值春耕备耕关键', '时期，各地农资企业加紧', '  今年前两个月，全国新', '增光伏装机容量同比增长'),
  row('时期，各 地 农 资 企 业', '生产，化肥储备总体充足', '增光伏装机容量同比增长', '较快。分布式光伏占比进'),
  row('紧生产，化肥储备总体充', '足，价格保持基本稳定。', '较快，分布式光伏占比进', '一步提高，市场预期较好。'),
].join('\n');

describe('readTextColumns', () => {
  it('reads columns set side by side one after the other, left to right under each headline', () => {
    const text = readTextColumns(LAYOUT);
    const left = text.indexOf('春耕备耕有序推进');
    expect(left).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('眼下正值春耕备耕关键')).toBeGreaterThan(left);
    expect(text.indexOf('眼下正值春耕备耕关键')).toBeLessThan(text.indexOf('时期，各地农资企业加紧'));
    expect(text.indexOf('时期，各地农资企业加紧')).toBeLessThan(text.indexOf('光伏装机持续增长'));
    expect(text).not.toMatch(/关键 {3,}时期/u);
  });

  it('reads the running header row whole and first, not as cells taken for headlines', () => {
    const page = [row('05 综合新闻', '', '2022.3.2 星期三', '编辑 白琳'), ...LAYOUT.split('\n').slice(1)].join('\n');
    expect(readTextColumns(page).split('\n')[0]).toBe('05 综合新闻   2022.3.2 星期三   编辑 白琳');
    expect(parsePdfText(page, 'layout.txt').map((p) => [p.title, p.date])).toEqual([['春耕备耕有序推进', '2022年3月2日'], ['光伏装机持续增长', '2022年3月2日']]);
  });

  it('leaves text without columns side by side as it is', () => {
    const single = '光伏装机持续增长\n　　今年前两个月，全国新增光伏装机容量\n同比增长较快，分布式光伏占比进一步提高。';
    expect(readTextColumns(single)).toBe(single);
  });

  it('lets a -layout page split into its two articles', () => {
    const posts = parsePdfText(LAYOUT, 'layout.txt');
    expect(posts.map((p) => p.title)).toEqual(['春耕备耕有序推进', '光伏装机持续增长']);
  });
});
