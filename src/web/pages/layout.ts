/** The page frame every page shares: head (stylesheet, feed links), header with search, footer. */
import { STYLE_CSS_HASH } from '../static/style-css.js';
import { html, type HtmlValue, SafeHtml } from '../html.js';
import type { FeedScope, Links } from '../links.js';

/** Options of {@link renderLayout}. */
export interface LayoutOptions {
  /** Page title (without the site name). */
  title: string;
  /** The page body: HTML from the page renderers (a string is taken as markup, not text). */
  body: string | SafeHtml;
  /** URL builder. */
  links: Links;
  /** The search box's current query. Default empty. */
  query?: string | undefined;
  /** Feed advertised with `<link rel="alternate">`. Default none. */
  feed?: FeedScope | undefined;
  /** Meta description. Default none. */
  description?: string | undefined;
}

/** Site name shown in every title and header. */
export const SITE_NAME = '财讯';

/**
 * A whole HTML document around `body`.
 * @example renderLayout({ title: '最新', body: html`<p>…</p>`, links: serverLinks() })
 */
export function renderLayout(options: LayoutOptions): string {
  const { links } = options;
  const body = options.body instanceof SafeHtml ? options.body : new SafeHtml(options.body);
  const feedLinks: HtmlValue[] = [];
  if (options.feed !== undefined) {
    const rss = links.feed(options.feed, 'rss');
    const atom = links.feed(options.feed, 'atom');
    const json = links.feed(options.feed, 'json');
    if (rss) feedLinks.push(html`<link rel="alternate" type="application/rss+xml" title="RSS" href="${rss}">`);
    if (atom) feedLinks.push(html`<link rel="alternate" type="application/atom+xml" title="Atom" href="${atom}">`);
    if (json) feedLinks.push(html`<link rel="alternate" type="application/feed+json" title="JSON Feed" href="${json}">`);
  }
  const sources = links.sources();
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${SITE_NAME}</title>
${options.description ? html`<meta name="description" content="${options.description}">` : ''}
<meta name="referrer" content="no-referrer">
<link rel="stylesheet" href="${links.asset('style.css')}?v=${STYLE_CSS_HASH}">
${feedLinks}
</head>
<body>
<header class="site">
<a class="brand" href="${links.home()}">${SITE_NAME}</a>
<nav><a href="${links.home()}">最新</a>${sources ? html`<a href="${sources}">来源</a>` : ''}</nav>
<form class="search" role="search" method="get" action="${links.search()}">
<input type="search" name="q" value="${options.query ?? ''}" placeholder="搜索新闻" aria-label="搜索">
<button type="submit">搜索</button>
</form>
</header>
<main>
${body}
</main>
<footer class="site">${SITE_NAME} · 财经与政策新闻存档</footer>
</body>
</html>
`.value;
}
