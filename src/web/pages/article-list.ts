/** `/outlet/:key` and `/category/:name`: the newest articles of one outlet or category. */
import { html } from '../html.js';
import type { FeedScope, Links } from '../links.js';
import { articleItem, pager } from './format.js';
import { renderLayout } from './layout.js';
import type { ArticleCard, OutletRef } from './view-types.js';

/** Data of a list page. */
export interface ArticleListPageData {
  articles: ArticleCard[];
  /** Cursor of the next page, null on the last. */
  nextCursor: string | null;
  /** True when this is not the first page. */
  paged?: boolean;
}

function renderList(title: string, heading: string, data: ArticleListPageData, first: string, next: string | undefined, feed: FeedScope, links: Links): string {
  const rss = links.feed(feed, 'rss');
  const body = html`<h1>${heading}</h1>
${rss ? html`<p class="meta"><a href="${rss}">RSS</a> · <a href="${links.feed(feed, 'atom') ?? ''}">Atom</a> · <a href="${links.feed(feed, 'json') ?? ''}">JSON Feed</a></p>` : ''}
${data.articles.length === 0 ? html`<p class="muted">没有文章。</p>` : ''}
<ul class="list">${data.articles.map((a) => articleItem(a, links))}</ul>
${pager(next, data.paged ? first : undefined)}`;
  return renderLayout({ title, body, links, feed });
}

/** The outlet page: its newest articles, each linked to its story. */
export function renderOutletPage(outlet: OutletRef, data: ArticleListPageData, links: Links): string {
  const next = data.nextCursor === null ? undefined : links.outlet(outlet.key, data.nextCursor);
  return renderList(outlet.name, `来源：${outlet.name}`, data, links.outlet(outlet.key), next, { kind: 'outlet', key: outlet.key }, links);
}

/** The category page: the newest articles the sources filed under `name`. */
export function renderCategoryPage(name: string, data: ArticleListPageData, links: Links): string {
  const next = data.nextCursor === null ? undefined : links.category(name, data.nextCursor);
  return renderList(name, `分类：${name}`, data, links.category(name), next, { kind: 'category', name }, links);
}
