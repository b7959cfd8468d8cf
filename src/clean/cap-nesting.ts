/**
 * Bounds how deep hostile HTML can nest before any tree is built from it. The tree steps
 * after the parse (boilerplate, leaf blocks, serialisation, page density) walk the tree
 * recursively; a body nested thousands of levels deep would overflow the stack. One
 * streaming pass (htmlparser2's tokenizer keeps its own stack) measures the depth: within
 * the cap the input is returned untouched; deeper tags are dropped and their text kept;
 * past the refusal limit the document is refused with a reason.
 */
import { Parser } from 'htmlparser2';
import { InvalidDocumentError } from '../util/errors.js';

/** Options of {@link capNesting}. */
export interface CapNestingOptions {
  /** Elements deeper than this lose their tags (their text stays). Default 100. */
  flattenBeyond?: number;
  /** Markup deeper than this is refused. Default 1,000. */
  refuseBeyond?: number;
}

/** Default depth beyond which tags are dropped; real article markup stays well under it. */
export const FLATTEN_BEYOND = 100;
/** Default depth beyond which a document is refused: no real page nests that deep. */
export const REFUSE_BEYOND = 1000;

/** Blocks whose end still ends a line when their tag is dropped. */
const BLOCK = new Set([
  'article', 'blockquote', 'dd', 'div', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'p',
  'pre', 'section', 'table', 'tr',
]);

const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source',
  'track', 'wbr',
]);

/** The deepest element nesting of `html` (implied closes counted as the parser does). */
export function measureNesting(html: string): number {
  let depth = 0;
  let max = 0;
  const parser = new Parser(
    {
      onopentag: () => void (max = Math.max(max, ++depth)),
      onclosetag: () => void depth--,
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.end(html);
  return max;
}

function attributes(attribs: Record<string, string>): string {
  let out = '';
  for (const [name, value] of Object.entries(attribs)) out += ` ${name}="${value.replace(/"/g, '&quot;')}"`;
  return out;
}

/** Re-serialises `html` with every element deeper than `limit` unwrapped (text and comments kept). */
function flatten(html: string, limit: number): string {
  const out: string[] = [];
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        depth++;
        if (depth <= limit) out.push(`<${name}${attributes(attribs)}>`);
        else if (name === 'br') out.push('<br>');
        else if (!VOID.has(name)) out.push(' ');
      },
      onclosetag(name) {
        if (depth <= limit && !VOID.has(name)) out.push(`</${name}>`);
        // A dropped block still ends its line (a void <br> adds no depth).
        else if (depth > limit && BLOCK.has(name)) out.push('<br>');
        depth--;
      },
      ontext: (text) => void out.push(text),
      oncomment: (data) => void out.push(`<!--${data.replace(/--/g, '- -')}-->`),
      onprocessinginstruction: (_name, data) => void out.push(`<${data}>`),
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.end(html);
  return out.join('');
}

/**
 * Returns `html` with its nesting bounded: untouched when within `flattenBeyond` levels.
 * @throws InvalidDocumentError when the markup nests deeper than `refuseBeyond` levels
 * @example capNesting('<div>'.repeat(150) + 'x') // 100 divs, then 'x'
 */
export function capNesting(html: string, options: CapNestingOptions = {}): string {
  const flattenBeyond = options.flattenBeyond ?? FLATTEN_BEYOND;
  const refuseBeyond = options.refuseBeyond ?? REFUSE_BEYOND;
  // No tag opens more often than there are '<'s: short or flat inputs skip the scan.
  if (html.length < flattenBeyond * 3) return html;
  const depth = measureNesting(html);
  if (depth > refuseBeyond) {
    throw new InvalidDocumentError(
      `clean: markup nests ${depth} levels deep (more than ${refuseBeyond}); refused as hostile`,
    );
  }
  return depth > flattenBeyond ? flatten(html, flattenBeyond) : html;
}
