import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, listImages } from './html-text.js';

describe('decodeEntities', () => {
  it.each([
    ['&amp;&lt;&gt;&quot;', '&<>"'],
    ['&#123;&#125;', '{}'],
    ['&#x7B;&#X7d;', '{}'],
    ['&nbsp;&hellip;&ldquo;', ' …“'],
    ['&unknown; & plain', '&unknown; & plain'],
    ['&#0;&#xD800;', ''],
  ])('%j → %j', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

describe('htmlToText', () => {
  it.each([
    ['paragraphs', '<p>甲</p><p>乙</p>', '甲\n\n乙'],
    ['br lines', '<p>甲<br />乙</p>', '甲\n\n乙'],
    ['inline tags join', '<p>甲<strong>乙</strong>丙</p>', '甲乙丙'],
    ['whitespace collapses', '<p>a \n  b</p>\n\n<p> c </p>', 'a b\n\nc'],
    ['lists', '<ul><li>一</li><li>二</li></ul>', '一\n\n二'],
    ['headings', '<h2>标题</h2><p>正文</p>', '标题\n\n正文'],
    ['table', '<table><tr><td>a</td><td></td><td>b</td></tr><tr><td></td><td></td></tr></table>', 'a\t\tb'],
    ['cell with br', '<table><tr><td>a<br />b</td><td>c</td></tr></table>', 'a b\tc'],
    ['empty', '', ''],
  ])('%s', (_name, html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });
});

describe('listImages', () => {
  it('keeps absolute, real images in order, decoding &amp;', () => {
    expect(
      listImages('<img src="https://a.cn/1.jpg?x=1&amp;y=2" /><img src="/r.jpg" /><img src="https://picsum.photos/1" />'),
    ).toEqual(['https://a.cn/1.jpg?x=1&y=2']);
  });
});
