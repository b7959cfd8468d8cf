import { describe, expect, it } from 'vitest';
import { queryString, serverLinks } from './links.js';

describe('serverLinks', () => {
  const links = serverLinks();
  it('builds the fixed routes with encoded segments', () => {
    expect(links.story('st-0123456789ab')).toBe('/story/st-0123456789ab');
    expect(links.article('eastmoney:202112202221222222')).toBe('/article/eastmoney%3A202112202221222222');
    expect(links.outlet('sina-finance', 'abc')).toBe('/outlet/sina-finance?after=abc');
    expect(links.category('财经/要闻')).toBe('/category/%E8%B4%A2%E7%BB%8F%2F%E8%A6%81%E9%97%BB');
    expect(links.search('碳 "达峰"', { outlet: 'cls', page: 2 })).toBe('/search?q=%E7%A2%B3%20%22%E8%BE%BE%E5%B3%B0%22&outlet=cls&page=2');
    expect(links.search('x', { page: 1 })).toBe('/search?q=x');
    expect(links.asset('style.css')).toBe('/static/style.css');
  });

  it('names every feed of every scope', () => {
    expect(links.feed({ kind: 'stories' }, 'rss')).toBe('/feeds/stories.xml');
    expect(links.feed({ kind: 'outlet', key: 'cls' }, 'atom')).toBe('/feeds/outlet/cls.atom');
    expect(links.feed({ kind: 'category', name: '金融' }, 'json')).toBe('/feeds/category/%E9%87%91%E8%9E%8D.json');
    expect(links.feed({ kind: 'search', q: '5G' }, 'rss')).toBe('/feeds/search.xml?q=5G');
  });

  it('prefixes a base path and leaves out empty query values', () => {
    expect(serverLinks('/news').home()).toBe('/news/');
    expect(queryString({ a: undefined, b: '', c: 0, d: 'x y' })).toBe('?c=0&d=x%20y');
    expect(queryString({})).toBe('');
  });
});
