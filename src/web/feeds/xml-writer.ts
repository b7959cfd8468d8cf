/**
 * The one place feed XML is escaped: text and attribute values are stripped of what XML 1.0
 * cannot carry and entity-escaped, so a title, category or outlet name with `<`, `&`, `"`, `]]>`,
 * control characters or lone surrogates still gives a well-formed document. No CDATA (its
 * terminator needs splitting, and escaped text reads the same in every parser).
 */

// Everything outside XML 1.0's Char production (C0 controls but tab/LF/CR, lone surrogates —
// the `u` flag matches them as code points — U+FFFE/U+FFFF), plus DEL and the C1 controls, which
// XML allows but discourages and no reader displays.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * `s` without the characters an XML document (or a feed reader) cannot carry.
 * @example stripNonXmlChars('a\u0001b\uFFFE') // 'ab'
 */
export const stripNonXmlChars = (s: string): string => s.replace(NOT_XML_CHAR, '');

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * `s` as XML character data or a double-quoted attribute value.
 * @example escapeXml('A股<港股 & "x"') // 'A股&lt;港股 &amp; &quot;x&quot;'
 */
export const escapeXml = (s: string): string => stripNonXmlChars(s).replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** Attribute values of an element; undefined ones are left out. */
export type XmlAttrs = Record<string, string | undefined>;

/** An XML fragment already escaped (built by {@link xmlElement} only). */
export interface XmlNode {
  readonly xml: string;
}

/**
 * One element: `children` are text (escaped here), built elements, or nothing (empty element).
 * Element and attribute names are ours, never input, so they are written as given.
 * @example xmlElement('category', { term: 'A股<港股' }).xml // '<category term="A股&lt;港股"/>'
 */
export function xmlElement(name: string, attrs: XmlAttrs = {}, children?: string | readonly XmlNode[]): XmlNode {
  const attrText = Object.entries(attrs)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (children === undefined || children.length === 0) return { xml: `<${name}${attrText}/>` };
  const inner = typeof children === 'string' ? escapeXml(children) : children.map((c) => c.xml).join('');
  return { xml: `<${name}${attrText}>${inner}</${name}>` };
}

/**
 * A whole document: the declaration, then the root element.
 * @example xmlDocument(xmlElement('rss', { version: '2.0' }, [channel]))
 */
export const xmlDocument = (root: XmlNode): string => `<?xml version="1.0" encoding="utf-8"?>\n${root.xml}\n`;
