import { describe, expect, it } from 'vitest';
import type { PositionedText } from './layout-page.js';
import { cutRegions } from './reading-order.js';

function item(text: string, x: number, y: number, fontSize = 10): PositionedText {
  return { text, x, y, width: Array.from(text).length * fontSize, fontSize, fontName: 'f1' };
}

/** `count` body lines of a column starting at baseline `top`, 16 pt apart. */
function column(name: string, x: number, top: number, count: number): PositionedText[] {
  return Array.from({ length: count }, (_, i) => item(`${name}${i}一二三四五六七八九十一二`, x, top - i * 16));
}

function order(items: PositionedText[]): string[] {
  return cutRegions(items, { bodySize: 10 }).map((region) => region.map((i) => i.text.slice(0, 2)).join(' '));
}

describe('cutRegions', () => {
  it('reads side-by-side articles one after the other even when their headline gaps line up', () => {
    const items = [
      item('甲标题', 50, 700, 20),
      ...column('甲', 50, 670, 3),
      ...column('乙', 210, 670, 3).map((i) => ({ ...i, x: i.x + 170 })),
      item('乙标题', 380, 700, 20),
    ];
    expect(order(items)).toEqual(['甲标', '甲0 甲1 甲2', '乙标', '乙0 乙1 乙2']);
  });

  it('keeps a multi-column article together above the articles stacked under it', () => {
    const items = [
      item('日期', 50, 780, 9),
      item('甲标题', 50, 740, 20),
      ...column('甲', 50, 710, 3),
      ...column('乙', 210, 710, 3),
      ...column('丙', 370, 710, 3),
      item('丁标题', 100, 640, 18),
      ...column('丁', 50, 610, 2),
      ...column('戊', 210, 610, 2),
      item('己标题', 370, 640, 14),
      ...column('己', 370, 615, 2),
    ];
    expect(order(items)).toEqual([
      '日期',
      '甲标',
      '甲0 甲1 甲2',
      '乙0 乙1 乙2',
      '丙0 丙1 丙2',
      '丁标',
      '丁0 丁1',
      '戊0 戊1',
      '己标',
      '己0 己1',
    ]);
  });

  it('reads a centred headline before the byline left of and under it', () => {
    const items = [item('标题标题', 120, 700, 18), item('□', 50, 680), item('某某', 65, 680), ...column('正', 50, 650, 2)];
    expect(order(items)).toEqual(['标题', '□ 某某', '正0 正1']);
  });

  it('never cuts a single row at its letter spacing', () => {
    const spaced = ['要', '闻'].map((t, i) => item(t, 50 + i * 40, 700, 20));
    expect(order(spaced)).toEqual(['要 闻']);
  });

  it('gives no region for no items', () => {
    expect(cutRegions([], { bodySize: 10 })).toEqual([]);
  });
});
