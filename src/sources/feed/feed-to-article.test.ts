import { describe, expect, it } from 'vitest';
import {
  atomFeed,
  jsonFeed,
  rssHubFeed,
  rssWithContent,
} from '../../../test/fetch/fixtures/feeds.js';
import { feedItemToArticle } from './feed-to-article.js';
import { parseFeed } from './parse-feed.js';
import { resolveOutlet } from '../outlet-ref.js';

const fetchedAt = '2021-12-21T00:00:00.000Z';
const context = (outletName: string, key = 'test-source') => ({
  outlet: resolveOutlet({ name: outletName, fallbackKey: key }),
  categories: ['财经'],
  feedUrl: 'https://feeds.example.com/x',
  fetchedAt,
});

describe('feedItemToArticle', () => {
  it('maps an RSSHub item of a known outlet', () => {
    const item = parseFeed(rssHubFeed('x')).items[0]!;
    const article = feedItemToArticle(item, {
      ...context('新浪财经'),
      feedTitle: '新浪财经－国內',
    });
    expect(article).toMatchObject({
      outletKey: 'sina-finance',
      outlet: '新浪财经',
      title: '测试银行发布三季度经营数据',
      url: 'https://finance.sina.com.cn/china/2021-12-20/doc-test0001.shtml',
      publishedAt: '2021-12-20T18:52:20+08:00',
      fetchedAt,
      format: 'feed',
      categories: ['财经'],
      flags: [],
    });
    expect(article.id).toMatch(/^sina-finance:[0-9a-f]{16}$/);
    expect(article.text).toContain('三季度营业收入');
    expect(article.provenance.editor).toBe('王五');
    // RSSHub's <author> is the feed's name, not a person.
    expect(article.provenance.author).toBeUndefined();
  });

  it('keeps the same id for the same guid, and a stable content hash', () => {
    const items = parseFeed(rssWithContent).items;
    const a = feedItemToArticle(items[0]!, context('示例财经'));
    const b = feedItemToArticle(items[1]!, context('示例财经'));
    expect(a.id).toBe(b.id);
    expect(feedItemToArticle(items[0]!, context('示例财经')).contentHash).toBe(a.contentHash);
    expect(a).toMatchObject({
      outletKey: 'test-source',
      digest: '摘要：指数收涨。',
      categories: ['财经', '市场'],
    });
    expect(a.provenance.author).toBe('赵六');
  });

  it('flags an item without a date', () => {
    const undated = feedItemToArticle(parseFeed(rssWithContent).items[2]!, context('示例财经'));
    expect(undated.publishedAt).toBeNull();
    expect(undated.flags.map((f) => f.code)).toEqual(['missing-date']);
  });

  it('resolves relative images against the item link', () => {
    const article = feedItemToArticle(parseFeed(atomFeed).items[0]!, context('示例'));
    expect(article.images).toEqual(['https://atom.example.com/news/2021/img/chart.png']);
    expect(article.publishedAt).toBe('2021-12-20T20:00:00+08:00');
  });

  it('derives a missing title and flags it', () => {
    const article = feedItemToArticle(parseFeed(jsonFeed).items[1]!, context('示例'));
    expect(article.title).toBe('只有正文没有标题的条目。');
    expect(article.flags.map((f) => f.code)).toContain('missing-title');
  });
});
