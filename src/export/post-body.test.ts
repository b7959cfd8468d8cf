import { describe, expect, it } from 'vitest';
import { postBody } from './post-body.js';

describe('postBody', () => {
  it.each([
    ['<p>a</p>\n\n\n<p>b</p>', '<p>a</p>\n<p>b</p>'],
    ['<p>{{ site.title }} {%raw%} {# c #} {x} }}</p>', '<p>&#123;{ site.title }} &#123;%raw%} &#123;# c #} {x} }}</p>'],
    ['<p>{{{x}}}</p>', '<p>&#123;&#123;{x}}}</p>'],
    ['<p onclick="alert(1)">x</p><script>alert(2)</script>', '<p>x</p>'],
    ['<p>a</p>\r\n\r\n<p>b</p>', '<p>a</p>\n<p>b</p>'],
  ])('%j', (html, inner) => {
    expect(postBody(html)).toBe(`<div class="caixun-article">\n${inner}\n</div>\n`);
  });

  it('leaves no template opener and no blank line', () => {
    const body = postBody('<p>{{a}}{%b%}{#c#}</p>\n\n<pre>x\n\ny</pre>');
    expect(body).not.toMatch(/\{[{%#]/);
    expect(body).not.toMatch(/\n[ \t]*\n/);
  });
});
