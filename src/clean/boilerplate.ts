/**
 * Boilerplate removal on the parsed tree: comments and comment-delimited regions, hidden
 * elements, outlet selectors, unwanted images, stock-link wrappers, boilerplate paragraphs.
 * Rules come from `src/outlets/` (common first, then the outlet's own).
 */
import { compile, selectAll } from 'css-select';
import { type AnyNode, Comment, type Document, Element, type ParentNode, Text } from 'domhandler';
import { commonRules } from '../outlets/common.js';
import type { CleaningRules, Outlet } from '../outlets/types.js';
import { relink, removeNode, unwrapNode } from './dom.js';
import { isPlaceholderImage, isQuoteChartImage } from './images.js';

type Query = ReturnType<typeof compile<AnyNode, Element>>;

/** Common and outlet rules merged, with selectors compiled once. */
export interface CompiledRules {
  /** Tag names to remove (plain-tag selectors, matched during the tree walk). */
  removeTags: ReadonlySet<string>;
  /** Matches every other block to remove (common + outlet `removeSelectors`), or null. */
  remove: Query | null;
  /** Tag names to unwrap (plain-tag selectors). */
  unwrapTags: ReadonlySet<string>;
  /** Matches every other wrapper to unwrap, or null. */
  unwrap: Query | null;
  /** Comment-delimited regions. */
  commentRanges: CleaningRules['removeCommentRanges'];
  /** Whole-paragraph boilerplate patterns. */
  dropParagraphs: readonly RegExp[];
  /** Provenance rules: common first, then the outlet's. */
  provenance: CleaningRules['provenancePatterns'];
}

const cache = new WeakMap<object, CompiledRules>();

const PLAIN_TAG = /^[a-z][a-z0-9]*$/;

/** Plain tag selectors become a set (checked while walking); the rest compile to one query. */
function compileSelectors(list: readonly string[]): [ReadonlySet<string>, Query | null] {
  const tags = new Set(list.filter((s) => PLAIN_TAG.test(s)));
  const rest = list.filter((s) => !PLAIN_TAG.test(s));
  return [tags, rest.length === 0 ? null : compile<AnyNode, Element>(rest.join(', '))];
}

/** The merged, compiled rules for `outlet` (or the common rules alone), cached per outlet. */
export function compileRules(outlet: Outlet | undefined): CompiledRules {
  const key: object = outlet ?? commonRules;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const o: CleaningRules = outlet ?? {
    removeSelectors: [],
    unwrapSelectors: [],
    removeCommentRanges: [],
    dropParagraphPatterns: [],
    provenancePatterns: [],
  };
  const [removeTags, remove] = compileSelectors([...commonRules.removeSelectors, ...o.removeSelectors]);
  const [unwrapTags, unwrap] = compileSelectors([...commonRules.unwrapSelectors, ...o.unwrapSelectors]);
  const rules: CompiledRules = {
    removeTags,
    remove,
    unwrapTags,
    unwrap,
    commentRanges: [...commonRules.removeCommentRanges, ...o.removeCommentRanges],
    dropParagraphs: [...commonRules.dropParagraphPatterns, ...o.dropParagraphPatterns],
    provenance: [...commonRules.provenancePatterns, ...o.provenancePatterns],
  };
  cache.set(key, rules);
  return rules;
}

const HIDDEN = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function isUnwantedImage(el: Element): boolean {
  const src = el.attribs['src'] ?? '';
  return src === '' || isPlaceholderImage(src) || isQuoteChartImage(src);
}

/**
 * One pass over the tree: drops comments (and everything between a range's start and end
 * comments at the same level), elements hidden with inline `display:none`, removable tags,
 * and images that are placeholders or quote charts; unwraps unwrappable tags.
 */
function pruneTree(parent: ParentNode, rules: CompiledRules): void {
  const ranges = rules.commentRanges;
  const kids = parent.children;
  const kept: typeof kids = [];
  let changed = false;
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i];
    if (c === undefined) continue;
    if (c instanceof Comment) {
      changed = true;
      const text = c.data.trim();
      const range = ranges.find((r) => r.start === text);
      if (range !== undefined) {
        const end = kids.findIndex((k, j) => j > i && k instanceof Comment && k.data.trim() === range.end);
        if (end > i) i = end;
      }
      continue;
    }
    if (c instanceof Text && c.data.length > 1 && !/[^\s]/.test(c.data)) {
      // Source formatting between blocks: keep one separator, not dozens of blank lines.
      c.data = c.data.includes('\n') ? '\n' : ' ';
    } else if (c instanceof Element) {
      const style = c.attribs['style'];
      if (
        rules.removeTags.has(c.name) ||
        (style !== undefined && HIDDEN.test(style)) ||
        (c.name === 'img' && isUnwantedImage(c))
      ) {
        changed = true;
        continue;
      }
      if (c.children.length > 0) pruneTree(c, rules);
      if (rules.unwrapTags.has(c.name)) {
        changed = true;
        kept.push(...c.children);
        continue;
      }
    }
    kept.push(c);
  }
  if (changed) {
    parent.children = kept;
    relink(parent);
  }
}

/** Removes boilerplate elements and unwraps stock-link wrappers, in place. */
export function removeBoilerplate(doc: Document, rules: CompiledRules): void {
  pruneTree(doc, rules);
  if (rules.remove !== null) for (const el of selectAll<AnyNode, Element>(rules.remove, doc)) removeNode(el);
  if (rules.unwrap !== null) for (const el of selectAll<AnyNode, Element>(rules.unwrap, doc)) unwrapNode(el);
}

/**
 * Wraps loose top-level text (plain-text bodies, or text between blocks) in `<p>`s,
 * splitting it at blank lines, so every paragraph is an element the later steps can see.
 */
export function wrapLooseText(doc: Document): void {
  const out: Document['children'] = [];
  let run: Document['children'] = [];
  let changed = false;
  const flush = (): void => {
    if (run.some((n) => !(n instanceof Text) || n.data.trim() !== '')) {
      const p = new Element('p', {}, run);
      relink(p);
      out.push(p);
      changed = true;
    } else out.push(...run);
    run = [];
  };
  for (const c of doc.children) {
    if (c instanceof Text) {
      const parts = c.data.split(/\n[ \t\u3000]*\n/);
      parts.forEach((part, idx) => {
        if (idx > 0) flush();
        if (part !== '') run.push(new Text(part));
      });
    } else if (c instanceof Element && !isInline(c)) {
      flush();
      out.push(c);
    } else run.push(c);
  }
  flush();
  if (changed) {
    doc.children = out;
    relink(doc);
  }
}

const inlineTags = new Set([
  'a', 'abbr', 'b', 'br', 'cite', 'code', 'em', 'font', 'i', 'img', 'mark', 'q', 's', 'small',
  'span', 'strong', 'sub', 'sup', 'u',
]);

function isInline(el: Element): boolean {
  return inlineTags.has(el.name);
}
