import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtml } from './dom.js';
import { sanitizeHtml } from './sanitize.js';

const base = { baseUrl: 'https://news.example.com/a/b.html' };
const REL = 'rel="noopener noreferrer nofollow"';

describe('sanitizeHtml rules', () => {
  it('keeps allowed article markup', () => {
    expect(sanitizeHtml('<p>甲<strong>乙</strong><em>丙</em><br>丁</p>')).toBe(
      '<p>甲<strong>乙</strong><em>丙</em><br />丁</p>',
    );
  });
  it('drops script with its content', () => {
    expect(sanitizeHtml('<p>a<script>alert(1)</script>b</p>')).toBe('<p>ab</p>');
  });
  it('drops style with its content', () => {
    expect(sanitizeHtml('<style>.x{color:red}</style><p>a</p>')).toBe('<p>a</p>');
  });
  it('drops noscript with its content', () => {
    expect(sanitizeHtml('<noscript>开启JS</noscript><p>a</p>')).toBe('<p>a</p>');
  });
  it('unwraps unknown tags, keeping text', () => {
    expect(sanitizeHtml('<p><span class="x"><font>文字</font></span></p>')).toBe('<p>文字</p>');
  });
  it('drops object, embed and form controls', () => {
    expect(sanitizeHtml('<object data="x.swf"></object><embed src="y"><form><input></form>')).toBe('');
  });
  it('removes event handler attributes', () => {
    expect(sanitizeHtml('<p onclick="x()" onmouseover="y()">a</p>')).toBe('<p>a</p>');
  });
  it('removes style and class attributes', () => {
    expect(sanitizeHtml('<p style="color:red" class="c" id="i">a</p>')).toBe('<p>a</p>');
  });
  it('removes javascript: hrefs', () => {
    expect(sanitizeHtml('<a href="javascript:alert(1)">x</a>')).toBe(`<a ${REL}>x</a>`);
  });
  it('removes entity-obfuscated javascript: hrefs', () => {
    expect(sanitizeHtml('<a href="jav&#x09;ascript:alert(1)">x</a>')).not.toContain('alert');
  });
  it('removes data: image sources (and then the image)', () => {
    expect(sanitizeHtml('<img src="data:image/png;base64,AAAA">')).toBe('');
  });
  it('resolves relative links against baseUrl', () => {
    expect(sanitizeHtml('<a href="../c.html">x</a>', base)).toBe(
      `<a href="https://news.example.com/c.html" ${REL}>x</a>`,
    );
  });
  it('resolves relative image sources against baseUrl', () => {
    expect(sanitizeHtml('<img src="/i/1.jpg">', base)).toBe(
      '<img src="https://news.example.com/i/1.jpg" />',
    );
  });
  it('gives protocol-relative URLs https without a base', () => {
    expect(sanitizeHtml('<img src="//cdn.example.com/1.jpg">')).toBe(
      '<img src="https://cdn.example.com/1.jpg" />',
    );
  });
  it('sets rel=noopener noreferrer nofollow on links, replacing rel/target', () => {
    expect(sanitizeHtml('<a href="https://x.cn/" rel="opener" target="_blank">x</a>')).toBe(
      `<a href="https://x.cn/" ${REL}>x</a>`,
    );
  });
  it('removes utm_* and other tracking query parameters', () => {
    expect(sanitizeHtml('<a href="https://x.cn/a?id=3&utm_source=wx&utm_medium=s&spm=1">x</a>')).toBe(
      `<a href="https://x.cn/a?id=3" ${REL}>x</a>`,
    );
  });
  it('drops 1x1 tracking pixels', () => {
    expect(sanitizeHtml('<p>a<img src="https://t.cn/p.gif" width="1" height="1"></p>')).toBe('<p>a</p>');
  });
  it('drops images from blocked tracker hosts', () => {
    expect(sanitizeHtml('<img src="https://hm.baidu.com/hm.gif?x=1">')).toBe('');
  });
  it('keeps iframes from allowed hosts', () => {
    expect(sanitizeHtml('<iframe src="https://player.bilibili.com/player.html?bvid=1"></iframe>')).toBe(
      '<iframe src="https://player.bilibili.com/player.html?bvid=1"></iframe>',
    );
  });
  it('drops iframes from other hosts', () => {
    expect(sanitizeHtml('<p>a</p><iframe src="https://evil.example/x"></iframe>')).toBe('<p>a</p>');
  });
  it('renames center to div', () => {
    expect(sanitizeHtml('<center><img src="https://x.cn/1.jpg"></center>')).toBe(
      '<div><img src="https://x.cn/1.jpg" /></div>',
    );
  });
  it('keeps table structure and spans', () => {
    expect(sanitizeHtml('<table border="1"><tr><td colspan="2" style="x">甲</td></tr></table>')).toBe(
      '<table><tr><td colspan="2">甲</td></tr></table>',
    );
  });
  it('decodes entities and re-escapes only what must be escaped', () => {
    expect(sanitizeHtml('<p>&#123;a&#125; &lt;b&gt; &amp; 中</p>')).toBe('<p>{a} &lt;b&gt; &amp; 中</p>');
  });
  it('closes unbalanced markup without losing text', () => {
    expect(sanitizeHtml('<p><strong>a</p><p>b</p><p></strong>')).toBe(
      '<p><strong>a</strong></p><p>b</p>',
    );
  });
  it('drops empty paragraphs and wrappers, keeping ones with images', () => {
    expect(sanitizeHtml('<p> </p><div><strong></strong></div><p><a href="https://x.cn/"><img src="https://x.cn/1.jpg"></a></p>')).toBe(
      `<p><a href="https://x.cn/" ${REL}><img src="https://x.cn/1.jpg" /></a></p>`,
    );
  });
  it('settles nesting left by unwrapping so a second pass changes nothing', () => {
    const once = sanitizeHtml('<p><span><div>甲</div></span>乙</p>');
    expect(sanitizeHtml(once)).toBe(once);
    expect(once).toContain('甲');
    expect(once).toContain('乙');
  });
});

const tag = fc.constantFrom('p', 'div', 'span', 'a', 'img', 'script', 'style', 'iframe', 'strong', 'table', 'td', 'tr', 'br', 'center', 'svg', 'noscript', 'b');
const attr = fc.oneof(
  fc.constantFrom(
    ' onclick="x()"',
    ' onerror=alert(1)',
    ' href="javascript:alert(1)"',
    ' href="/rel?utm_source=a&b=1"',
    ' src="https://x.cn/i.jpg"',
    ' src="//cdn.cn/j.png"',
    ' src="https://evil.example/f"',
    ' style="display:none"',
    ' width="1" height="1"',
    ' class="keytip"',
    ' src="jav&#x09;ascript:x"',
    '',
  ),
);
const piece: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('甲乙', ' ', '&amp;', '&#123;', '<', '>', '"', '&lt;script&gt;', '\n', 'javascript:'),
  fc.tuple(tag, attr).map(([t, a]) => `<${t}${a}>`),
  tag.map((t) => `</${t}>`),
);
const htmlArb = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));

const countElements = (html: string): number => {
  let n = 0;
  const walk = (node: { children?: unknown[]; type?: string }): void => {
    for (const c of (node.children ?? []) as { type?: string; children?: unknown[] }[]) {
      if (c.type === 'tag' || c.type === 'script' || c.type === 'style') n++;
      walk(c);
    }
  };
  walk(parseHtml(html));
  return n;
};

describe('sanitizeHtml properties', () => {
  it('is idempotent: sanitising twice equals once', () => {
    fc.assert(
      fc.property(htmlArb, (html) => {
        const once = sanitizeHtml(html, base);
        expect(sanitizeHtml(once, base)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
  it('never outputs more elements than the input has', () => {
    fc.assert(
      fc.property(htmlArb, (html) => {
        expect(countElements(sanitizeHtml(html, base))).toBeLessThanOrEqual(countElements(html));
      }),
      { numRuns: 500 },
    );
  });
  it('never outputs <script, on* attributes or javascript:', () => {
    fc.assert(
      fc.property(htmlArb, (html) => {
        const out = sanitizeHtml(html, base);
        expect(out.toLowerCase()).not.toContain('<script');
        expect(out).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
        expect(out.toLowerCase()).not.toMatch(/(?:href|src)="\s*javascript:/);
      }),
      { numRuns: 500 },
    );
  });
});
