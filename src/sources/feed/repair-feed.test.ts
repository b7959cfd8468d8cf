import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.js';
import { repairFeedXml } from './repair-feed.js';

describe('feeds real readers accept', () => {
  it('reads items directly under <rss> without <channel>', () => {
    const feed = parseFeed(
      '<rss version="2.0"><title>无频道</title><item><title>央行降准</title><link>https://x.example/a</link><description>正文</description></item></rss>',
    );
    expect(feed.items).toEqual([
      { title: '央行降准', link: 'https://x.example/a', summaryHtml: '正文', authors: [], categories: [] },
    ]);
  });

  it('reads items that say everything in Dublin Core', () => {
    const feed = parseFeed(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
<item><dc:title>发改委发布通知</dc:title><dc:description>&lt;p&gt;通知全文&lt;/p&gt;</dc:description>
<dc:identifier>https://x.example/n/1</dc:identifier><dc:date>2024-03-01T08:00:00+08:00</dc:date>
<dc:creator>张三</dc:creator><dc:subject>宏观</dc:subject></item></channel></rss>`);
    expect(feed.items).toEqual([
      {
        guid: 'https://x.example/n/1',
        link: 'https://x.example/n/1',
        title: '发改委发布通知',
        summaryHtml: '<p>通知全文</p>',
        date: '2024-03-01T08:00:00+08:00',
        authors: ['张三'],
        categories: ['宏观'],
      },
    ]);
  });

  it('reads an item body given only as <xhtml:body>', () => {
    const feed = parseFeed(`<rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml"><channel><title>t</title>
<item><title>x</title><guid>g1</guid><xhtml:body><xhtml:p>第一段 <xhtml:b>加粗</xhtml:b></xhtml:p><p>第二段]]&gt;</p></xhtml:body></item></channel></rss>`);
    expect(feed.items[0]?.contentHtml).toBe('<p>第一段 <b>加粗</b></p><p>第二段]]&gt;</p>');
  });

  it('leaves other documents as they are', () => {
    const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><xhtml:body>x</xhtml:body></entry></feed>';
    expect(repairFeedXml(atom)).toBe(atom);
    const rss = '<rss><channel><item><title>a</title></item></channel></rss>';
    expect(repairFeedXml(rss)).toBe(rss);
  });

  it('keeps a literal ]]> inside an xhtml body', () => {
    const xml = repairFeedXml('<rss><channel><item><xhtml:body>a]]>b</xhtml:body></item></channel></rss>');
    expect(parseFeed(xml).items[0]?.contentHtml).toBe('a]]>b');
  });
});
