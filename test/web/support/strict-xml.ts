/**
 * A strict XML 1.0 well-formedness check for the feeds we serve. fast-xml-parser's validator
 * checks the tag structure but lets through `<` in attribute values, control characters, unknown
 * entities and several roots, all of which a strict parser (libxml2, Expat, .NET) rejects; the
 * scan here adds those checks. Returns the problems found (empty: well-formed).
 */
import { XMLValidator } from 'fast-xml-parser';

// XML 1.0 Char production (the `u` flag makes a lone surrogate one code point, outside every range).
const NOT_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = '[A-Za-z_][\\w.:-]*';
const ATTR = new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'y');
const TAG_OPEN = new RegExp(`<(/?)(${NAME})`, 'y');
const TAG_CLOSE = /\s*(\/?)>/y;
const REFERENCE = /^&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/;

const isXmlChar = (cp: number): boolean => !NOT_CHAR.test(String.fromCodePoint(cp));

/** Problems with the `&` references in `text` (character data or an attribute value). */
function referenceProblems(text: string, at: number): string[] {
  const out: string[] = [];
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    const m = REFERENCE.exec(text.slice(i, i + 12));
    if (m === null) out.push(`bad reference at ${at + i}: ${JSON.stringify(text.slice(i, i + 12))}`);
    else if (m[1] === undefined && !isXmlChar(Number.parseInt(m[2] ?? m[3]!, m[2] ? 10 : 16))) out.push(`reference to a non-XML character at ${at + i}`);
  }
  return out;
}

/**
 * Every reason `xml` is not a well-formed XML 1.0 document with one root element.
 * @example expect(strictXmlProblems(body)).toEqual([])
 */
export function strictXmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const validated = XMLValidator.validate(xml);
  if (validated !== true) problems.push(`fast-xml-parser: ${validated.err.msg} (line ${validated.err.line})`);
  const bad = NOT_CHAR.exec(xml);
  if (bad !== null) problems.push(`non-XML character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${bad.index}`);

  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const text = (end: number): void => {
    const chunk = xml.slice(i, end);
    if (stack.length === 0 && chunk.trim() !== '') problems.push(`text outside the root at ${i}`);
    if (chunk.includes(']]>')) problems.push(`"]]>" in character data at ${i + chunk.indexOf(']]>')}`);
    problems.push(...referenceProblems(chunk, i));
    i = end;
  };
  const skipTo = (terminator: string, what: string): void => {
    const end = xml.indexOf(terminator, i);
    if (end < 0) problems.push(`unterminated ${what} at ${i}`);
    i = end < 0 ? xml.length : end + terminator.length;
  };
  while (i < xml.length && problems.length < 20) {
    const lt = xml.indexOf('<', i);
    text(lt < 0 ? xml.length : lt);
    if (lt < 0) break;
    if (xml.startsWith('<?', i)) skipTo('?>', 'processing instruction');
    else if (xml.startsWith('<!--', i)) skipTo('-->', 'comment');
    else if (xml.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) problems.push(`CDATA outside the root at ${i}`);
      skipTo(']]>', 'CDATA section');
    } else if (xml.startsWith('<!', i)) {
      problems.push(`declaration ${JSON.stringify(xml.slice(i, i + 10))} (no DOCTYPE expected) at ${i}`);
      skipTo('>', 'declaration');
    } else {
      TAG_OPEN.lastIndex = i;
      const open = TAG_OPEN.exec(xml);
      if (open === null) {
        problems.push(`"<" that starts no tag at ${i}`);
        i += 1;
        continue;
      }
      const [, slash, name] = open as unknown as [string, string, string];
      let at = TAG_OPEN.lastIndex;
      const seen = new Set<string>();
      for (;;) {
        ATTR.lastIndex = at;
        const attr = ATTR.exec(xml);
        if (attr === null) break;
        if (seen.has(attr[1]!)) problems.push(`attribute ${attr[1]} twice at ${at}`);
        seen.add(attr[1]!);
        problems.push(...referenceProblems(attr[2] ?? attr[3]!, at));
        at = ATTR.lastIndex;
      }
      TAG_CLOSE.lastIndex = at;
      const close = TAG_CLOSE.exec(xml);
      if (close === null || (slash === '/' && (seen.size > 0 || close[1] === '/'))) {
        problems.push(`malformed tag <${slash}${name} at ${i} (a "<" or bad quote in an attribute?)`);
        i = at;
        continue;
      }
      i = TAG_CLOSE.lastIndex;
      if (slash === '/') {
        if (stack.pop() !== name) problems.push(`</${name}> does not close the open element at ${i}`);
      } else {
        if (stack.length === 0) roots += 1;
        if (close[1] !== '/') stack.push(name);
      }
    }
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.at(-1)}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
