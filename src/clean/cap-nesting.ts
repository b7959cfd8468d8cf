/**
 * Nesting cap for hostile HTML. Scraped markup may nest elements thousands deep (6,000 `<div>`s
 * in one feed item): serialisers, sanitisers, Readability and our own walks recurse, so one item
 * would overflow the stack, and htmlparser2 itself slows quadratically with depth. Deeper than
 * {@link MAX_NESTING} levels an element keeps its text and loses its markup, on the string before
 * any parser sees it ({@link capHtmlNesting}) and again on a parsed tree ({@link capNesting}), so
 * no later walk goes deeper. Real pages nest a few dozen levels at most and are never touched.
 */
import { type ChildNode, Element, type ParentNode, Text } from 'domhandler';

/** Elements deeper than this hold only their text. */
export const MAX_NESTING = 100;

/** The text below `root`, in document order, gathered without recursion. */
function subtreeText(root: ParentNode): string {
  const parts: string[] = [];
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof Text) parts.push(node.data);
    else if (node instanceof Element) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join('');
}

/**
 * Flattens every element at depth `maxDepth` that still has child elements: its children become
 * one text node. Returns how many elements it flattened (0: the tree is unchanged).
 */
export function capNesting(root: ParentNode, maxDepth = MAX_NESTING): number {
  let flattened = 0;
  const stack: { node: ParentNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    for (const child of node.children) {
      if (!(child instanceof Element)) continue;
      if (depth + 1 < maxDepth) {
        stack.push({ node: child, depth: depth + 1 });
      } else if (child.children.some((c) => c instanceof Element)) {
        const text = new Text(subtreeText(child));
        text.parent = child;
        child.children = [text];
        flattened++;
      }
    }
  }
  return flattened;
}

/** Elements that never hold content. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Elements an opening sibling of the same name closes (`<p>a<p>b`, `<li>a<li>b`). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'rt', 'rp']);
/** How far below the top a closing tag may look for its element (a stray one is left alone). */
const CLOSE_LOOKUP = 8;

const isNameChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58;

/**
 * `html` with its nesting capped before any parser sees it: the same string when nothing nests
 * deeper than `maxDepth`; else the tags deeper than that are dropped and their text stays.
 * htmlparser2 keeps its open elements with `unshift`, so 80,000 nested tags already cost it
 * 2.6 s and a 10 MB body of them hours; this scan is linear (each `<` is read once, `indexOf`
 * moves forward only), and tracks open elements about as htmlparser2 does (void elements,
 * raw text, `<p>`/`<li>` closed by a sibling, stray closing tags ignored).
 */
export function capHtmlNesting(html: string, maxDepth = MAX_NESTING): string {
  // Cheap test first: fewer opening tags than the cap cannot nest that deep.
  if (countOpeningTags(html, maxDepth) < maxDepth) return html;
  const open: { name: string; kept: boolean }[] = [];
  const out: string[] = [];
  let copied = 0;
  let dropped = 0;
  const drop = (from: number, to: number): void => {
    out.push(html.slice(copied, from));
    copied = to;
    dropped++;
  };
  let i = html.indexOf('<');
  while (i >= 0) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) break;
      i = html.indexOf('<', end + 3);
      continue;
    }
    const closing = html.charCodeAt(i + 1) === 47;
    let j = i + (closing ? 2 : 1);
    const nameStart = j;
    while (j < html.length && isNameChar(html.charCodeAt(j))) j++;
    if (j === nameStart) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const gt = html.indexOf('>', j);
    if (gt < 0) break; // no tag can close after this point
    const name = html.slice(nameStart, j).toLowerCase();
    if (closing) {
      const top = open.length - 1;
      let k = top;
      while (k >= 0 && top - k < CLOSE_LOOKUP && open[k]!.name !== name) k--;
      if (k >= 0 && open[k]!.name === name) {
        if (!open[k]!.kept) drop(i, gt + 1);
        open.length = k;
      }
      i = html.indexOf('<', gt + 1);
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(name) && open[open.length - 1]?.name === name) open.pop();
    if (VOID.has(name)) {
      if (open.length >= maxDepth) drop(i, gt + 1);
      i = html.indexOf('<', gt + 1);
      continue;
    }
    const kept = open.length < maxDepth;
    let next = gt + 1;
    if (RAW_TEXT.has(name)) {
      // Its content is text up to its end tag: skipped, or dropped whole with a deep element.
      const end = new RegExp(`</${name}\\b`, 'ig');
      end.lastIndex = next;
      const found = end.exec(html);
      const endGt = found === null ? -1 : html.indexOf('>', found.index);
      if (endGt < 0) break;
      if (!kept) drop(i, endGt + 1);
      next = endGt + 1;
    } else {
      if (!kept) drop(i, gt + 1);
      open.push({ name, kept });
    }
    i = html.indexOf('<', next);
  }
  if (dropped === 0) return html;
  out.push(html.slice(copied));
  return out.join('');
}

/** How many `<` followed by a letter `html` holds, counting up to `atMost`. */
function countOpeningTags(html: string, atMost: number): number {
  let n = 0;
  for (let i = html.indexOf('<'); i >= 0 && n < atMost; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
  }
  return n;
}
