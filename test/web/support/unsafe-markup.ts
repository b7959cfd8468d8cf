/**
 * Lists what in an HTML fragment or page could run script: script-capable elements, event
 * handler attributes, and URL attributes with a javascript:/vbscript:/data:text scheme. Parsed
 * with htmlparser2 (as a browser would tokenise it), so escaped text never counts.
 */
import { Parser } from 'htmlparser2';

const SCRIPT_ELEMENTS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'base', 'meta', 'form', 'style', 'template', 'link', 'applet']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href', 'poster', 'background']);

/**
 * Every unsafe thing found, as `element`, `element@attribute` or `element@attribute=value`.
 * @param allowed - elements the caller expects (e.g. the page's own `link` and `meta`).
 */
export function unsafeMarkup(html: string, allowed: readonly string[] = []): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (SCRIPT_ELEMENTS.has(name) && !allowed.includes(name)) found.push(name);
        for (const [attr, value] of Object.entries(attribs)) {
          if (attr.startsWith('on')) found.push(`${name}@${attr}`);
          if (attr === 'style' && /url\(|expression/i.test(value)) found.push(`${name}@style=${value}`);
          const v = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (URL_ATTRIBUTES.has(attr) && /^(javascript|vbscript|data:text|data:application)/.test(v)) found.push(`${name}@${attr}=${value}`);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}
