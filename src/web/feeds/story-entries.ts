/** Turns loaded stories into feed entries (sanitised representative HTML plus the versions). */
import { paragraphsOf } from '../../stories/story-view.js';
import type { LoadedStory } from '../data/web-data.js';
import { html, trustedHtml } from '../html.js';
import { safeHttpUrl, sanitizeArticleHtml } from '../sanitize-body.js';
import type { FeedEntry } from './build-feed.js';

const clip = (s: string, n: number): string => {
  const chars = Array.from(s);
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : s;
};

/**
 * The feed entry of a story: the representative's body (sanitised again), then one line per
 * version linking to its original.
 * @param link - absolute URL of the story page.
 */
export function storyFeedEntry(story: LoadedStory, link: string): FeedEntry {
  const { detail, representative: rep } = story;
  const body = rep === undefined ? '' : sanitizeArticleHtml(rep);
  const text = rep === undefined ? [] : paragraphsOf(rep.text);
  const versions = html`<p>${detail.versions.length} 个版本：${detail.versions.map((v, i) => {
    const url = safeHttpUrl(v.url);
    return html`${i > 0 ? '；' : ''}${url ? html`<a href="${url}">${v.outlet}</a>` : v.outlet}`;
  })}</p>`;
  const content = html`${trustedHtml(body.trim() === '' ? text.map((p) => html`<p>${p}</p>`.value).join('') : body)}${versions}`;
  return {
    storyId: detail.id,
    title: detail.title,
    link,
    contentHtml: content.value,
    summary: clip(text[0] ?? '', 200),
    published: detail.firstSeen,
    updated: detail.lastSeen ?? detail.firstSeen,
    outlets: [...new Set(detail.versions.map((v) => v.outlet))],
    categories: rep?.categories ?? [],
  };
}
