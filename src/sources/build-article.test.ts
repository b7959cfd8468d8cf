import { describe, expect, it } from 'vitest';
import { sha1Hex } from '../util/hash.js';
import { buildArticle, type ArticleInput } from './build-article.js';
import { resolveOutlet } from './outlet-ref.js';

const body = '<p>国家统计局今天发布数据，十一月份全国居民消费价格同比上涨百分之二点三。</p>';
const input = (over: Partial<ArticleInput> = {}): ArticleInput => ({
  outlet: resolveOutlet({ name: '示例网', fallbackKey: 'demo' }),
  title: '居民消费价格同比上涨',
  link: undefined,
  bodyHtml: body,
  date: '2021-12-09 09:30',
  authors: [],
  categories: [],
  format: 'feed',
  raw: { origin: '/saved/a.html', mediaType: 'text/html', body },
  fetchedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('resolveOutlet', () => {
  it('finds a registered outlet by name, key or link host', () => {
    expect(resolveOutlet({ name: '新浪财经' }).key).toBe('sina-finance');
    expect(resolveOutlet({ name: 'sina-finance' }).name).toBe('新浪财经');
    expect(resolveOutlet({ url: 'https://finance.sina.com.cn/x.shtml' }).key).toBe('sina-finance');
  });
  it('files an unknown outlet under the fallback key, else a slug of its name', () => {
    expect(resolveOutlet({ name: '示例网', fallbackKey: 'demo' })).toEqual({ key: 'demo', name: '示例网', rules: undefined });
    expect(resolveOutlet({ name: 'Example News' }).key).toBe('example-news');
    expect(resolveOutlet({ url: 'https://news.example.org/1' }).name).toBe('news.example.org');
  });
});

describe('buildArticle', () => {
  it('ids by native id, else link, else title and instant', () => {
    expect(buildArticle(input({ nativeId: 'n1', link: 'https://x.example/1' })).id).toBe('demo:n1');
    expect(buildArticle(input({ link: 'https://x.example/1' })).id).toBe(`demo:${sha1Hex('https://x.example/1').slice(0, 16)}`);
    const a = buildArticle(input());
    expect(a.publishedAt).toBe('2021-12-09T09:30:00+08:00');
    expect(a.id).toBe(`demo:${sha1Hex(`居民消费价格同比上涨\n${a.publishedAt}`).slice(0, 16)}`);
  });
  it('derives a missing title and flags each problem once', () => {
    const a = buildArticle(input({ title: ' ', date: 'soon', flags: [{ code: 'bad-date', message: 'from the parser' }] }));
    expect(a.title).toContain('国家统计局');
    expect(a.flags.map((f) => f.code)).toEqual(['bad-date', 'missing-title']);
  });
  it('adds the cover image unless it is a placeholder or boilerplate the cleaning removed', () => {
    expect(buildArticle(input({ image: 'https://img.example/cover.jpg' })).images).toEqual(['https://img.example/cover.jpg']);
    expect(buildArticle(input({ image: 'https://picsum.photos/400/300?random=1' })).images).toEqual([]);
  });
  it('gives the same content hash for the same input', () => {
    expect(buildArticle(input()).contentHash).toBe(buildArticle(input({ fetchedAt: '2027-01-01T00:00:00.000Z' })).contentHash);
  });
});
