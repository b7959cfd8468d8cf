import { describe, expect, it } from 'vitest';
import {
  bodyFontSize,
  buildLines,
  clusterColumns,
  dedupeFakeBold,
  layoutPage,
  layoutToLines,
  layoutToText,
  type PositionedText,
} from './layout-page.js';

function item(text: string, x: number, y: number, fontSize = 10): PositionedText {
  return { text, x, y, width: Array.from(text).length * fontSize, fontSize, fontName: 'f1' };
}

describe('dedupeFakeBold', () => {
  it('drops a twin less than 1 pt away and keeps one further away or with other text', () => {
    const a = item('稳增长', 50, 700, 20);
    expect(dedupeFakeBold([a, { ...a, x: 50.5, y: 700.3 }])).toEqual([a]);
    expect(dedupeFakeBold([a, { ...a, x: 51.2 }])).toHaveLength(2);
    expect(dedupeFakeBold([a, { ...a, text: '稳就业', x: 50.5 }])).toHaveLength(2);
    expect(dedupeFakeBold([a, { ...a, x: 51.2 }], 1.5)).toEqual([a]);
  });
});

describe('buildLines', () => {
  it('joins items on a baseline and splits at a column gap', () => {
    const lines = buildLines([item('今年', 50, 700), item('以来', 70, 700.5), item('右栏', 300, 700), item('第二行', 50, 686)]);
    expect(lines.map((l) => [l.text, l.x, l.y])).toEqual([
      ['今年以来', 50, 700],
      ['右栏', 300, 700],
      ['第二行', 50, 686],
    ]);
  });

  it('does not space out glyph-by-glyph text set with letter spacing, but keeps its word spaces', () => {
    const glyphs = Array.from('ESG披露').map((ch, i) => ({ ...item(ch, 50 + i * 12, 700), width: 10 }));
    const words = [...Array.from('Climate').map((ch, i) => ({ ...item(ch, 50 + i * 7, 680), width: 5 }))];
    words.push(...Array.from('Bonds').map((ch, i) => ({ ...item(ch, 50 + 7 * 7 + 4 + i * 7, 680), width: 5 })));
    expect(buildLines([...glyphs, ...words]).map((l) => l.text)).toEqual(['ESG披露', 'Climate Bonds']);
  });

  it('keeps a word space between Latin items', () => {
    const faraday = { ...item('Faraday', 50, 700), width: 35 };
    expect(buildLines([faraday, item('Future', 88, 700)])[0]?.text).toBe('Faraday Future');
  });
});

describe('clusterColumns', () => {
  it('clusters by left edge; an indent stays in its column', () => {
    const lines = buildLines([item('甲一', 50, 700), item('甲二', 70, 686), item('乙一', 300, 700), item('丙一', 500, 700)]);
    expect(clusterColumns(lines, 30).map((c) => c.map((l) => l.text))).toEqual([['甲一', '甲二'], ['乙一'], ['丙一']]);
  });
});

describe('bodyFontSize', () => {
  it('is the size most characters are set in', () => {
    expect(bodyFontSize([item('大标题', 0, 0, 24), item('正文一二三四五六', 0, 0, 10), item('注', 0, 0, 8)])).toBe(10);
    expect(bodyFontSize([])).toBe(10);
  });
});

describe('layoutToLines', () => {
  it('marks headline sizes, indents and paragraph ends from the geometry', () => {
    const lines = [
      { text: '标题', x: 50, y: 750, width: 40, fontSize: 20 },
      null,
      { text: '今年以来一二三四五', x: 70, y: 700, width: 90, fontSize: 10 },
      { text: '一二三四五六七八九十', x: 50, y: 684, width: 110, fontSize: 10 },
      { text: '一二三。', x: 50, y: 668, width: 40, fontSize: 10 },
      { text: '二三四五六七八九十一', x: 50, y: 652, width: 110, fontSize: 10 },
      null,
      { text: '下栏接着一二三四五六', x: 200, y: 700, width: 110, fontSize: 10 },
      { text: '完。', x: 200, y: 684, width: 20, fontSize: 10 },
    ];
    expect(layoutToLines(lines)).toEqual([
      { text: '标题', size: 2 },
      { text: '', size: 0 },
      { text: '\u3000\u3000今年以来一二三四五', size: 1 },
      { text: '一二三四五六七八九十', size: 1 },
      { text: '一二三。', size: 1 },
      { text: '', size: 0 },
      { text: '二三四五六七八九十一', size: 1 },
      { text: '下栏接着一二三四五六', size: 1 },
      { text: '完。', size: 1 },
    ]);
  });
});

describe('layoutPage', () => {
  it('reads a spanning headline, then three columns (running on), then a second band', () => {
    const body = (x: number, y: number, t: string): PositionedText[] => [item(`${t}一二三四五六七八九`, x, y), item(`${t}一二三四五六七八九`, x, y - 14)];
    const items = [
      ...body(400, 700, '丙'),
      ...body(50, 700, '甲'),
      ...body(225, 700, '乙'),
      item('横跨三栏的大标题横跨三栏', 50, 750, 30),
      item('横跨三栏的大标题横跨三栏', 50.4, 750.2, 30),
      item('第二条新闻横跨三栏的标题', 50, 600, 30),
      ...body(50, 560, '丁'),
    ];
    const text = layoutToText(layoutPage(items));
    expect(text.split('\n')).toEqual([
      '横跨三栏的大标题横跨三栏',
      '',
      '甲一二三四五六七八九',
      '甲一二三四五六七八九',
      '乙一二三四五六七八九',
      '乙一二三四五六七八九',
      '丙一二三四五六七八九',
      '丙一二三四五六七八九',
      '',
      '第二条新闻横跨三栏的标题',
      '',
      '丁一二三四五六七八九',
      '丁一二三四五六七八九',
    ]);
  });

  it('gives an empty page no lines', () => {
    expect(layoutPage([])).toEqual([]);
    expect(layoutToText([])).toBe('');
  });
});
