import { describe, expect, it } from 'vitest';
import { InvalidDocumentError } from '../../../util/errors.js';
import { parseBboxBlocks, type BboxPage } from './bbox-blocks.js';
import { blockParagraphs, dropFakeBold, lineText } from './block-text.js';
import { readPageMeta } from './page-meta.js';
import { mapPuaPunctuation } from './pua-punctuation.js';
import { bylineNames, readEpaperPage, toEpaperPost } from './read-epaper.js';

const word = (x0: number, y0: number, x1: number, y1: number, text: string): string =>
  `<word xMin="${x0}" yMin="${y0}" xMax="${x1}" yMax="${y1}">${text}</word>`;
const line = (words: string[], x0: number, y0: number, x1: number, y1: number): string =>
  `<line xMin="${x0}" yMin="${y0}" xMax="${x1}" yMax="${y1}">${words.join('')}</line>`;
const page = (lines: string[]): string =>
  `<page width="600" height="800"><block xMin="0" yMin="0" xMax="600" yMax="800">${lines.join('')}</block></page>`;

/** A column of body text (size 10, `perRow` glyphs a row) as bbox lines, one poppler line a row. */
function column(text: string, x0: number, y0: number, perRow = 10, size = 10): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i * perRow < chars.length; i++) {
    const row = chars.slice(i * perRow, (i + 1) * perRow).join('');
    const y = y0 + i * size * 1.25;
    out.push(line([word(x0, y, x0 + [...row].length * size, y + size, row)], x0, y, x0 + [...row].length * size, y + size));
  }
  return out;
}
const headline = (text: string, x0: number, y0: number, size: number): string =>
  line([word(x0, y0, x0 + [...text].length * size, y0 + size, text)], x0, y0, x0 + [...text].length * size, y0 + size);
/** Rows of body text (left, right, text) 12.5 pt apart, read as one block: its paragraphs. */
function rowParagraphs(rows: ReadonlyArray<readonly [number, number, string]>): string[] | undefined {
  const xhtml = page(rows.map(([x0, x1, t], i) => line([word(x0, 100 + i * 12.5, x1, 110 + i * 12.5, t)], x0, 100 + i * 12.5, x1, 110 + i * 12.5)));
  const [parsed] = parseBboxBlocks(xhtml);
  expect(parsed?.blocks).toHaveLength(1);
  const block = parsed?.blocks[0];
  return block && blockParagraphs(block).paragraphs;
}

/** A paragraph of body text 20 glyphs wide, its first row indented by two glyphs. */
const indented = (text: string, x0: number, y0: number): string[] => {
  const chars = [...text];
  const first = chars.slice(0, 18).join('');
  return [headline(first, x0 + 20, y0, 10), ...column(chars.slice(18).join(''), x0, y0 + 12.5, 20)];
};
const PROSE = '记者从有关部门获悉，新的办法将于下月起施行。办法规定了办理的流程和时限，群众可以在网上提交材料。有关负责人表示，此举将进一步方便群众办事，减少往返次数。'.repeat(2);

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

  it('maps the vertical forms of punctuation in a title set top to bottom', () => {
    expect(mapPuaPunctuation('摧毁一个﹃投资项目﹄犯罪团伙︵甘肃︶')).toBe('摧毁一个“投资项目”犯罪团伙（甘肃）');
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

  it('takes the inflated box of Latin words in a fallback font off, as the page shows it', () => {
    // 手机App上完成: the Chinese words 10.5 high, App drawn with a box 20.6 high around the row.
    const mixed = (y: number): string => line([
      word(10, y, 30, y + 10.5, '手机'), word(31, y - 4.3, 46, y + 16.3, 'App'), word(47, y, 100, y + 10.5, '上完成密码'),
    ], 10, y - 4.3, 100, y + 16.3);
    const plates = (y: number): string => line([word(10, y - 4.3, 100, y + 16.3, 'A703XW、闽')], 10, y - 4.3, 100, y + 16.3);
    const [parsed] = parseBboxBlocks(page([mixed(100), mixed(112.5), mixed(125), plates(137.5), mixed(150)]));
    expect(parsed?.blocks).toHaveLength(1);
    expect(parsed?.blocks[0]?.lines.map((l) => Math.round(l.size))).toEqual([11, 11, 11, 11, 11]);
  });

  it('cuts a row poppler read across a narrow column gutter, and keeps the two columns apart', () => {
    const left = '一二三四五六七八九十'.repeat(6);
    const right = '甲乙丙丁戊己庚辛壬癸'.repeat(6);
    const rows = [...column(left, 0, 100), ...column(right, 108, 100)];
    // Row 3 as poppler gave it: one line over both columns (gutter 8, less than a glyph).
    rows[2] = line([word(0, 125, 100, 135, '一二三四五六七八九十'), word(108, 125, 208, 135, '甲乙丙丁戊己庚辛壬癸')], 0, 125, 208, 135);
    rows.splice(8, 1);
    const [parsed] = parseBboxBlocks(page(rows));
    const texts = (parsed?.blocks ?? []).map((b) => b.lines.map((l) => lineText(l)).join(''));
    expect(texts.sort()).toEqual([left, right].sort());
  });

  it('keeps a justified space inside a column a space to close, not a gutter', () => {
    const rows = column('一二三四五六七八九十'.repeat(6), 0, 100);
    rows[2] = line([word(0, 125, 40, 135, '一二三四'), word(48, 125, 100, 135, '五六七八九十')], 0, 125, 100, 135);
    const [parsed] = parseBboxBlocks(page(rows));
    expect(parsed?.blocks).toHaveLength(1);
    expect(parsed?.blocks[0]?.lines[2] && lineText(parsed.blocks[0].lines[2])).toBe('一二三四五六七八九十');
  });

  it('reads a smaller headline set off to one side under another as its own article, a kicker touching its headline as kicker', () => {
    const xhtml = page([
      headline('全省推行新的办事流程', 60, 82, 20), // kicker, its box reaching 3 pt into the headline's
      headline('不用排队直接办理', 50, 100, 40),
      ...column(PROSE, 50, 160, 12),
      headline('景区全年免门票', 330, 150, 24), // the next article's headline, right of centre
      ...column(PROSE, 330, 190, 12),
    ]);
    const [parsed] = parseBboxBlocks(xhtml);
    const read = readEpaperPage(parsed as BboxPage, '', 'test');
    expect(read.articles.map((a) => a.title)).toEqual(['不用排队直接办理', '景区全年免门票']);
    expect(read.articles[0]?.kicker).toBe('全省推行新的办事流程');
    expect(read.articles[1]?.subtitle).toBeUndefined();
  });

  it('keeps an advertisement labelled 广告 out of the articles', () => {
    const xhtml = page([
      headline('不用排队直接办理', 50, 100, 30),
      ...column(PROSE, 50, 160, 12),
      headline('药材两折起售', 360, 100, 30),
      ...column(PROSE, 360, 160, 12),
      headline('（广告）', 450, 345, 8),
    ]);
    const [parsed] = parseBboxBlocks(xhtml);
    expect(readEpaperPage(parsed as BboxPage, '', 'test').articles.map((a) => a.title)).toEqual(['不用排队直接办理']);
    const unlabelled = parseBboxBlocks(xhtml.replace('（广告）', '（图片）'))[0];
    expect(readEpaperPage(unlabelled as BboxPage, '', 'test').articles).toHaveLength(2);
  });

  it('takes the names out of a byline: markers, roles and credits off', () => {
    expect(bylineNames('■记者 李晖 通讯员 余建 李明')).toBe('李晖 余建 李明');
    expect(bylineNames('顶端新闻·河南商报记者 刘慧丽 见习记者 李衍慧/文 受访者供图')).toBe('刘慧丽 李衍慧');
    expect(bylineNames('李正辉 石锦建')).toBe('李正辉 石锦建');
    expect(bylineNames('记者江娟珺')).toBe('江娟珺');
  });

  it('reads a feature whose intro, byline and kicker stand above the headline, and a sub-head in its text as no byline', () => {
    const intro = '大宗商品是连接全球的经济脉搏，从原油矿石到餐桌上的大米，大家并不陌生。近日，记者进行实地探访。';
    const xhtml = page([
      ...column(intro, 300, 100, 24),
      // The byline row right under the intro's last line, at the same size: poppler's same block.
      line([word(300, 150, 380, 160, '本报记者'), word(390, 150, 420, 160, '张三'), word(430, 150, 470, 160, '见习记者'), word(480, 150, 530, 160, '李四/文')], 300, 150, 530, 160),
      headline('项目总投资超百亿元，一期明年建成', 40, 180, 16), // kicker, in a text size
      headline('这个中心有个小目标', 40, 200, 40),
      ...column(PROSE, 40, 260, 14),
      headline('推动特色产业集聚、集群发展', 220, 260, 12), // a sub-head at the top of the next column
      ...column(PROSE, 220, 280, 14),
    ]);
    const [parsed] = parseBboxBlocks(xhtml);
    const read = readEpaperPage(parsed as BboxPage, '', 'test');
    expect(read.articles.map((a) => [a.title, a.kicker, a.byline])).toEqual([['这个中心有个小目标', '项目总投资超百亿元，一期明年建成', '本报记者 张三 见习记者 李四/文']]);
    expect(toEpaperPost(read.articles[0] as (typeof read.articles)[number], read.meta, 'test').author).toBe('张三 李四');
    expect(read.articles[0]?.paragraphs[0]).toBe(intro);
  });

  it('joins the lines of text set around a picture into paragraphs at sentence ends, not at every ragged start', () => {
    // Lines start wherever the picture's outline lets them; a paragraph starts indented after a finished sentence.
    const rows: Array<[number, string]> = [
      [190, '大宗商品是连接全球的经济脉搏。'],
      [170, '从原油矿石到餐桌上的大米，提到这些'],
      [150, '商品，大家并不陌生，但这些商品背后的'],
      [150, '交易却不被人们熟知。'],
      [170, '今年落地郑州航空港的交易中心项目，'],
      [150, '肩负着为优势商品在国'],
      [20, '内外贸易流通打造定价中心和全球供应中心的使命。'],
    ];
    expect(rowParagraphs(rows.map(([x, t]) => [x, x + [...t].length * 10, t]))).toEqual([
      '大宗商品是连接全球的经济脉搏。',
      '从原油矿石到餐桌上的大米，提到这些商品，大家并不陌生，但这些商品背后的交易却不被人们熟知。',
      '今年落地郑州航空港的交易中心项目，肩负着为优势商品在国内外贸易流通打造定价中心和全球供应中心的使命。',
    ]);
  });

  it('ends a paragraph at a short line that ends with a colon', () => {
    const rows = [[20, 140, '历史一再证明这个道理'], [0, 70, '历史证明：'], [0, 140, '开放包容则兴自大封闭则衰。']] as const;
    expect(rowParagraphs(rows)).toEqual(['历史一再证明这个道理历史证明：', '开放包容则兴自大封闭则衰。']);
  });

  it('keeps a photo caption, known by its credit, out of the article under whose headline it stands', () => {
    const xhtml = page([
      headline('不用排队直接办理', 40, 100, 30),
      ...column(PROSE, 40, 150, 20),
      // The caption under a picture: its first row with the credit, its second row poppler kept apart.
      line([word(40, 330, 240, 340, '民警开展专项训练。8月6日，县公安局采用')], 40, 330, 240, 340),
      line([word(40, 342.5, 200, 352.5, '对抗演练等方法提升处置能力。')], 40, 342.5, 200, 352.5),
      line([word(300, 342.5, 440, 352.5, '本报通讯员张三摄')], 300, 342.5, 440, 352.5),
    ]);
    const [parsed] = parseBboxBlocks(xhtml);
    const [article] = readEpaperPage(parsed as BboxPage, '', 'test').articles;
    expect(article?.title).toBe('不用排队直接办理');
    expect(article?.paragraphs.join('')).not.toMatch(/专项训练|处置能力|张三摄/u);
  });

  it('keeps a box heading with no running text under it, and small print, out of the article', () => {
    const xhtml = page([
      headline('不用排队直接办理', 40, 100, 30),
      ...column(PROSE, 40, 150, 20),
      headline('全省城市今明两天天气', 40, 270, 14), // a weather box under the text: heading, then a table
      line([word(40, 290, 100, 300, '沈阳晴17~4')], 40, 290, 100, 300),
      line([word(40, 302.5, 100, 312.5, '大连多云14~1')], 40, 302.5, 100, 312.5),
      line([word(40, 330, 140, 337, '气象数据来源：中国天气网')], 40, 330, 140, 337), // 7 pt
    ]);
    const [parsed] = parseBboxBlocks(xhtml);
    const [article] = readEpaperPage(parsed as BboxPage, '', 'test').articles;
    expect(article?.paragraphs.join('')).not.toMatch(/天气|数据来源/u);
  });

  it('takes a byline out of the first line of the text under it, and one set on its headline row beside it', () => {
    const xhtml = page([
      headline('强化基层治理', 40, 100, 30),
      // The byline, then the text's indented first line: poppler's one block.
      line([word(40, 150, 160, 160, '本报记者孙涛')], 40, 150, 160, 160),
      ...indented(PROSE, 40, 162.5),
      headline('驻村帮扶助力乡村振兴', 300, 400, 28),
      line([word(80, 405, 230, 415, '本报通讯员庞俊宝')], 80, 405, 230, 415), // left of the headline, on its row
      ...indented(PROSE, 80, 420),
    ]);
    const [parsed] = parseBboxBlocks(xhtml);
    const read = readEpaperPage(parsed as BboxPage, '', 'test');
    expect(read.articles.map((a) => [a.title, a.byline])).toEqual([['强化基层治理', '本报记者孙涛'], ['驻村帮扶助力乡村振兴', '本报通讯员庞俊宝']]);
    expect(read.articles[0]?.paragraphs[0]?.startsWith('记者从有关部门获悉')).toBe(true);
  });

  it('gives a sub-head to the article whose column it stands in, not to a headline a page width away on its row', () => {
    const xhtml = page([
      headline('实施健康中国战略', 20, 40, 30),
      ...column(PROSE.repeat(2), 20, 90, 12),
      ...column(PROSE, 150, 90, 12),
      headline('把重点任务落到实处', 150, 300, 14), // a sub-head in the second column
      ...column(PROSE, 150, 322, 12),
      headline('提高信息化素养', 450, 296, 20), // the next article's headline, far right, on the sub-head's row
      ...column(PROSE, 450, 330, 12),
    ]);
    const [parsed] = parseBboxBlocks(xhtml);
    const articles = readEpaperPage(parsed as BboxPage, '', 'test').articles;
    expect(articles.map((a) => a.title)).toEqual(['实施健康中国战略', '提高信息化素养']);
    expect(articles[0]?.paragraphs).toContain('把重点任务落到实处');
    expect(articles[1]?.paragraphs).not.toContain('把重点任务落到实处');
  });

  it('reads on through lines narrowed by an inset, and keeps a centred sub-head apart', () => {
    const rows: Array<[number, number, string]> = [
      [0, 200, '有助于实现四化同步发展，这是党的十九大提出的要求。'],
      [20, 120, '当前，我国“四'], // indented: a paragraph starts; an inset on the left narrows the next rows
      [20, 120, '化”同步发展仍'],
      [20, 120, '面临融合不够、'],
      [0, 200, '互动不足等突出问题，需要加快推进城乡智慧化发展。'],
      [60, 140, '“铁脚板”蹚出平安路'], // a sub-head centred in the column
      [20, 200, '城关派出所管辖七个社区，常住人口十一万人。'],
    ];
    expect(rowParagraphs(rows)).toEqual([
      '有助于实现四化同步发展，这是党的十九大提出的要求。',
      '当前，我国“四化”同步发展仍面临融合不够、互动不足等突出问题，需要加快推进城乡智慧化发展。',
      '“铁脚板”蹚出平安路',
      '城关派出所管辖七个社区，常住人口十一万人。',
    ]);
  });
});
