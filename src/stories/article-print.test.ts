import { describe, expect, it } from 'vitest';
import { printArticle } from './article-print.js';

const FLASH = '离岸人民币兑美元升至6.3512，港交所目标价574港元。';
const flash = (publishedAt: string | null, text = FLASH) => printArticle({ title: '快讯', text, publishedAt });
/** Keys of the text alone (42 bands, paragraphs of 20+ characters, exact text): those of the undated print. */
const textKeyCount = (text = FLASH): number => flash(null, text).keys.stored.length;

describe('printArticle index keys', () => {
  it('stores an article under its figures in its own time bucket and looks back one story window', () => {
    const first = flash('2023-03-01T09:00:00+08:00');
    const figureKeys = first.keys.stored.slice(textKeyCount());
    expect(figureKeys).toHaveLength(2);
    const daysLater = flash('2023-03-06T18:00:00+08:00');
    for (const k of figureKeys) expect(daysLater.keys.query).toContain(k);
    const monthLater = flash('2023-04-01T09:00:00+08:00');
    for (const k of figureKeys) expect(monthLater.keys.query).not.toContain(k);
    expect(monthLater.keys.stored.slice(0, textKeyCount())).toEqual(first.keys.stored.slice(0, textKeyCount()));
  });

  it('gives an undated article no figure keys', () => {
    const undated = flash(null);
    expect(undated.keys.stored).toHaveLength(42 + 1 + 1); // bands, one paragraph, exact text
    expect(undated.keys.query).toEqual(undated.keys.stored);
    expect(undated.event.figures).toEqual(['574港', '6.3512']);
  });

  it('indexes at most eight figures, the most specific ones', () => {
    const numbers = Array.from({ length: 20 }, (_, i) => String(1000 + i * 37)).join('、');
    const text = `成交数据：${numbers}，均价12.3456。`;
    const p = flash('2023-03-01T09:00:00+08:00', text);
    expect(p.event.figures).toHaveLength(21);
    expect(p.keys.stored.length - textKeyCount(text)).toBe(8);
  });
});
