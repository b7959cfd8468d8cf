import { describe, expect, it } from 'vitest';
import { parseHexoPost } from './hexo-rsshub.js';

describe('parseHexoPost', () => {
  const head = "title: '标题'\ncategories:\n - 金融\n - 新浪财经\nauthor: 新浪财经\ncomments: false\ndate: Mon, 20 Dec 2021 10:52:20 GMT";

  it.each([
    ["headimg: 'https://picsum.photos/1'\nthumbnail: '//img.example.com/a.png'", 'https://img.example.com/a.png'],
    ["headimg: 'https://img.example.com/h.png'\nthumbnail: 'https://img.example.com/t.png'", 'https://img.example.com/h.png'],
    ["headimg: 'https://picsum.photos/1'", undefined],
    ["headimg: 'images/a.png'", undefined],
  ])('cover image from %j', (cover, expected) => {
    expect(parseHexoPost(`---\n${head}\n${cover}\n---\n<p>正文</p>`, 'x.md').coverImage).toBe(expected);
  });

  it('falls back to the author for the outlet and renders a markdown body', () => {
    const post = parseHexoPost("---\ntitle: 'a'\ncategories:\n - 金融\nauthor: 财联社\n---\n**正文**", 'x.md');
    expect(post.outletHint).toBe('财联社');
    expect(post.bodyHtml).toBe('<p><strong>正文</strong></p>');
    expect(post.flags).toEqual([{ code: 'missing-date', message: 'the document has no date' }]);
  });
});
