/**
 * The body cleaner: raw article HTML in, sanitised HTML + plain text + images +
 * provenance out. Every step is listed, in order, in {@link cleanBody}; each is pure
 * apart from editing the one tree parsed at the start.
 */
import type { Element } from 'domhandler';
import type { Provenance } from '../model/article.js';
import type { Outlet } from '../outlets/types.js';
import { compileRules, removeBoilerplate, wrapLooseText } from './boilerplate.js';
import { conformTags, hasMedia, tableCellTags, leafBlocks, parseHtml, removeNode, renderHtml, textOf, trimEnd, trimStart } from './dom.js';
import { htmlToText, listImages } from './html-text.js';
import { liftProvenance } from './provenance.js';
import { sanitizeHtml } from './sanitize.js';
import { defaultPolicy } from './sanitize-policy.js';

const allowedTags: ReadonlySet<string> = new Set(defaultPolicy.tagNames);
const strippedTags: ReadonlySet<string> = new Set(defaultPolicy.strip);

/** Options of {@link cleanBody}. */
export interface CleanBodyOptions {
  /** Outlet whose rules apply on top of the common ones. Default: common rules only. */
  outlet?: Outlet | undefined;
  /** Absolute URL of the article; relative links and images resolve against it. Default: none. */
  baseUrl?: string | undefined;
}

/** A cleaned body. */
export interface CleanBody {
  /** Sanitised HTML without boilerplate or provenance lines. */
  html: string;
  /** Plain text: paragraphs separated by `\n\n`, no indentation, no entities. */
  text: string;
  /** Absolute image URLs in document order; no placeholders, pixels or quote charts. */
  images: string[];
  /** Provenance stated in the body (原标题, 来源, 责任编辑, 作者, 记者). */
  provenance: Provenance;
}

/** Drops paragraphs matching a boilerplate pattern; returns the blocks still in the tree. */
function dropBoilerplateParagraphs(blocks: Element[], patterns: readonly RegExp[]): Element[] {
  if (patterns.length === 0) return blocks;
  return blocks.filter((el) => {
    if (tableCellTags.has(el.name)) return true;
    const text = textOf(el, true);
    if (text === '' || text.length > 200 || !patterns.some((p) => p.test(text))) return true;
    removeNode(el);
    return false;
  });
}

/** Trims every paragraph (including 　　 indentation) and removes the empty ones. */
function tidyParagraphs(blocks: readonly Element[]): void {
  for (const el of blocks) {
    if (el.parent === null) continue;
    trimStart(el);
    trimEnd(el);
    if (textOf(el, true) !== '' || hasMedia(el)) continue;
    // Removing an empty paragraph can leave its wrapper empty too.
    let node: Element | null = el;
    while (node !== null && node.parent !== null) {
      const parent: Element | null = node.parent.type === 'root' ? null : (node.parent as Element);
      removeNode(node);
      node = parent !== null && textOf(parent, true) === '' && !hasMedia(parent) ? parent : null;
    }
  }
}

/**
 * Cleans one article body. Steps, in order:
 * 1. parse once (htmlparser2; unbalanced markup is closed without re-opening formatting),
 *    nesting capped first (tags beyond 100 levels dropped, beyond 1,000 refused);
 * 2. wrap loose top-level text in paragraphs (plain-text bodies);
 * 3. remove boilerplate: comments and comment ranges, `display:none`, scripts/styles,
 *    outlet selectors (QR/APP blocks), placeholder and quote-chart images;
 * 4. unwrap stock-link wrappers, keeping their text;
 * 5. drop boilerplate paragraphs (返回首页, APP blurbs);
 * 6. lift provenance (原标题, 来源, 责任编辑, 记者 …) out of html and text;
 * 7. strip 　　 indentation, trim paragraphs, drop empty ones;
 * 8. unwrap tags the sanitiser would drop, serialise once, sanitise once;
 * 9. derive text and images from the sanitised HTML.
 * @example cleanBody('<p>　　正文。</p><p>责任编辑：张三</p>', { outlet: getOutlet('sina-finance') })
 * // { html: '<p>正文。</p>', text: '正文。', images: [], provenance: { editor: '张三' } }
 */
export function cleanBody(rawHtml: string, options: CleanBodyOptions): CleanBody {
  if (rawHtml.trim() === '') return { html: '', text: '', images: [], provenance: {} };
  const rules = compileRules(options.outlet);
  const doc = parseHtml(rawHtml);
  wrapLooseText(doc);
  removeBoilerplate(doc, rules);
  const blocks = dropBoilerplateParagraphs(leafBlocks(doc), rules.dropParagraphs);
  const provenance = liftProvenance(blocks, rules.provenance);
  tidyParagraphs(blocks);
  conformTags(doc, allowedTags, strippedTags, defaultPolicy.rename);
  const html = sanitizeHtml(renderHtml(doc.children), { baseUrl: options.baseUrl }).trim();
  return { html, text: htmlToText(html), images: listImages(html), provenance };
}
