import { describe, expect, it } from 'vitest';
import { InvalidDocumentError } from '../../../util/errors.js';
import { parseBboxBlocks, type BboxPage } from './bbox-blocks.js';
import { dropFakeBold, lineText } from './block-text.js';
import { readPageMeta } from './page-meta.js';
import { mapPuaPunctuation } from './pua-punctuation.js';
import { readEpaperPage } from './read-epaper.js';

const word = (x0: number, y0: number, x1: number, y1: number, text: string): string =>
  `<word xMin="${x0}" yMin="${y0}" xMax="${x1}" yMax="${y1}">${text}</word>`;
const line = (words: string[], x0: number, y0: number, x1: number, y1: number): string =>
  `<line xMin="${x0}" yMin="${y0}" xMax="${x1}" yMax="${y1}">${words.join('')}</line>`;
const page = (lines: string[]): string =>
  `<page width="600" height="800"><block xMin="0" yMin="0" xMax="600" yMax="800">${lines.join('')}</block></page>`;

describe('layout reading', () => {
  it('drops a headline drawn twice at about the same place, glyph by glyph', () => {
    // 新征程： drawn, then 新征程 again 0.4 pt off, then the rest of the headline.
    const xhtml = page([
      line([word(20, 100, 220, 150, '新征程：')], 20, 100, 220, 150),
      line([word(20.4, 100, 170.4, 150, '新征程')], 20.4, 100, 170.4, 150),
      line([word(170, 100, 420, 150, '：明确新目标')], 170, 100, 420, 150),
    ]);
    const [parsed] = parseBboxBlocks(xhtml);
    const deduped = dropFakeBold(parsed as BboxPage);
    const text = deduped.blocks.flatMap((b) => b.lines.map((l) => lineText(l, true))).join('');
    expect(text).toBe('新征程：明确新目标');
  });

  it('puts a row cut at a justified space back together', () => {
    const xhtml = page([
      line([word(30, 100, 150, 110, '习近平同志在报告中指')], 30, 100, 150, 110),
      line([word(10, 112, 30, 122, '出：')], 10, 112, 30, 122),
      line([word(60, 112, 150, 122, '“从十九大到二十')], 60, 112, 150, 122),
    ]);
    const [parsed] = parseBboxBlocks(xhtml);
    expect(parsed?.blocks).toHaveLength(1);
    expect(parsed?.blocks[0]?.lines.map((l) => lineText(l))).toEqual(['习近平同志在报告中指', '出：“从十九大到二十']);
  });

  it('maps Private Use Area punctuation from the data table', () => {
    expect(mapPuaPunctuation('时间\u{1003D1}今天\u{1003D8}明天')).toBe('时间：今天、明天');
  });

  it('reads date, page, section and paper from the header and the PDF Title', () => {
    const meta = readPageMeta(['2018年1月5日星期五', '7理论'], 'LLRMRB07B20180105D', '');
    expect({ ...meta, outlet: meta.outlet?.name }).toEqual({ date: '2018-01-05', page: '7', section: '理论', outlet: '人民日报' });
    const evening = readPageMeta(['05综合新闻微信：lswbwx', '2021.3.23星期二', '美编王某'], 'WBA05B20210323C', '辽沈晚报记者 王某');
    expect({ ...evening, outlet: evening.outlet?.name }).toEqual({ date: '2021-03-23', page: '5', section: '综合新闻', outlet: '辽沈晚报' });
  });

  it('fails with a reason on a page whose fonts have no Unicode map', () => {
    const xhtml = page([line([word(10, 100, 300, 110, '#$%()*+,-./0123456789:;=?@ABCDEFG')], 10, 100, 300, 110)]);
    const [parsed] = parseBboxBlocks(xhtml);
    expect(() => readEpaperPage(parsed as BboxPage, '', 'garbled.pdf page 1')).toThrow(InvalidDocumentError);
    expect(() => readEpaperPage(parsed as BboxPage, '', 'garbled.pdf page 1')).toThrow(/no usable Unicode map/);
  });
});
