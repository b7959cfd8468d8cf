/**
 * export-site: the archive as files. (a) A static site of the web UI's pages (home river, story,
 * article, outlet, category and search pages, stylesheet, search index and script) that works from
 * `file://` and any static host; (b) Jekyll and Hexo posts, one per article.
 *
 * Two passes over the store: every article once (article pages, posts, search index, outlet and
 * category lists), then every story (its members are read again for the story page).
 */
import type { Article } from '../model/article.js';
import type { Store } from '../store/store.js';
import type { StoryState } from '../stories/story-state.js';
import { buildStoryDetail, toStoryListEntry } from '../stories/story-view.js';
import { renderArticlePage } from '../web/pages/article.js';
import { renderCategoryPage, renderOutletPage } from '../web/pages/article-list.js';
import { renderHomePage } from '../web/pages/home.js';
import { renderSearchPage } from '../web/pages/search.js';
import { renderStoryPage } from '../web/pages/story.js';
import type { ArticleCard, OutletRef, StoryCard } from '../web/pages/view-types.js';
import { STYLE_CSS } from '../web/static/style-css.js';
import { SEARCH_SCRIPT } from './client-script.js';
import { ExportDir, type ExportSection } from './export-dir.js';
import { withCsp, withSearchScripts } from './page-frame.js';
import { exportPost } from './posts.js';
import { indexScript, SearchIndexBuilder } from './search-index.js';
import { sitePaths, staticLinks } from './static-links.js';

/** Stories per home page and articles per outlet or category page. */
export const LIST_PAGE_SIZE = 50;

/** What to export and where. */
export interface ExportSiteOptions {
  /** Target directory (created when missing). */
  dir: string;
  /** Only these parts. Default all three. */
  sections?: readonly ExportSection[];
  /** Write into a non-empty directory that is not an earlier export. Default false. */
  force?: boolean;
  /** Called as work progresses: articles and stories done out of their total. */
  onProgress?: (done: number, total: number) => void;
}

/** The summary `caixun export-site --json` prints (field names are an interface). */
export interface ExportSiteSummary {
  /** Absolute path of the export. */
  dir: string;
  sections: ExportSection[];
  articles: number;
  stories: number;
  /** HTML pages written. */
  pages: number;
  jekyllPosts: number;
  hexoPosts: number;
  /** Size of `assets/search-index.js` in bytes (0 without the site). */
  searchIndexBytes: number;
  /** Files of an earlier export that no longer exist in the archive and were removed. */
  removed: number;
  /** Bytes written in all. */
  bytes: number;
  durationMs: number;
}

/** Newest first by publication time (undated last), then id. */
function newestFirst(a: ArticleCard, b: ArticleCard): number {
  const x = a.publishedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(a.publishedAt);
  const y = b.publishedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(b.publishedAt);
  return y - x || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Split a list into pages of {@link LIST_PAGE_SIZE} (at least one, possibly empty). */
function pagesOf<T>(list: readonly T[]): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < list.length; i += LIST_PAGE_SIZE) pages.push(list.slice(i, i + LIST_PAGE_SIZE));
  return pages.length === 0 ? [[]] : pages;
}

/** Depth of a site path below the root (`story/x` → 1). */
const depthOf = (path: string): number => path.split('/').length - 1;

/**
 * Export the archive in `store` into `options.dir`.
 *
 * @throws UsageError when the directory is not empty and not an earlier export (without `force`).
 * @example await exportSite(store, { dir: 'public', sections: ['site'] });
 */
export async function exportSite(store: Store, options: ExportSiteOptions): Promise<ExportSiteSummary> {
  const started = performance.now();
  const sections: ExportSection[] = options.sections === undefined || options.sections.length === 0 ? ['site', 'jekyll', 'hexo'] : [...new Set(options.sections)];
  const site = sections.includes('site');
  const out = ExportDir.open(options.dir, { force: options.force === true });
  const tables = store.stories();
  const states: StoryState[] = await tables.listStories(Math.max(1, await tables.countStories()));
  const storyOf = new Map<string, StoryState>();
  for (const s of states) for (const m of s.members) storyOf.set(m.id, s);

  const total = (await store.countArticles()) + (site ? states.length : 0);
  let done = 0;
  const tick = (): void => options.onProgress?.(++done, total);
  let pages = 0;
  const writePage = (path: string, render: (links: ReturnType<typeof staticLinks>) => string): void => {
    out.write(`${path}.html`, withCsp(render(staticLinks(depthOf(path)))));
    pages++;
  };

  const outletNames = new Map<string, string>();
  const byOutlet = new Map<string, ArticleCard[]>();
  const byCategory = new Map<string, ArticleCard[]>();
  const index = new SearchIndexBuilder();
  let articles = 0;
  let jekyllPosts = 0;
  let hexoPosts = 0;
  for await (const article of store.iterateArticles()) {
    articles++;
    const story = storyOf.get(article.id);
    const storyId = story?.id ?? null;
    if (sections.includes('jekyll')) {
      const post = exportPost(article, storyId, 'jekyll');
      out.write(post.path, post.content);
      jekyllPosts++;
    }
    if (sections.includes('hexo')) {
      const post = exportPost(article, storyId, 'hexo');
      out.write(post.path, post.content);
      hexoPosts++;
    }
    if (site) {
      outletNames.set(article.outletKey, article.outlet);
      writePage(sitePaths.article(article.id), (links) =>
        renderArticlePage({ article, storyId, storySize: story?.members.length }, links),
      );
      collectCards(article, storyId, byOutlet, byCategory);
      index.add({
        title: article.title,
        text: article.text,
        outletKey: article.outletKey,
        outlet: article.outlet,
        outletPage: sitePaths.outlet(article.outletKey),
        publishedAt: article.publishedAt,
        categories: article.categories,
        page: storyId === null ? sitePaths.article(article.id) : sitePaths.story(storyId),
      });
    }
    tick();
  }

  let searchIndexBytes = 0;
  if (site) {
    const cards = new Map(states.map((s) => [s.id, storyCard(s, outletNames)] as const));
    for (const state of states) {
      const members = new Map<string, Article>();
      for (const m of state.members) {
        const a = await store.getArticle(m.id);
        if (a !== undefined) members.set(a.id, a);
      }
      const detail = buildStoryDetail(state, members);
      const related = state.relatedIds.map((id) => cards.get(id)).filter((c): c is StoryCard => c !== undefined);
      writePage(sitePaths.story(state.id), (links) =>
        renderStoryPage({ detail, representative: members.get(state.representativeId), related }, links),
      );
      tick();
    }
    const river = pagesOf(states.map((s) => cards.get(s.id)).filter((c): c is StoryCard => c !== undefined));
    river.forEach((stories, i) => {
      const nextCursor = i + 1 < river.length ? String(i + 2) : null;
      writePage(sitePaths.home(i + 1), (links) => renderHomePage({ stories, nextCursor, paged: i > 0 }, links));
    });
    for (const [key, list] of byOutlet) {
      const outlet: OutletRef = { key, name: outletNames.get(key) ?? key };
      writeListPages(list, (n) => sitePaths.outlet(key, n), (data, links) => renderOutletPage(outlet, data, links), writePage);
    }
    for (const [name, list] of byCategory) {
      writeListPages(list, (n) => sitePaths.category(name, n), (data, links) => renderCategoryPage(name, data, links), writePage);
    }
    writePage(sitePaths.search(), (links) =>
      withSearchScripts(renderSearchPage({ q: '', filters: {}, response: null }, links), [
        links.asset('search-index.js'),
        links.asset('search.js'),
      ]),
    );
    const indexJs = indexScript(index.build());
    searchIndexBytes = Buffer.byteLength(indexJs);
    out.write(sitePaths.asset('search-index.js'), indexJs);
    out.write(sitePaths.asset('search.js'), SEARCH_SCRIPT);
    out.write(sitePaths.asset('style.css'), STYLE_CSS);
  }

  const removed = out.finish(sections);
  return {
    dir: out.root,
    sections,
    articles,
    stories: states.length,
    pages,
    jekyllPosts,
    hexoPosts,
    searchIndexBytes,
    removed: removed.length,
    bytes: out.bytesWritten,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The card of a story for lists (outlet names from the articles seen). */
function storyCard(s: StoryState, outletNames: ReadonlyMap<string, string>): StoryCard {
  const entry = toStoryListEntry(s);
  return {
    id: s.id,
    title: entry.title,
    firstSeen: s.firstSeen,
    articleCount: entry.articleIds.length,
    outlets: entry.outlets.map((key) => ({ key, name: outletNames.get(key) ?? key })),
  };
}

function collectCards(article: Article, storyId: string | null, byOutlet: Map<string, ArticleCard[]>, byCategory: Map<string, ArticleCard[]>): void {
  const card: ArticleCard = {
    id: article.id,
    title: article.title,
    outlet: { key: article.outletKey, name: article.outlet },
    publishedAt: article.publishedAt,
    storyId,
    digest: article.digest,
  };
  const push = (map: Map<string, ArticleCard[]>, key: string): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [card]);
    else list.push(card);
  };
  push(byOutlet, article.outletKey);
  for (const c of new Set(article.categories)) push(byCategory, c);
}

type ListData = { articles: ArticleCard[]; nextCursor: string | null; paged: boolean };

function writeListPages(
  list: ArticleCard[],
  pathOf: (page: number) => string,
  render: (data: ListData, links: ReturnType<typeof staticLinks>) => string,
  writePage: (path: string, render: (links: ReturnType<typeof staticLinks>) => string) => void,
): void {
  const pages = pagesOf([...list].sort(newestFirst));
  pages.forEach((articles, i) => {
    const data: ListData = { articles, nextCursor: i + 1 < pages.length ? String(i + 2) : null, paged: i > 0 };
    writePage(pathOf(i + 1), (links) => render(data, links));
  });
}
