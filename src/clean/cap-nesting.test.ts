import { describe, expect, it } from 'vitest';
import { InvalidDocumentError } from '../util/errors.js';
import { capNesting, measureNesting } from './cap-nesting.js';
import { cleanBody } from './clean-body.js';

const nested = (depth: number, inner = '深层正文'): string =>
  `${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}`;

describe('capNesting', () => {
  it('returns markup within the cap untouched (same string)', () => {
    const html = `<p class='a'>正文&amp;<br>下一行</p><!-- c -->${nested(100)}`;
    expect(capNesting(html)).toBe(html);
  });

  it('drops tags deeper than the cap and keeps their text', () => {
    const html = `<p>前文</p>${nested(150, '<b>深层</b>正文')}<p>后文</p>`;
    const capped = capNesting(html);
    // 100 elements deep, plus the <br> that ends a dropped block's line inside the 100th.
    expect(measureNesting(capped)).toBe(101);
    expect(cleanBody(capped, {}).text).toBe(cleanBody(html, {}).text);
    expect(cleanBody(html, {}).text).toBe('前文\n\n深层正文\n\n后文');
  });

  it('keeps attributes, comments and entities of the kept part as they were', () => {
    const capped = capNesting(`<a href="/x?a=1&amp;b=2" title='say "hi"'>链接</a>${nested(120)}`);
    expect(capped.startsWith('<a href="/x?a=1&amp;b=2" title="say &quot;hi&quot;">链接</a><div>')).toBe(true);
  });

  it('refuses absurd depth with a reason that says how deep', () => {
    expect(() => capNesting(nested(6000))).toThrow(InvalidDocumentError);
    expect(() => capNesting(nested(6000))).toThrow(
      'clean: markup nests 6000 levels deep (more than 1000); refused as hostile',
    );
  });

  it('counts unclosed tags as nesting, as the parser does', () => {
    expect(measureNesting('<font>'.repeat(300) + '字')).toBe(300);
    expect(measureNesting('<p>a<p>b<p>c<br><img src=x>')).toBe(2);
  });
});

describe('cleanBody on hostile nesting', () => {
  it('refuses a 6,000-deep body with a reason instead of overflowing the stack', () => {
    expect(() => cleanBody(nested(6000), {})).toThrow(/nests 6000 levels deep/);
  });

  it('cleans a 900-deep body (flattened below 100 levels) to its text', () => {
    expect(cleanBody(nested(900, '<p>第一段</p><p>第二段</p>'), {}).text).toBe('第一段\n\n第二段');
  });
});
