/** Shared bits of the page renderers: times in Asia/Shanghai, cards, pagers. */
import { html, type SafeHtml } from '../html.js';
import type { Links } from '../links.js';
import { shanghaiFields } from '../../util/shanghai-time.js';
import type { ArticleCard, StoryCard } from './view-types.js';

/**
 * An ISO 8601 instant as `YYYY-MM-DD HH:mm` in Asia/Shanghai; '' for null or an unreadable value.
 * @example formatTime('2021-12-20T10:52:20Z') // '2021-12-20 18:52'
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const p = shanghaiFields(ms);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A `<time>` element, or nothing when the time is unknown. */
export function timeTag(iso: string | null | undefined): SafeHtml {
  const shown = formatTime(iso);
  return shown === '' ? html`` : html`<time datetime="${iso ?? ''}">${shown}</time>`;
}

/** One story in a list: title, time, outlet count and the outlets. */
export function storyItem(s: StoryCard, links: Links): SafeHtml {
  const outlets = s.outlets.map((o, i) => html`${i > 0 ? '、' : ''}<a href="${links.outlet(o.key)}">${o.name}</a>`);
  return html`<li class="story"><a class="title" href="${links.story(s.id)}">${s.title || '（无标题）'}</a>
<div class="meta">${timeTag(s.firstSeen)} <span class="count" title="${s.articleCount} 篇报道">${s.outlets.length}</span> 家来源：${outlets}${s.articleCount > s.outlets.length ? html`（${s.articleCount} 篇）` : ''}</div></li>`;
}

/** One article in a list: title, outlet, time, story link. */
export function articleItem(a: ArticleCard, links: Links): SafeHtml {
  return html`<li class="article"><a class="title" href="${links.article(a.id)}">${a.title || '（无标题）'}</a>
<div class="meta"><a href="${links.outlet(a.outlet.key)}">${a.outlet.name}</a> ${timeTag(a.publishedAt)}${a.storyId ? html` · <a href="${links.story(a.storyId)}">报道汇总</a>` : ''}</div>
${a.digest ? html`<p class="muted">${a.digest}</p>` : ''}</li>`;
}

/** A "next page" link, or nothing. */
export function pager(next: string | undefined, prev?: string): SafeHtml {
  if (next === undefined && prev === undefined) return html``;
  return html`<nav class="pager">${prev ? html`<a rel="prev" href="${prev}">← 上一页</a>` : html`<span></span>`}${next ? html`<a rel="next" href="${next}">下一页 →</a>` : ''}</nav>`;
}
