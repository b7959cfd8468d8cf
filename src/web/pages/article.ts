/** `/article/:id`: one article with its provenance, categories and story. */
import type { Article } from '../../model/article.js';
import { html } from '../html.js';
import type { Links } from '../links.js';
import { timeTag } from './format.js';
import { renderLayout } from './layout.js';
import { articleBody, provenanceList, safeHttpUrl } from './story.js';

/** Data of the article page. */
export interface ArticlePageData {
  article: Article;
  /** The story it belongs to, or null. */
  storyId: string | null;
  /** How many versions that story has (shown with the link). Default unknown. */
  storySize?: number | undefined;
}

/**
 * The article page: sanitised body (again, at render time), provenance, links to the original,
 * the outlet, its categories and its story.
 */
export function renderArticlePage(data: ArticlePageData, links: Links): string {
  const a = data.article;
  const original = safeHttpUrl(a.url);
  const body = html`<article>
<h1>${a.title || '（无标题）'}</h1>
<div class="meta"><a href="${links.outlet(a.outletKey)}">${a.outlet}</a> ${timeTag(a.publishedAt)}${original ? html` · <a href="${original}" rel="noopener noreferrer nofollow">原文</a>` : ''}</div>
${a.categories.length > 0 ? html`<div class="meta">分类：${a.categories.map((c, i) => html`${i > 0 ? '、' : ''}<a href="${links.category(c)}">${c}</a>`)}</div>` : ''}
${data.storyId ? html`<p class="meta"><a href="${links.story(data.storyId)}">查看报道汇总${data.storySize && data.storySize > 1 ? html`（${data.storySize} 个版本）` : ''}</a></p>` : ''}
${provenanceList(a)}
<article class="body">${articleBody(a)}</article>
${a.tags.length > 0 ? html`<p class="meta">标签：${a.tags.join('、')}</p>` : ''}
</article>`;
  return renderLayout({ title: a.title || a.id, body, links, description: a.digest });
}
