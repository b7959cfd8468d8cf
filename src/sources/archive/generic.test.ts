import { describe, expect, it } from 'vitest';
import { parseHtmlDocument, parseMarkdownDocument } from './generic.js';

describe('parseMarkdownDocument', () => {
  it.each([
    ['front-matter title wins', '---\ntitle: 甲\n---\n# 乙\n\n正文', '甲', '<h1>乙</h1>\n<p>正文</p>'],
    ['ATX heading', '# 标题 #\n\n正文', '标题', '<p>正文</p>'],
    ['setext heading', '标题\n===\n\n正文', '标题', '<p>正文</p>'],
    ['short first line', '标题\n\n正文', '标题', '<p>正文</p>'],
    ['single paragraph: no title', '只有一段正文。', '', '<p>只有一段正文。</p>'],
    ['long first line: no title', `${'长'.repeat(80)}\n\n正文`, '', `<p>${'长'.repeat(80)}</p>\n<p>正文</p>`],
  ])('%s', (_, text, title, bodyHtml) => {
    const post = parseMarkdownDocument(text, 'x.md');
    expect([post.title, post.bodyHtml]).toEqual([title, bodyHtml]);
  });

  it('maps front-matter aliases and keeps the rest in extra', () => {
    const post = parseMarkdownDocument(
      '---\ntitle: 甲\npubDate: 2021-12-08 10:00\ncategory: 宏观\nkeywords: [a, b]\nauthor: 记者\nsource: 某日报\nlang: zh\n---\n正文',
      'x.md',
    );
    expect(post).toEqual({
      format: 'markdown',
      title: '甲',
      date: '2021-12-08 10:00',
      categories: ['宏观'],
      tags: ['a', 'b'],
      author: '记者',
      outletHint: '某日报',
      bodyHtml: '<p>正文</p>',
      flags: [],
      extra: { source: '某日报', lang: 'zh' },
    });
  });

  it.each([
    ['source_url: https://a.example/x.html', 'https://a.example/x.html'],
    ['url: //a.example/y', 'https://a.example/y'],
    ['link: /relative/path', undefined],
  ])('reads the original link from %s', (line, link) => {
    const post = parseMarkdownDocument(`---\ntitle: 甲\n${line}\ndigest: 摘要一句\n---\n正文`, 'x.md');
    expect(post.link).toBe(link);
    expect(post.digest).toBe('摘要一句');
    expect(Object.keys(post.extra)).toEqual([]);
  });
});

describe('parseHtmlDocument', () => {
  it.each([
    ['<html><head><title>页面标题</title></head><body><p>x</p></body></html>', '页面标题'],
    ['<html><head><meta property="og:title" content="分享标题"><title>t</title></head><body></body></html>', '分享标题'],
    ['<html><body><h1>正文标题</h1></body></html>', '正文标题'],
  ])('title of %j', (html, title) => {
    expect(parseHtmlDocument(html, 'x.html').title).toBe(title);
  });

  it.each([
    ['<meta property="article:published_time" content="2021-12-22T09:15:00+08:00">', '2021-12-22T09:15:00+08:00'],
    ['<meta name="pubdate" content="2021-12-22 09:15">', '2021-12-22 09:15'],
    ['<meta name="weibo:article:create_at" content="x"><meta name="publishtime" content="2021年12月22日">', '2021年12月22日'],
    ['<meta name="updatedate" content="soon">', null],
  ])('date from %j', (meta, date) => {
    const post = parseHtmlDocument(`<html><head>${meta}<title>t</title></head><body>x</body></html>`, 'x.html');
    expect(post.date).toBe(date);
  });

  it('keeps the whole <body> of a page too short to extract, and reads page metadata', () => {
    const post = parseHtmlDocument(
      '<html><head><title>t</title><meta name="author" content="张三"><meta property="og:site_name" content="某网">' +
        '<meta property="og:url" content="//news.example.com/1.html"></head><body><nav>菜单</nav><p>正文</p></body></html>',
      'x.html',
    );
    expect(post.bodyHtml).toBe('<nav>菜单</nav><p>正文</p>');
    expect([post.author, post.outletHint, post.link]).toEqual(['张三', '某网', 'https://news.example.com/1.html']);
    expect(post.flags).toEqual([{ code: 'missing-date', message: 'the document has no date' }]);
  });

  it('extracts the main content as a live page source does, not the whole <body>', () => {
    const nav = Array.from({ length: 12 }, (_, i) => `<li><a href="/n/${i}">导航链接第${i}条</a></li>`).join('');
    const prose =
      '<p>国家统计局今天发布数据，十一月份全国居民消费价格同比上涨百分之二点三，环比上涨零点四。</p>' +
      '<p>其中，城市上涨百分之二点三，农村上涨百分之二点四；食品价格上涨，非食品价格上涨。</p>';
    const html =
      `<html><head><title>居民消费价格同比上涨_财经_示例网</title></head><body><ul>${nav}</ul>` +
      `<h1>居民消费价格同比上涨</h1><div class="info">2021年12月09日 09:30 来源：示例通讯社</div>\n` +
      `<div id="content">${prose}</div><div class="footer"><a href="/about">关于我们</a></div></body></html>`;
    const post = parseHtmlDocument(html, 'x.html');
    expect([post.title, post.date, post.source]).toEqual(['居民消费价格同比上涨', '2021年12月09日 09:30', '示例通讯社']);
    expect(post.bodyHtml).toContain('十一月份全国居民消费价格');
    expect(post.bodyHtml).not.toContain('导航链接');
    expect(post.bodyHtml).not.toContain('关于我们');
  });
});

describe('parseMarkdownDocument with an HTML body', () => {
  it('passes HTML through instead of rendering it as markdown', () => {
    const html = '<div>\n    <p>缩进的段落</p>\n</div>';
    expect(parseMarkdownDocument(`---\ntitle: 甲\n---\n${html}\n`, 'x.md').bodyHtml).toBe(html);
  });
});
