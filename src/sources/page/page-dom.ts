/**
 * A linkedom DOM for article pages, behind the few members the page adapter uses (the project
 * compiles without the DOM lib, so linkedom's nodes are typed here once).
 */
import { createRequire } from 'node:module';
import { capHtmlNesting } from '../../clean/cap-nesting.js';

// Required on first parse, not imported: linkedom's ~120 modules cost every process that loads
// the source adapters about 0.2 s at start, and feed polls, Markdown imports and the reading
// commands never parse a page.
const require = createRequire(import.meta.url);
let linkedom: typeof import('linkedom') | undefined;
const parseHTML = (html: string): ReturnType<typeof import('linkedom').parseHTML> =>
  (linkedom ??= require('linkedom') as typeof import('linkedom')).parseHTML(html);

/** A DOM node, as far as the page adapter reads it. */
export interface PageNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  parentNode: PageNode | null;
  childNodes: ArrayLike<PageNode>;
}

/** A DOM element. */
export interface PageElement extends PageNode {
  tagName: string;
  children: ArrayLike<PageElement>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  remove(): void;
  outerHTML: string;
  innerHTML: string;
}

/** A parsed page. */
export interface PageDocument {
  documentElement: PageElement;
  body: PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

/** Element node type. */
export const ELEMENT_NODE = 1;
/** Text node type. */
export const TEXT_NODE = 3;

/** Parses an HTML page into a linkedom document, nesting capped (Readability's walks recurse). */
export function parsePage(html: string): PageDocument {
  const capped = capHtmlNesting(html);
  const { document } = parseHTML(capped);
  if ((document as PageDocument).documentElement) return document as PageDocument;
  // linkedom builds no root for a fragment that opens no element (`<A`, bare text): wrap it.
  const wrapped = parseHTML(`<html><body>${capped}</body></html>`).document as PageDocument;
  return wrapped.documentElement ? wrapped : (parseHTML('<html><body></body></html>').document as PageDocument);
}

/** The first element matching any selector of the list, in list order; invalid selectors are skipped. */
export function selectFirst(
  root: Pick<PageDocument, 'querySelector'>,
  selectors: readonly string[] | undefined,
): PageElement | undefined {
  for (const selector of selectors ?? []) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // A selector linkedom cannot parse matches nothing; the registry test catches typos.
    }
  }
  return undefined;
}

/** Text of a node with runs of white space folded to one space, trimmed. */
export function squashText(node: PageNode | null | undefined): string {
  return (node?.textContent ?? '').replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

/** Inline tags that style words inside a run of text: no break between them and their neighbours. */
const RUN_TAGS = new Set(['B', 'STRONG', 'I', 'EM', 'U', 'FONT', 'SUP', 'SUB', 'MARK', 'SMALL', 'BIG']);
/** Elements whose text is not page text. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Text of a node as a reader sees it laid out: like {@link squashText}, but elements stay apart
 * (`<span>澎湃新闻</span><span>1032</span>` → `澎湃新闻 1032`, where textContent glues them) and
 * script and style text is left out. Iterative: a deep page cannot overflow the stack.
 */
export function spacedText(node: PageNode | null | undefined): string {
  if (node === null || node === undefined) return '';
  const parts: string[] = [];
  // Nodes to visit, last first; a string is a separator to emit when it comes up.
  const stack: (PageNode | string)[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next === 'string') {
      parts.push(next);
      continue;
    }
    if (next.nodeType === TEXT_NODE) {
      parts.push(next.textContent ?? '');
      continue;
    }
    if (next.nodeType !== ELEMENT_NODE && next !== node) continue;
    if (NOT_TEXT.has(next.nodeName.toUpperCase())) continue;
    const gap = RUN_TAGS.has(next.nodeName.toUpperCase()) ? '' : ' ';
    stack.push(gap);
    // childNodes once: linkedom builds the list on every access (40,000 paragraphs: quadratic)
    const children = Array.from(next.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    parts.push(gap);
  }
  return parts.join('').replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

