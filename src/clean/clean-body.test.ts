import { describe, expect, it } from 'vitest';
import { getOutlet } from '../outlets/index.js';
import { cleanBody } from './clean-body.js';

const eastmoney = getOutlet('eastmoney');
const sina = getOutlet('sina-finance');
const xinhua = getOutlet('xinhuacaijing');

describe('cleanBody: empty and plain input', () => {
  it.each(['', '   \n ', '<p></p>', '<div><p>　　</p><br></div>', '<!-- 只有注释 -->'])(
    'returns an empty body for %j',
    (raw) => {
      expect(cleanBody(raw, {})).toEqual({ html: '', text: '', images: [], provenance: {} });
    },
  );
  it('turns plain text paragraphs into paragraphs', () => {
    const out = cleanBody('第一段文字。\n\n第二段文字。\n', {});
    expect(out.text).toBe('第一段文字。\n\n第二段文字。');
    expect(out.html).toBe('<p>第一段文字。</p><p>第二段文字。</p>');
  });
});

describe('cleanBody: unbalanced markup (xinhuacaijing feed)', () => {
  it('keeps every paragraph and does not make them all bold', () => {
    const raw =
      '<p><strong>小标题一</p><p>正文第一段。</p><p></strong></p><p>正文第二段。</p>' +
      '<p class="em_media">（文章来源：新华财经）</p>';
    const out = cleanBody(raw, { outlet: xinhua });
    expect(out.text).toBe('小标题一\n\n正文第一段。\n\n正文第二段。');
    expect(out.html).toBe('<p><strong>小标题一</strong></p><p>正文第一段。</p><p>正文第二段。</p>');
    expect(out.provenance).toEqual({ source: '新华财经' });
  });
  it('reads the reporter from a Xinhua dateline and keeps the dateline', () => {
    const out = cleanBody('<p>新华财经上海5月6日电（记者 李四）某公司今天发布公告。</p>', { outlet: xinhua });
    expect(out.provenance.reporter).toBe('李四');
    expect(out.text).toBe('新华财经上海5月6日电（记者 李四）某公司今天发布公告。');
  });
});

describe('cleanBody: hostile HTML', () => {
  const raw =
    '<p onclick="steal()">正文<script>alert(1)</script><img src="x.jpg" onerror="alert(2)"></p>' +
    '<a href="javascript:alert(3)">链接</a><iframe src="https://evil.example/"></iframe>' +
    '<iframe src="https://player.bilibili.com/player.html?bvid=B"></iframe>' +
    '<style>p{color:red}</style><form><input name="a"></form><object data="x"></object>';
  const out = cleanBody(raw, { baseUrl: 'https://news.example.com/a/' });
  it('removes scripts, handlers and javascript: links', () => {
    expect(out.html).not.toMatch(/<script|onerror|onclick|javascript:|<style|<form|<object/i);
    expect(out.text).toBe('正文\n\n链接');
  });
  it('keeps only iframes from allowed hosts', () => {
    expect(out.html).toContain('player.bilibili.com');
    expect(out.html).not.toContain('evil.example');
  });
  it('resolves the image against baseUrl', () => {
    expect(out.images).toEqual(['https://news.example.com/a/x.jpg']);
  });
});

describe('cleanBody: boilerplate', () => {
  it('removes comments, style blocks, display:none and APP/QR blocks', () => {
    const raw =
      '<div><p>　　正文。</p><!-- 注释 --><style>.a&#123;x:1&#125;</style>' +
      '<p style="display: none">隐藏</p><div class="app-kaihu-qr"><span>股民福利来了</span></div>' +
      '<div class="appendQr_wrap"><div class="appendQr_normal_txt">海量资讯、精准解读，尽在新浪财经APP</div></div></div>';
    expect(cleanBody(raw, { outlet: sina }).text).toBe('正文。');
  });
  it('drops navigation lines', () => {
    expect(cleanBody('<p>正文。</p><p><a href="/">返回首页</a></p>', {}).text).toBe('正文。');
  });
  it('unwraps Eastmoney stock links and drops quote placeholders and K-line charts', () => {
    const raw =
      '<!-- EM_StockImg_Start --><p><a class="EmImageRemark" href="http://quote.eastmoney.com/x">' +
      '<img src="https://webquoteklinepic.eastmoney.com/GetPic.aspx?nid=1"></a></p><!-- EM_StockImg_End -->' +
      '<p>测试<span id="stock_1.600000"><a class="keytip" href="http://quote.eastmoney.com/1">某银行</a></span>' +
      '<span id="quote_1.600000"></span>今日上涨。</p>';
    const out = cleanBody(raw, { outlet: eastmoney });
    expect(out.html).toBe('<p>测试某银行今日上涨。</p>');
    expect(out.images).toEqual([]);
  });
  it('strips ideographic indentation from every paragraph', () => {
    expect(cleanBody('<p>　　甲。</p><p>　　乙。 </p>', {}).text).toBe('甲。\n\n乙。');
  });
});

describe('cleanBody: provenance', () => {
  it.each([
    ['原标题 paragraph', '<p>　　原标题：一个测试标题</p><p>正文。</p>', { originalTitle: '一个测试标题' }],
    ['来源 paragraph', '<p>　　来源： 测试日报</p><p>正文。</p>', { source: '测试日报' }],
    ['文章来源 in brackets', '<p>正文。</p><p>（文章来源：测试<span><a>证券</a></span>报）</p>', { source: '测试证券报' }],
    ['责任编辑 with staff code', '<p>正文。</p><p class="article-editor">责任编辑：张三 SF001 </p>', { editor: '张三' }],
    ['责任编辑 with a staff code after an underscore', '<p>正文。</p><p>责任编辑：赵某_NB12345</p>', { editor: '赵某' }],
    ['编辑 paragraph', '<p>正文。</p><p>编辑：李四</p>', { editor: '李四' }],
    ['作者 paragraph', '<p>作者：王五</p><p>正文。</p>', { author: '王五' }],
    ['trailing 来源', '<p>正文一句。来源：测试网</p>', { source: '测试网' }],
    ['trailing （来源：X）', '<p>正文一句。（来源：测试网）</p>', { source: '测试网' }],
    ['CLS dateline reporter', '<p><strong>财联社（成都，记者 赵六）讯</strong>，正文。</p>', { reporter: '赵六' }],
    ['newspaper lead: reporter and correspondent with no space between', '<p>本报讯（新某省·某某日报记者张三丰通讯员李四）正文。</p>', { reporter: '张三丰 通讯员李四' }],
    ['CLS dateline editor', '<p><strong>财联社6月1日讯（编辑 钱七）</strong>正文。</p>', { editor: '钱七' }],
    ['据X消息 sets source', '<p>据测试社消息，某事发生。</p>', { source: '测试社' }],
    ['据X刚刚消息 drops the adverb', '<p>据某媒刚刚消息，某事发生。</p>', { source: '某媒' }],
    ['据X日期消息 drops the date', '<p>新闻网讯 据某统计局6月17日消息，数据下降。</p>', { source: '某统计局' }],
    ['据X报道 does not override a stated source', '<p>据外媒报道，某事。</p><p>来源：测试报</p>', { source: '测试报' }],
  ])('%s', (_name, raw, expected) => {
    const out = cleanBody(raw, {});
    expect(out.provenance).toEqual(expected);
    for (const v of Object.values(expected)) {
      if (!/^据|讯/.test(raw.replace(/<[^>]+>/g, ''))) expect(out.text).not.toContain(v);
    }
  });
  it('keeps 据X消息 sentences intact', () => {
    expect(cleanBody('<p>据测试社消息，某事发生。</p>', {}).text).toBe('据测试社消息，某事发生。');
  });
  it('lifts a trailing parenthetical source only for outlets that say so (eastmoney)', () => {
    const raw = '<p>某指数今日上涨。（测试证券报）</p>';
    expect(cleanBody(raw, { outlet: eastmoney })).toMatchObject({
      text: '某指数今日上涨。',
      provenance: { source: '测试证券报' },
    });
    expect(cleanBody(raw, { outlet: sina }).provenance).toEqual({});
    expect(cleanBody('<p>某数据(东方财富Choice数据)</p>', { outlet: eastmoney }).provenance.source).toBe(
      '东方财富Choice数据',
    );
  });
  it('does not take a stock code in brackets for a source', () => {
    const out = cleanBody('<p>港股某公司(0388.HK)</p>', { outlet: eastmoney });
    expect(out.provenance).toEqual({});
    expect(out.text).toBe('港股某公司(0388.HK)');
  });
});

describe('cleanBody: text and images', () => {
  it('splits <br> lines into paragraphs and decodes entities', () => {
    expect(cleanBody('<p>甲&amp;乙<br/>丙&#123;丁&#125;<br><br>戊&nbsp;己</p>', {}).text).toBe(
      '甲&乙\n\n丙{丁}\n\n戊 己',
    );
  });
  it('renders a table as one paragraph, rows on lines, cells tab-separated', () => {
    const raw = '<p>表1</p><table><caption>说明</caption><tr><td>分　组</td><td>数值</td></tr><tr><td>总计</td><td>1.5</td></tr></table><p>注：无</p>';
    expect(cleanBody(raw, {}).text).toBe('表1\n\n说明\n分　组\t数值\n总计\t1.5\n\n注：无');
  });
  it('lists absolute images in order without placeholders, pixels or duplicates', () => {
    const raw =
      '<p><img src="/a.jpg"><img src="https://picsum.photos/400/300?random=1">' +
      '<img src="https://t.example/p.gif" width="1" height="1"><img src="https://img.example/b.png"><img src="/a.jpg"></p>';
    expect(cleanBody(raw, { baseUrl: 'https://news.example.com/' }).images).toEqual([
      'https://news.example.com/a.jpg',
      'https://img.example/b.png',
    ]);
  });
});
