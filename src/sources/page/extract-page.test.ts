import { describe, expect, it } from 'vitest';
import { extractPage } from './extract-page.js';
import { listArticleLinks } from './list-links.js';
import { pageNativeId } from './page-to-article.js';
import { findDensestBlock } from './text-density.js';
import { parsePage } from './page-dom.js';

const nav = Array.from({ length: 12 }, (_, i) => `<li><a href="/n/${i}">导航链接第${i}条</a></li>`).join('');
const body =
  '<p>国家统计局今天发布数据，十一月份全国居民消费价格同比上涨百分之二点三，环比上涨零点四。</p>' +
  '<p>其中，城市上涨百分之二点三，农村上涨百分之二点四；食品价格上涨，非食品价格上涨。</p>' +
  '<p>分析人士认为，物价总体保持平稳，货币政策仍有空间，市场预期基本稳定。</p>';
const page = `<!doctype html><html><head><title>居民消费价格同比上涨_财经频道_示例网</title>
<meta name="author" content="示例网"></head><body>
<ul class="nav">${nav}</ul>
<div class="main"><h1>居民消费价格同比上涨</h1>
<div class="info"><span class="time">2021年12月09日 09:30</span> 来源：示例通讯社 作者：李明</div>
<div class="content" id="content">${body}<div class="share">分享到微博</div></div></div>
<div class="footer"><a href="/about">关于我们</a></div></body></html>`;

describe('extractPage', () => {
  it('reads headline, date, author and source generically', () => {
    const got = extractPage(page);
    expect(got.title).toBe('居民消费价格同比上涨');
    expect(got.date).toBe('2021年12月09日 09:30');
    expect(got.author).toBe('李明');
    expect(got.source).toBe('示例通讯社');
    expect(got.bodyHtml).toContain('十一月份全国居民消费价格');
    expect(got.bodyHtml).not.toContain('导航链接');
  });

  it('keeps the elements of the header line apart: a comment counter is not part of the source', () => {
    const glued = page.replace(
      '<div class="info"><span class="time">2021年12月09日 09:30</span> 来源：示例通讯社 作者：李明</div>',
      '<div class="info"><span>2021年12月09日</span><span>09:30</span><span>来源：</span><span>示例通讯社</span>' +
        '<a><span>1032</span><span>人参与</span></a><span>作者</span><span>李明</span></div>' +
        '<ul class="related"><li>看望慰问医务工作者</li><li>示例新闻标题</li></ul>',
    );
    const got = extractPage(glued);
    expect([got.date, got.source, got.author]).toEqual(['2021年12月09日 09:30', '示例通讯社', '李明']);
  });

  it('reads no author from the end of 工作者 in a list of headlines', () => {
    const noAuthor = page.replace(' 作者：李明', '').replace('<meta name="author" content="示例网">', '');
    const got = extractPage(noAuthor.replace('<div class="footer">', '<ul><li>看望慰问医务工作者</li><li>示例新闻标题</li></ul><div class="footer">'));
    expect(got.author).toBeUndefined();
  });

  it('uses outlet selectors first and removes what they name', () => {
    const got = extractPage(page, {
      selectors: { title: ['h1'], body: ['#content'], date: ['.time'], remove: ['.share'] },
    });
    expect(got.method).toBe('rules');
    expect(got.bodyHtml).toBe(body);
  });

  it('falls back to generic extraction when a body selector matches nothing', () => {
    const got = extractPage(page, { selectors: { body: ['#missing', 'not a [valid selector'] } });
    expect(got.method).not.toBe('rules');
    expect(got.bodyHtml).toContain('货币政策仍有空间');
  });

  it('takes the date from <meta> when the page prints none with a time', () => {
    const html = `<html><head><meta property="article:published_time" content="2021-12-20T10:00:00+08:00"><title>T</title></head><body><h1>标题标题</h1>${body}</body></html>`;
    expect(extractPage(html).date).toBe('2021-12-20T10:00:00+08:00');
  });

  it('keeps the whole body of a page too short for either extractor', () => {
    const got = extractPage('<html><body><nav>菜单</nav><p>一句正文。</p></body></html>');
    expect([got.method, got.bodyHtml]).toEqual(['body', '<nav>菜单</nav><p>一句正文。</p>']);
  });

  it('does not throw where Readability trips over broken markup', () => {
    expect(() => extractPage('<html><http://a.b/1,123456789.html><p>---\n---\n[返回首页](../)---\n')).not.toThrow();
  });

  it('returns empty fields for a page without content', () => {
    const got = extractPage('<html><body></body></html>');
    expect(got).toMatchObject({ title: '', date: undefined, author: undefined, bodyHtml: '' });
  });
});

describe('findDensestBlock', () => {
  it('picks the prose block over the link list', () => {
    const doc = parsePage(page);
    const best = findDensestBlock(doc.body!);
    expect(best?.element.getAttribute('id')).toBe('content');
  });
});

describe('listArticleLinks', () => {
  const list = `<div class="list"><a href="/a/1.html">一</a><a href="2.html#top">二</a>
    <a href="/a/1.html">一again</a><a href="mailto:x@y">m</a></div><a href="/other">x</a>`;

  it('resolves, filters and deduplicates links in page order', () => {
    expect(listArticleLinks(list, { baseUrl: 'https://news.example/a/', selector: '.list a' })).toEqual([
      'https://news.example/a/1.html',
      'https://news.example/a/2.html',
    ]);
    expect(listArticleLinks(list, { baseUrl: 'https://news.example/a/', pattern: /other/ })).toEqual([
      'https://news.example/other',
    ]);
  });
});

describe('pageNativeId', () => {
  it('ignores the fragment', () => {
    expect(pageNativeId('https://x.example/a#b')).toBe(pageNativeId('https://x.example/a'));
    expect(pageNativeId('https://x.example/a')).toHaveLength(16);
  });
});
