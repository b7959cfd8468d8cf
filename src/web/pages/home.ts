/** `/`: the river of the latest stories. */
import { html } from '../html.js';
import type { Links } from '../links.js';
import { pager, storyItem } from './format.js';
import { renderLayout } from './layout.js';
import type { StoryCard } from './view-types.js';

/** Data of the home page. */
export interface HomePageData {
  stories: StoryCard[];
  /** Cursor of the next page, null on the last. */
  nextCursor: string | null;
  /** True when this is not the first page. */
  paged?: boolean;
}

/**
 * The home page: newest stories first, each with how many outlets carry it and which.
 * @example renderHomePage({ stories, nextCursor: null }, serverLinks())
 */
export function renderHomePage(data: HomePageData, links: Links): string {
  const next = data.nextCursor === null ? undefined : links.homePage(data.nextCursor);
  const body = html`<h1>最新报道</h1>
${data.stories.length === 0 ? html`<p class="muted">还没有报道。先用 <code>caixun import</code> 导入存档。</p>` : ''}
<ol class="river">${data.stories.map((s) => storyItem(s, links))}</ol>
${pager(next, data.paged ? links.home() : undefined)}`;
  return renderLayout({ title: '最新报道', body, links, feed: { kind: 'stories' } });
}
