import { describe, expect, it } from 'vitest';
import { sitePaths, staticLinks } from './static-links.js';

describe('staticLinks', () => {
  it('links from the root', () => {
    const l = staticLinks(0);
    expect(l.home()).toBe('index.html');
    expect(l.homePage('2')).toBe('page-2.html');
    expect(l.homePage('1')).toBe('index.html');
    expect(l.story('st-0123456789ab')).toBe('story/st-0123456789ab.html');
    expect(l.article('eastmoney:202112082206756112')).toBe('article/eastmoney_202112082206756112.html');
    expect(l.asset('style.css')).toBe('assets/style.css');
    expect(l.search()).toBe('search.html');
    expect(l.sources()).toBeUndefined();
    expect(l.feed({ kind: 'stories' }, 'rss')).toBeUndefined();
  });

  it('links from a page one folder down, with paging and encoded search parameters', () => {
    const l = staticLinks(1);
    expect(l.home()).toBe('../index.html');
    expect(l.outlet('cls')).toBe('../outlet/cls.html');
    expect(l.outlet('cls', '3')).toBe('../outlet/cls.p3.html');
    expect(l.category('金融', '2')).toBe('../category/~91d1~~878d~.p2.html');
    expect(l.search('碳 达峰', { outlet: 'cls', page: 2 })).toBe('../search.html?q=%E7%A2%B3+%E8%BE%BE%E5%B3%B0&outlet=cls&page=2');
    expect(l.search('x', { page: 1, from: '' })).toBe('../search.html?q=x');
  });

  it('names the page files the links point at', () => {
    expect(sitePaths.home(1)).toBe('index');
    expect(sitePaths.home(3)).toBe('page-3');
    expect(sitePaths.outlet('a.b', 2)).toBe('outlet/a~2e~b.p2');
  });
});
