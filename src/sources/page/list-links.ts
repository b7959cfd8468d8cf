/**
 * A list page → the article links it lists: anchors matching the configured selector (or
 * every anchor), resolved against the page URL, optionally filtered by a URL pattern,
 * deduplicated in page order. Pure.
 */
import { parsePage } from './page-dom.js';

/** Options of {@link listArticleLinks}. */
export interface ListLinksOptions {
  /** URL of the list page; relative links resolve against it. */
  baseUrl: string;
  /** CSS selector of the anchors, e.g. `.news-list a`. Default `a[href]`. */
  selector?: string | undefined;
  /** Only links whose absolute URL matches. Default: every http(s) link. */
  pattern?: RegExp | undefined;
  /** Keep at most this many links. Default 100. */
  limit?: number | undefined;
}

/**
 * Article links of a list page.
 * @example listArticleLinks(html, { baseUrl: 'https://x.cn/news/', selector: '.list a' })
 */
export function listArticleLinks(html: string, options: ListLinksOptions): string[] {
  const doc = parsePage(html);
  const anchors = Array.from(doc.querySelectorAll(options.selector ?? 'a[href]'));
  const seen = new Set<string>();
  const limit = options.limit ?? 100;
  for (const anchor of anchors) {
    const href = anchor.getAttribute('href')?.trim();
    if (!href) continue;
    let url: URL;
    try {
      url = new URL(href, options.baseUrl);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    url.hash = '';
    if (options.pattern && !options.pattern.test(url.href)) continue;
    seen.add(url.href);
    if (seen.size >= limit) break;
  }
  return [...seen];
}
