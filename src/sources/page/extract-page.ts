/**
 * HTML article page → headline, date, byline and main content. The body comes from the
 * outlet's selectors when it has them, else from Readability and the text-density extractor,
 * whichever finds more prose. Pure: HTML text in, strings out (cleaning happens later).
 */
import { Readability } from '@mozilla/readability';
import { findAuthor, findDate, findSource, findTitle } from './page-meta.js';
import { parsePage, selectFirst, type PageDocument, type PageElement } from './page-dom.js';
import { findDensestBlock } from './text-density.js';
import type { ExtractedPage, ExtractionMethod, PageSelectors } from './types.js';

/** Options of {@link extractPage}. */
export interface ExtractPageOptions {
  /** The outlet's selectors. Default: none (generic extraction). */
  selectors?: PageSelectors | undefined;
  /**
   * Which generic extractor to use without selectors: `auto` takes the one that finds more
   * prose. Default `auto`.
   */
  prefer?: 'auto' | 'readability' | 'density';
}

/** Readability gives up below this many characters of prose; the density result is used. */
const MIN_READABLE_CHARS = 100;

function proseLength(html: string): number {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/[\s\u3000\u00a0]+/g, '').length;
}

/** Readability's article HTML; '' when it finds none or trips over broken markup (`<html><http://…>`). */
function readabilityContent(doc: PageDocument): string {
  try {
    return new Readability(doc as never, { charThreshold: MIN_READABLE_CHARS }).parse()?.content ?? '';
  } catch {
    return '';
  }
}

function bodyByRules(root: PageElement, selectors: PageSelectors): string | undefined {
  const body = selectFirst(root, selectors.body);
  if (!body) return undefined;
  for (const selector of selectors.remove ?? []) {
    try {
      for (const el of Array.from(body.querySelectorAll(selector))) el.remove();
    } catch {
      // An invalid selector removes nothing.
    }
  }
  return body.innerHTML;
}

/**
 * Extracts one article page.
 * @example extractPage(html, { selectors: outlet.page }).bodyHtml
 */
export function extractPage(html: string, options: ExtractPageOptions = {}): ExtractedPage {
  return extractParsedPage(parsePage(html), options);
}

/**
 * Extracts one parsed page (a caller that read the page's `<meta>` first to pick the outlet).
 * Readability rewrites `doc`: read nothing from it afterwards.
 */
export function extractParsedPage(doc: PageDocument, options: ExtractPageOptions = {}): ExtractedPage {
  const { selectors } = options;
  const title = findTitle(doc, selectors);
  const meta = {
    title,
    date: findDate(doc, title, selectors),
    author: findAuthor(doc, title, selectors),
    source: findSource(doc, title, selectors),
  };
  const ruled = selectors ? bodyByRules(doc.documentElement, selectors) : undefined;
  if (ruled !== undefined) return { ...meta, bodyHtml: ruled, method: 'rules' };

  const prefer = options.prefer ?? 'auto';
  const root = doc.body ?? doc.documentElement;
  const dense = prefer === 'readability' ? undefined : findDensestBlock(root);
  const denseHtml = dense?.element.innerHTML ?? '';
  // A page too short for either extractor (a saved note, a one-paragraph flash) is all body.
  const wholeBody = prefer === 'auto' && dense === undefined ? root.innerHTML.trim() : '';
  let readable = '';
  if (prefer !== 'density') {
    // Readability rewrites the document it is given, so it runs after everything else read it.
    readable = readabilityContent(doc);
  }
  const pick = (method: ExtractionMethod, body: string): ExtractedPage => ({ ...meta, bodyHtml: body, method });
  if (prefer === 'readability') return pick('readability', readable);
  if (prefer === 'density') return pick('density', denseHtml);
  const readableChars = proseLength(readable);
  if (readableChars < MIN_READABLE_CHARS) return dense ? pick('density', denseHtml) : pick('body', wholeBody);
  return proseLength(denseHtml) > readableChars * 1.5
    ? pick('density', denseHtml)
    : pick('readability', readable);
}
