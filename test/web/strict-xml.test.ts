/** The strict XML check used on served feeds rejects what strict parsers reject, and only that. */
import { describe, expect, it } from 'vitest';
import { strictXmlProblems } from './support/strict-xml.js';

const doc = (body: string): string => `<?xml version="1.0" encoding="utf-8"?>\n${body}\n`;

describe('strictXmlProblems', () => {
  it.each([
    ['a feed with namespaces, references, CDATA and a comment', '<rss version="2.0" xmlns:a="urn:x"><a:link href="x?a=1&amp;b=&#x4E2D;&#20013;"/><title>A股&lt;港股 ]] &gt;</title><!-- c --><d><![CDATA[<p>]]></d></rss>'],
    ['single-quoted attributes and an empty root', "<feed a='1' b=\"&quot;\"/>"],
  ])('accepts %s', (_name, body) => {
    expect(strictXmlProblems(doc(body))).toEqual([]);
  });

  it.each([
    ['"<" in an attribute (what feed@6 wrote for categories)', '<feed><category label="A股<港股"/></feed>'],
    ['a raw "&" in an attribute', '<feed><link href="x?a=1&b=2"/></feed>'],
    ['a raw "&" in text', '<feed><title>A & B</title></feed>'],
    ['an unknown entity', '<feed><title>&nbsp;</title></feed>'],
    ['a C0 control character', '<feed><title>a\u0001b</title></feed>'],
    ['a reference to a control character', '<feed><title>&#1;</title></feed>'],
    ['a lone surrogate', '<feed><title>a\uD800b</title></feed>'],
    ['U+FFFE', '<feed><title>a\uFFFEb</title></feed>'],
    ['"]]>" in text', '<feed><title>a ]]> b</title></feed>'],
    ['two roots', '<feed/><feed/>'],
    ['text after the root', '<feed/>x'],
    ['a DOCTYPE', '<!DOCTYPE feed [<!ENTITY x "y">]><feed/>'],
    ['crossed tags', '<feed><a><b></a></b></feed>'],
    ['an unclosed element', '<feed><a></feed>'],
    ['a duplicate attribute', '<feed a="1" a="2"/>'],
  ])('rejects %s', (_name, body) => {
    expect(strictXmlProblems(doc(body))).not.toEqual([]);
  });
});
