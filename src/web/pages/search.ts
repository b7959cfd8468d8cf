/** `/search?q=…`: the search form with filters, results grouped by story, facets and pages. */
import sanitize from 'sanitize-html';
import type { SearchResponse } from '../../search/types.js';
import { html, type SafeHtml, trustedHtml } from '../html.js';
import type { Links, SearchLinkParams } from '../links.js';
import { pager, timeTag } from './format.js';
import { renderLayout } from './layout.js';

/** Data of the search page. */
export interface SearchPageData {
  /** The query ('' for the empty form). */
  q: string;
  /** Active filters. */
  filters: SearchLinkParams;
  /** Results, or null when there is no query (or search failed: see `error`). */
  response: SearchResponse | null;
  /** A message to show instead of results (search unavailable, bad query). */
  error?: string | undefined;
}

/** Search snippets are escaped text with `<mark>`; keep exactly that, whatever arrives. */
export function safeSnippet(snippet: string): SafeHtml {
  return trustedHtml(sanitize(snippet, { allowedTags: ['mark'], allowedAttributes: {} }));
}

/**
 * The search page. Every link keeps the query and the other filters.
 * @example renderSearchPage({ q: '碳达峰', filters: {}, response }, serverLinks())
 */
export function renderSearchPage(data: SearchPageData, links: Links): string {
  const { q, filters, response } = data;
  const f = filters;
  const facetLink = (p: SearchLinkParams): string => links.search(q, { ...f, ...p, page: undefined });
  const facets = (title: string, list: { key: string; name: string; count: number }[], param: 'outlet' | 'category'): SafeHtml =>
    list.length === 0
      ? html``
      : html`<div class="facets"><strong>${title}</strong>${f[param] ? html`<a href="${facetLink({ [param]: undefined })}">全部</a>` : ''}${list.map(
          (x) => html`<a href="${facetLink({ [param]: x.key })}"${f[param] === x.key ? html` aria-current="true"` : ''}>${x.name} (${x.count})</a>`,
        )}</div>`;
  let results: SafeHtml = html``;
  if (data.error !== undefined) results = html`<p class="bad">${data.error}</p>`;
  else if (response !== null) {
    const pages = Math.max(1, Math.ceil(response.total / Math.max(1, response.pageSize)));
    const next = response.page < pages ? links.search(q, { ...f, page: response.page + 1 }) : undefined;
    const prev = response.page > 1 ? links.search(q, { ...f, page: response.page - 1 }) : undefined;
    results = html`<p class="meta">共${response.totalExact === false ? '约' : ''} ${response.total} 条报道${pages > 1 ? html`，第 ${response.page}/${pages} 页` : ''}</p>
${facets('来源', response.facets.outlets, 'outlet')}
${facets('分类', response.facets.categories, 'category')}
<ol class="river results">${response.results.map(
      (r) => html`<li class="result"><a class="title" href="${r.storyId ? links.story(r.storyId) : links.article(r.articleId)}">${r.title || '（无标题）'}</a>
<div class="meta"><a href="${links.outlet(r.outletKey)}">${r.outlet}</a> ${timeTag(r.publishedAt)}${r.alsoMatched.length > 0 ? html` · 另有 ${r.alsoMatched.length} 个版本` : ''}</div>
<p class="snippet">${safeSnippet(r.snippet)}</p></li>`,
    )}</ol>
${pager(next, prev)}`;
  }
  const body = html`<h1>${q ? html`搜索：${q}` : '搜索'}</h1>
<form class="filters" method="get" action="${links.search()}">
<input type="search" name="q" value="${q}" aria-label="关键词" placeholder="关键词、&quot;短语&quot;、-排除、outlet:来源">
<label>来源 <input name="outlet" value="${f.outlet ?? ''}" size="10"></label>
<label>分类 <input name="category" value="${f.category ?? ''}" size="8"></label>
<label>从 <input type="date" name="from" value="${f.from ?? ''}"></label>
<label>到 <input type="date" name="to" value="${f.to ?? ''}"></label>
<button type="submit">搜索</button>
</form>
${results}`;
  return renderLayout({ title: q ? `搜索：${q}` : '搜索', body, links, query: q, feed: q ? { kind: 'search', q } : undefined });
}
