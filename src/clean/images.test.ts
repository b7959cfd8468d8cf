import { describe, expect, it } from 'vitest';
import { isArticleImage, isPlaceholderImage, isQuoteChartImage } from './images.js';

describe('isPlaceholderImage', () => {
  it.each([
    ['https://picsum.photos/400/300?random=7843', true],
    ['https://fastly.picsum.photos/id/1/200/300.jpg', true],
    ['https://via.placeholder.com/150', true],
    ['https://example.com/img/blank.gif', true],
    ['https://example.com/spacer.gif?x=1', true],
    ['data:image/gif;base64,R0lGOD', true],
    ['https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png', true],
    ['https://img.cls.cn/images/20220630/k699t41Iwg.png', false],
    ['https://dfscdn.dfcfw.com/download/D1_w800h555.jpg', false],
    ['https://example.com/blanket.jpg', false],
  ])('%s → %s', (url, expected) => {
    expect(isPlaceholderImage(url)).toBe(expected);
  });
});

describe('isQuoteChartImage', () => {
  it.each([
    ['https://webquoteklinepic.eastmoney.com/GetPic.aspx?nid=106.NIO&imageType=k', true],
    ['//webquotepic.eastmoney.com/GetPic.aspx?id=1', true],
    ['https://dfscdn.dfcfw.com/download/x.jpg', false],
  ])('%s → %s', (url, expected) => {
    expect(isQuoteChartImage(url)).toBe(expected);
  });
});

describe('isArticleImage', () => {
  it.each([
    ['https://img.cls.cn/a.png', true],
    ['/relative.png', false],
    ['https://picsum.photos/1', false],
    ['https://webquoteklinepic.eastmoney.com/GetPic.aspx', false],
  ])('%s → %s', (url, expected) => {
    expect(isArticleImage(url)).toBe(expected);
  });
});
