import { describe, expect, it } from 'vitest';
import { nativeIdFromLink, parseFinewsPost, splitFinewsBody } from './jekyll-finews.js';

describe('splitFinewsBody', () => {
  it.each([
    [
      'digest, text, link, two-line navigation',
      '\n> 摘要一句。\n\n正文。\n\n<http://a.com/1.html>\n\n[返回东财滚动新闻](../emnews/)\n[返回首页](../)',
      { main: '正文。', digest: '摘要一句。', linkText: 'http://a.com/1.html' },
    ],
    [
      'one-line navigation and an empty link',
      '<p>正文</p>\n\n<>\n\n[返回东财滚动新闻](//x/emnews/)｜[返回首页](//x/)',
      { main: '<p>正文</p>', linkText: '' },
    ],
    ['no trailer at all', '正文一\n\n正文二\n', { main: '正文一\n\n正文二' }],
    ['digest with HTML and entities', '> <b>摘要</b> &amp; 更多\n正文', { main: '正文', digest: '摘要 & 更多' }],
    [
      'only the last link line is the link',
      '正文\n<http://a.com/1.html>\n<http://a.com/2.html>\n',
      { main: '正文\n<http://a.com/1.html>', linkText: 'http://a.com/2.html' },
    ],
  ])('%s', (_, body, expected) => {
    expect(splitFinewsBody(body)).toEqual(expected);
  });
});

describe('nativeIdFromLink', () => {
  it.each([
    ['http://stock.eastmoney.com/news/1611,202112082206703990.html', '202112082206703990'],
    ['https://finance.eastmoney.com/a/202112082206703990.html', '202112082206703990'],
    ['http://finance.eastmoney.com/news/NewsShare.html?infoCode=NW202112081234', 'NW202112081234'],
    ['http://finance.eastmoney.com/a/NewsShare.html?infocode=202112081234567890', '202112081234567890'],
    ['http://example.com/about.html', undefined],
    ['not a url', undefined],
  ])('%s → %s', (link, expected) => {
    expect(nativeIdFromLink(link)).toBe(expected);
  });
});

describe('parseFinewsPost', () => {
  const post = (body: string, fm = 'layout: post\ntitle: "标题"\ndate: 2021-12-08 10:18:31\ncategories: emnews\ntags: 东财滚动新闻') =>
    parseFinewsPost(`---\n${fm}\n---\n${body}`, 'x.md');

  it('turns protocol-relative links into https', () => {
    expect(post('正文\n\n<//finance.eastmoney.com/news/1,202112082206703990.html>').link).toBe(
      'https://finance.eastmoney.com/news/1,202112082206703990.html',
    );
  });

  it('wraps plain paragraphs in <p> and escapes them', () => {
    expect(post('第一段 1<2\n\n第二段\n第二行\n\n<>').bodyHtml).toBe(
      '<p>第一段 1&lt;2</p>\n<p>第二段<br>\n第二行</p>',
    );
  });

  it.each([
    ['a relative link', '正文\n\n</news/1.html>', 'bad-link'],
    ['no link line', '正文', 'missing-link'],
    ['an empty link', '正文\n\n<>', 'empty-link'],
  ])('flags %s', (_, body, code) => {
    expect(post(body).flags.map((f) => f.code)).toEqual([code]);
  });

  it('uses tags as the outlet hint when categories are missing', () => {
    const p = post('正文\n<>', 'layout: post\ntitle: a\ndate: 2021-12-08 10:18:31\ntags: 新华财经新闻');
    expect(p.outletHint).toBe('新华财经新闻');
  });

  it.each([
    ['date:  +0800', 'bad-date'],
    ['date: ""', 'bad-date'],
    ['date:', 'missing-date'],
  ])('flags %j as %s', (line, code) => {
    const p = post('正文\n<>', `layout: post\ntitle: a\n${line}\ncategories: emnews`);
    expect(p.date).toBeNull();
    expect(p.flags.map((f) => f.code)).toEqual([code, 'empty-link']);
  });
});
