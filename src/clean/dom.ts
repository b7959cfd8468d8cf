/**
 * Small helpers over htmlparser2's DOM (domhandler nodes): parse, serialise, remove,
 * unwrap, text, and the "leaf blocks" (paragraph-like elements) the cleaner works on.
 */
import render from 'dom-serializer';
import { type AnyNode, type ChildNode, type Document, Element, type ParentNode, Text } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { capHtmlNesting, capNesting } from './cap-nesting.js';

/** Elements that start a new paragraph in text. */
export const blockTags: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'div', 'dl',
  'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul',
]);

/** Elements that carry content without text (a paragraph holding one is not empty). */
const mediaTags: ReadonlySet<string> = new Set(['img', 'iframe', 'video', 'audio', 'table', 'hr']);

/** Table parts: paragraph rules never apply to them. */
export const tableCellTags: ReadonlySet<string> = new Set(['td', 'th', 'caption']);


/**
 * Parses HTML with htmlparser2, nesting capped at MAX_NESTING levels. Unlike an HTML5 tree builder it does not re-open formatting
 * elements across paragraphs, so `<p><strong>a</p><p>b</p><p></strong>` stays
 * `<p><strong>a</strong></p><p>b</p><p></p>` instead of turning every paragraph bold.
 */
export function parseHtml(html: string): Document {
  // Hostile nesting flattened before and after parsing, so no walk of the cleaner recurses
  // deeper than MAX_NESTING (cap-nesting.ts).
  const doc = parseDocument(capHtmlNesting(html), { decodeEntities: true, lowerCaseTags: true });
  capNesting(doc);
  return doc;
}

/** Serialises a DOM back to HTML, keeping non-ASCII characters literal. */
export function renderHtml(node: AnyNode | AnyNode[]): string {
  return render(node, { encodeEntities: 'utf8', decodeEntities: true });
}

/** Re-links `prev`/`next`/`parent` of a parent's children after its array changed. */
export function relink(parent: ParentNode): void {
  const kids = parent.children;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i] as ChildNode;
    k.parent = parent;
    k.prev = kids[i - 1] ?? null;
    k.next = kids[i + 1] ?? null;
  }
}

/** Removes `node` from its parent. */
export function removeNode(node: ChildNode): void {
  const parent = node.parent;
  if (parent === null) return;
  const i = parent.children.indexOf(node);
  if (i >= 0) parent.children.splice(i, 1);
  relink(parent);
  node.parent = node.prev = node.next = null;
}

/** Replaces `el` by its children. */
export function unwrapNode(el: Element): void {
  const parent = el.parent;
  if (parent === null) return;
  const i = parent.children.indexOf(el);
  if (i < 0) return;
  parent.children.splice(i, 1, ...el.children);
  el.children = [];
  relink(parent);
  el.parent = el.prev = el.next = null;
}

/**
 * The text of `node`: text nodes as they are, `<br>` as `\n`. With `normalise`, runs of
 * whitespace inside text nodes collapse to one space and every line is trimmed.
 */
export function textOf(node: AnyNode, normalise: boolean): string {
  let out = '';
  const walk = (n: AnyNode): void => {
    if (n instanceof Text) out += normalise ? n.data.replace(/[\s\u3000\u00a0]+/g, ' ') : n.data;
    else if (n instanceof Element) {
      if (n.name === 'br') out += '\n';
      else for (const c of n.children) walk(c);
    }
  };
  walk(node);
  if (!normalise) return out;
  return out.includes('\n') ? out.split('\n').map((l) => l.trim()).join('\n').trim() : out.trim();
}

/** Whether `el` holds an image, table or other content that has no text. */
export function hasMedia(el: Element): boolean {
  for (const c of el.children) {
    if (c instanceof Element && (mediaTags.has(c.name) || hasMedia(c))) return true;
  }
  return false;
}

/** Block elements with no block descendants, in document order. */
export function leafBlocks(root: ParentNode): Element[] {
  const out: Element[] = [];
  const visit = (n: ParentNode): boolean => {
    let inner = false;
    for (const c of n.children) if (c instanceof Element && visit(c)) inner = true;
    if (n instanceof Element && blockTags.has(n.name)) {
      if (!inner) out.push(n);
      return true;
    }
    return inner;
  };
  visit(root);
  return out;
}

/** Text nodes below `el` in document order. */
function textNodes(el: ParentNode): Text[] {
  const out: Text[] = [];
  const walk = (n: ParentNode): void => {
    for (const c of n.children) {
      if (c instanceof Text) out.push(c);
      else if (c instanceof Element) walk(c);
    }
  };
  walk(el);
  return out;
}

/** Strips leading whitespace and ideographic-space indentation (　　) from `el`'s text. */
export function trimStart(el: Element): void {
  for (const t of textNodes(el)) {
    t.data = t.data.replace(/^[\s\u3000\u00a0]+/, '');
    if (t.data !== '') return;
  }
}

/** Strips trailing whitespace from `el`'s text, and trailing `<br>`s. */
export function trimEnd(el: Element): void {
  const walk = (n: ParentNode): boolean => {
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i];
      if (c instanceof Text) {
        c.data = c.data.replace(/[\s\u3000\u00a0]+$/, '');
        if (c.data !== '') return true;
      } else if (c instanceof Element) {
        if (c.name === 'br') removeNode(c);
        else if (mediaTags.has(c.name) || walk(c)) return true;
      }
    }
    return false;
  };
  walk(el);
}

/** Removes the last `count` characters of `el`'s text (`<br>` counts as one). */
export function removeTrailingChars(el: Element, count: number): void {
  let left = count;
  const walk = (n: ParentNode): void => {
    for (let i = n.children.length - 1; i >= 0 && left > 0; i--) {
      const c = n.children[i];
      if (c instanceof Text) {
        const take = Math.min(left, c.data.length);
        c.data = c.data.slice(0, c.data.length - take);
        left -= take;
      } else if (c instanceof Element) {
        if (c.name === 'br') {
          removeNode(c);
          left -= 1;
        } else walk(c);
      }
    }
  };
  walk(el);
}

/**
 * Brings a tree to a tag allow-list in one walk: tags in `strip` go with their content,
 * other unlisted tags are replaced by their children, `rename` is applied. Done on the tree
 * so the string sanitiser then has nothing to reshape and needs a single pass.
 */
export function conformTags(
  root: ParentNode,
  allowed: ReadonlySet<string>,
  strip: ReadonlySet<string>,
  rename: Readonly<Record<string, string>>,
): void {
  let changed = false;
  const out: ChildNode[] = [];
  for (const c of root.children) {
    if (!(c instanceof Element)) {
      out.push(c);
      continue;
    }
    conformTags(c, allowed, strip, rename);
    const to = rename[c.name];
    if (to !== undefined) {
      c.name = to;
      c.attribs = {};
    }
    if (allowed.has(c.name)) out.push(c);
    else {
      changed = true;
      if (!strip.has(c.name)) out.push(...c.children);
    }
  }
  if (changed) {
    root.children = out;
    relink(root);
  }
}
