/**
 * Text-density extraction for Chinese portals, after GeneralNewsExtractor: the body is the
 * element whose text, minus link text, is densest per tag and richest in punctuation.
 * Navigation blocks (many links, little prose) score low; a body split over many `<p>` still
 * scores high because its text far outweighs its tags.
 */
import { ELEMENT_NODE, TEXT_NODE, type PageElement, type PageNode } from './page-dom.js';

/** Elements never scored and never counted as text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'IFRAME', 'SVG', 'FORM', 'SELECT', 'TEXTAREA', 'BUTTON']);

/** Elements that can hold an article body. */
const CONTAINERS = new Set(['DIV', 'ARTICLE', 'SECTION', 'TD', 'MAIN', 'BODY']);

const PUNCTUATION = /[，。！？；：、“”‘’（）《》,.!?;:"]/gu;

interface Stats {
  /** Non-space characters of text. */
  text: number;
  /** Of which inside links. */
  linkText: number;
  /** Descendant elements. */
  tags: number;
  /** Descendant links. */
  links: number;
  punctuation: number;
}

/** A scored candidate, for tests and the eval. */
export interface DensityCandidate {
  element: PageElement;
  score: number;
}

function visibleLength(text: string): number {
  return text.replace(/[\s\u3000\u00a0]+/g, '').length;
}

/**
 * Scores every container below `root` and returns the best, or undefined when none has
 * enough prose (at least `minChars` characters outside links).
 */
export function findDensestBlock(root: PageElement, minChars = 60): DensityCandidate | undefined {
  let best: DensityCandidate | undefined;
  const walk = (node: PageNode, inLink: boolean): Stats => {
    const stats: Stats = { text: 0, linkText: 0, tags: 0, links: 0, punctuation: 0 };
    if (node.nodeType === TEXT_NODE) {
      const value = node.textContent ?? '';
      const length = visibleLength(value);
      stats.text = length;
      stats.linkText = inLink ? length : 0;
      stats.punctuation = value.match(PUNCTUATION)?.length ?? 0;
      return stats;
    }
    if (node.nodeType !== ELEMENT_NODE || SKIPPED.has(node.nodeName.toUpperCase())) return stats;
    const isLink = node.nodeName.toUpperCase() === 'A';
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (!child) continue;
      const s = walk(child, inLink || isLink);
      stats.text += s.text;
      stats.linkText += s.linkText;
      stats.tags += s.tags + (child.nodeType === ELEMENT_NODE ? 1 : 0);
      stats.links += s.links + (child.nodeName.toUpperCase() === 'A' ? 1 : 0);
      stats.punctuation += s.punctuation;
    }
    if (CONTAINERS.has(node.nodeName.toUpperCase())) {
      const prose = stats.text - stats.linkText;
      if (prose >= minChars) {
        const density = prose / Math.max(1, stats.tags - stats.links);
        const score = density * Math.log10(stats.punctuation + 2) * Math.log(prose + 1);
        if (!best || score > best.score) best = { element: node as PageElement, score };
      }
    }
    return stats;
  };
  walk(root, false);
  return best;
}
