import { describe, expect, it } from 'vitest';
import { detectPdfTextSignals, looksLikePdfText } from './detect-pdf-text.js';

const NEWSPAPER = [
  '2022年3月2日 星期三',
  '第1版',
  '春耕备耕春耕备耕有序推进有序推进',
  '　　眼下正值春耕备耕关键时期，各地',
  '农 资 企 业 加 紧 生 产 ， 化 肥 储 备 总 体 充',
  '足，价格保持基本稳定，供应渠道畅',
  '通，农户购买农资总体方便，春耕生产',
  '有序推进。（下转第2版）',
].join('\n');

/** Wrapped columns alone are not enough (old BBS posts are hard-wrapped too); with justification spaces they are. */
const HEADERLESS = [
  '　　今年以来，各地加快推进重大项目建',
  '设，一批交通、能源、水利项目集中开',
  '工，有效投资持续扩大，对经济增长的',
  '支撑作用明显增强，市场信心稳步恢复',
  '。业内人士认为，下一阶段应更加注重',
  '项目质量和资金使用效率，防止重复建',
  '设，把有限资金用在刀刃上。',
].join('\n');

const ORDINARY_POST = [
  '央行开展逆回购操作',
  '',
  '人民银行今日开展了一笔逆回购操作，中标利率与上次持平，市场流动性保持合理充裕，短期资金利率小幅下行。',
  '',
  '分析人士认为，随着季末临近，央行将继续灵活开展公开市场操作，保持流动性平稳。',
].join('\n');

const FRONT_MATTER_POST = ['---', 'title: 测试', '---', NEWSPAPER].join('\n');

describe('looksLikePdfText', () => {
  it.each([
    ['a newspaper page', NEWSPAPER, true],
    ['hard-wrapped columns alone', HEADERLESS, false],
    ['hard-wrapped columns with justification spaces', HEADERLESS.replace('设，一批交通', '设 ， 一 批 交 通 ， 能 源'), true],
    ['a page laid out by pdftotext -layout, the header one wide line', [`  05 综合新闻${' '.repeat(40)}2021.3.23 星期二   编辑 白琳`, HEADERLESS.replace('设，一批交通', '设 ， 一 批 交 通 ， 能 源')].join('\n'), true],
    ['an ordinary text post', ORDINARY_POST, false],
    ['a post with front matter', FRONT_MATTER_POST, false],
    ['HTML', '<html><body><p>第1版</p></body></html>', false],
    ['an empty document', '', false],
  ])('%s → %s', (_name, text, expected) => {
    expect(looksLikePdfText(text)).toBe(expected);
  });
});

describe('detectPdfTextSignals', () => {
  it('reports every signal of a newspaper page', () => {
    expect(detectPdfTextSignals(NEWSPAPER)).toEqual({
      hardWrapped: true,
      pageHeader: true,
      jumpMarker: true,
      fakeBold: true,
      justifiedSpaces: true,
      score: 8,
    });
  });

  it('reports none for an ordinary post', () => {
    expect(detectPdfTextSignals(ORDINARY_POST).score).toBe(0);
  });
});

/** An op-ed column set in fake bold: an extractor writes each of its lines twice in a row. */
const doubled = (l: string): string => `${l}${l}`;
const FAKE_BOLD_COLUMN = [
  '　　城市更新不是推倒重来，而是在保留街巷肌理的同',
  doubled('时补齐公共服务的短板，让老旧小区的居民也能就近'),
  doubled('找到养老托育和文体设施。这需要规划部门与社区一'),
  doubled('道更细致地倾听居民意见，把有限的资金投向群众最'),
  doubled('关心的地方，一件一件办好办实，久久为功，让城市'),
  doubled('既有烟火气也有新面貌。街道和社区要把居民议事会'),
  '　　开到楼栋里，把改造清单交给居民一起商量，工程',
].join('\n');

describe('detectPdfTextSignals with fake-bold lines', () => {
  it('halves doubled lines before estimating the column width', () => {
    expect(detectPdfTextSignals(FAKE_BOLD_COLUMN).fakeBold).toBe(true);
    expect(detectPdfTextSignals(FAKE_BOLD_COLUMN).hardWrapped).toBe(true);
  });
});
