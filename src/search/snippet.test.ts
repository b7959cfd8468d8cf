import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, makeSnippet, matchRanges } from './snippet.js';

describe('makeSnippet', () => {
  it('marks every occurrence of every term', () => {
    expect(makeSnippet('碳达峰碳中和，推进碳达峰', ['碳达峰'])).toBe('<mark>碳达峰</mark>碳中和，推进<mark>碳达峰</mark>');
  });

  it('escapes the text: a <script> comes back as text', () => {
    expect(makeSnippet('<script>alert("碳")</script> & 碳', ['碳'])).toBe(
      '&lt;script&gt;alert(&quot;<mark>碳</mark>&quot;)&lt;/script&gt; &amp; <mark>碳</mark>',
    );
  });

  it('matches Latin case-insensitively and full-width forms', () => {
    expect(makeSnippet('推进IPv6部署与ＩＰＶ６改造', ['ipv6'])).toBe('推进<mark>IPv6</mark>部署与ＩＰＶ６改造');
    expect(makeSnippet('仅有ＩＰＶ６改造', ['ipv6'])).toBe('仅有<mark>ＩＰＶ６</mark>改造');
  });

  it('starts shortly before the first match and cuts with …', () => {
    const text = `${'甲'.repeat(100)}北向资金${'乙'.repeat(100)}`;
    expect(makeSnippet(text, ['北向资金'], { length: 20, before: 4 })).toBe(`…甲甲甲甲<mark>北向资金</mark>${'乙'.repeat(12)}…`);
  });

  it('shows the beginning when nothing matches, whitespace collapsed', () => {
    expect(makeSnippet('第一段\n\n第二段', ['央行'])).toBe('第一段 第二段');
  });

  it('never cuts a surrogate pair', () => {
    const s = makeSnippet(`${'𠀀'.repeat(10)}碳`, ['碳'], { length: 5, before: 2 });
    expect(s).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('never outputs a tag other than <mark> (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 3 }), (text, terms) => {
        const out = makeSnippet(text, terms.map((t) => t.toLowerCase()));
        expect(out.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      }),
    );
  });
});

describe('matchRanges', () => {
  it('merges overlapping matches', () => {
    expect(matchRanges('碳达峰', ['碳达', '达峰'])).toEqual([[0, 3]]);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
