import { describe, expect, it } from 'vitest';
import {
  atomFeed,
  jsonFeed,
  rdfFeed,
  rssHubFeed,
  rssWithContent,
} from '../../../test/fetch/fixtures/feeds.js';
import { encodeGbk } from '../../../test/fetch/fixtures/gbk.js';
import { FeedParseError } from './feed-parse-error.js';
import { parseFeed } from './parse-feed.js';

describe('parseFeed', () => {
  it('reads RSSHub output (RSS 2.0)', () => {
    const feed = parseFeed(Buffer.from(rssHubFeed('http://127.0.0.1')));
    expect(feed).toMatchObject({
      format: 'rss',
      title: '新浪财经－国內',
      link: 'https://finance.sina.com.cn/china/',
    });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      guid: 'https://finance.sina.com.cn/china/2021-12-20/doc-test0001.shtml',
      link: 'https://finance.sina.com.cn/china/2021-12-20/doc-test0001.shtml',
      title: '测试银行发布三季度经营数据',
      date: 'Mon, 20 Dec 2021 10:52:20 GMT',
      authors: ['新浪财经－国內'],
    });
  });

  it('reads content:encoded, dc:creator and categories', () => {
    const [first, , undated] = parseFeed(rssWithContent).items;
    expect(first).toMatchObject({
      guid: 'item-1',
      contentHtml: '<p>示例指数今日收涨百分之一。</p><p>成交额有所放大。</p>',
      summaryHtml: '摘要：指数收涨。',
      authors: ['赵六'],
      categories: ['市场'],
    });
    expect(undated?.date).toBeUndefined();
  });

  it('reads RSS 1.0 (RDF)', () => {
    expect(parseFeed(rdfFeed).items).toEqual([
      {
        guid: 'https://rdf.example.com/n/1',
        link: 'https://rdf.example.com/n/1',
        title: '央行开展逆回购操作',
        summaryHtml: '央行今日开展逆回购操作，维护流动性合理充裕。',
        date: '2021-12-20T09:15:00+08:00',
        authors: [],
        categories: ['货币'],
      },
    ]);
  });

  it('resolves Atom links against xml:base', () => {
    const feed = parseFeed(atomFeed, { baseUrl: 'https://elsewhere.example.org/atom.xml' });
    expect(feed.link).toBe('https://atom.example.com/');
    expect(feed.items[0]).toMatchObject({
      guid: 'urn:example:atom:1',
      link: 'https://atom.example.com/news/2021/12/bond.html',
      date: '2021-12-20T12:00:00Z',
      authors: ['钱七'],
      categories: ['债券'],
    });
  });

  it('reads JSON Feed, turning content_text into paragraphs', () => {
    const feed = parseFeed(jsonFeed);
    expect(feed.format).toBe('json');
    expect(feed.items[0]).toMatchObject({ guid: 'j-1', categories: ['外汇'], authors: ['孙八'] });
    expect(feed.items[1]).toMatchObject({
      title: '',
      contentHtml: '<p>只有正文没有标题的条目。第二句。</p>',
    });
  });

  it('decodes a GBK feed from its XML declaration', () => {
    const xml =
      '<?xml version="1.0" encoding="GBK"?><rss version="2.0"><channel><title>国标编码</title><item><title>债券市场</title><guid>g</guid></item></channel></rss>';
    const feed = parseFeed(encodeGbk(xml));
    expect(feed.title).toBe('国标编码');
    expect(feed.items[0]?.title).toBe('债券市场');
  });

  it.each([
    ['truncated XML', rssHubFeed('x').slice(0, 300)],
    ['truncated JSON', jsonFeed.slice(0, 80)],
    ['HTML page', '<html><body>不是订阅源</body></html>'],
    ['empty', ''],
  ])('rejects %s', (_name, input) => {
    expect(() => parseFeed(input)).toThrow(FeedParseError);
  });
});
