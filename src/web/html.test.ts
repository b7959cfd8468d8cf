import { describe, expect, it } from 'vitest';
import { escapeHtml, html, SafeHtml, trustedHtml } from './html.js';

describe('html tagged template', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const evil = `"><script>alert('x')</script>&`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>',
    );
  });

  it('keeps SafeHtml, joins arrays (escaping their strings) and drops null, undefined and false', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`${inner}|${['<', html`<br>`, 1]}|${null}${undefined}${false}|${0}`.value).toBe('<b>&lt;i&gt;</b>|&lt;<br>1||0');
  });

  it('marks trusted markup without touching it', () => {
    const t = trustedHtml('<mark>碳</mark>');
    expect(t).toBeInstanceOf(SafeHtml);
    expect(html`<p>${t}</p>`.value).toBe('<p><mark>碳</mark></p>');
    expect(escapeHtml('a&b<c>"d\'')).toBe('a&amp;b&lt;c&gt;&quot;d&#39;');
  });
});
