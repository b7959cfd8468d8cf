/** HTML pages: `/`, `/story/:id`, `/article/:id`, `/outlet/:key`, `/category/:name`, `/search`, `/sources`. */
import { Hono } from 'hono';
import { getOutlet } from '../../outlets/index.js';
import { renderArticlePage } from '../pages/article.js';
import { renderCategoryPage, renderOutletPage } from '../pages/article-list.js';
import { renderHomePage } from '../pages/home.js';
import { renderSearchPage } from '../pages/search.js';
import { renderSourcesPage } from '../pages/sources.js';
import { renderStoryPage } from '../pages/story.js';
import { SignedPageCache } from '../page-cache.js';
import { searchArchive } from '../search-adapter.js';
import { storySignature } from '../data/web-data.js';
import { notFound, WebError } from '../web-error.js';
import type { RouteContext } from './context.js';
import { searchParams, textParam } from './params.js';

/** Hot pages are cached encoded: no UTF-8 encoding per request. */
const encode = (page: string): Uint8Array<ArrayBuffer> => Buffer.from(page, 'utf8');
const HTML_HEADERS = { 'Content-Type': 'text/html; charset=UTF-8' };

/** The page routes. */
export function pageRoutes(ctx: RouteContext): Hono {
  const { data, links, pages } = ctx;
  const app = new Hono();

  app.get('/', async (c) => {
    const after = textParam((n) => c.req.query(n), 'after', 200);
    const page = await pages.get(`home:${after ?? ''}`, async () => {
      const list = await data.stories({ after, limit: 30 });
      return encode(renderHomePage({ stories: list.cards, nextCursor: list.nextCursor, paged: after !== undefined }, links));
    });
    return c.body(page, 200, HTML_HEADERS);
  });

  // Story pages: reused for `pages`' TTL without any lookup, then while the story is unchanged.
  const storyPages = new SignedPageCache<Uint8Array<ArrayBuffer>>();
  app.get('/story/:id', async (c) => {
    const id = c.req.param('id');
    const page = await pages.get(`story:${id}`, async () => {
      const state = await data.storyState(id);
      if (state === undefined) throw notFound(`没有这条报道：${id}`);
      return storyPages.get(id, storySignature(state), async () => {
        const story = await data.story(id);
        if (story === undefined) throw notFound(`没有这条报道：${id}`);
        const factsHtml = ctx.factsPanel === undefined ? undefined : await ctx.factsPanel(id);
        return encode(
          renderStoryPage(
            { detail: story.detail, representative: story.representative, related: await data.related(story.state), factsHtml },
            links,
          ),
        );
      });
    });
    return c.body(page, 200, HTML_HEADERS);
  });

  app.get('/article/:id', async (c) => {
    const id = c.req.param('id');
    const article = await data.article(id);
    if (article === undefined) throw notFound(`没有这篇文章：${id}`);
    const storyId = await data.storyIdOf(id);
    const storySize = storyId === null ? undefined : (await data.storyState(storyId))?.members.length;
    return c.html(renderArticlePage({ article, storyId, storySize }, links));
  });

  app.get('/outlet/:key', async (c) => {
    const key = c.req.param('key');
    const after = textParam((n) => c.req.query(n), 'after', 200);
    const list = await data.articles({ outletKey: key, after, limit: 30 });
    const first = list.articles[0];
    if (first === undefined && getOutlet(key) === undefined && after === undefined) throw notFound(`没有这个来源：${key}`);
    const outlet = { key, name: first?.outlet ?? data.outletName(key) };
    return c.html(renderOutletPage(outlet, { articles: await data.articleCards(list.articles), nextCursor: list.nextCursor, paged: after !== undefined }, links));
  });

  app.get('/category/:name', async (c) => {
    const name = c.req.param('name');
    const after = textParam((n) => c.req.query(n), 'after', 200);
    const list = await data.categoryArticles(name, { after, limit: 30 });
    return c.html(renderCategoryPage(name, { articles: await data.articleCards(list.articles), nextCursor: list.nextCursor, paged: after !== undefined }, links));
  });

  app.get('/search', async (c) => {
    const options = searchParams((n) => c.req.query(n));
    const filters = { outlet: options.outlet, category: options.category, from: options.from, to: options.to, page: options.page };
    if (options.q === '') return c.html(renderSearchPage({ q: '', filters, response: null }, links));
    try {
      const response = await searchArchive(data.store, options);
      return c.html(renderSearchPage({ q: options.q, filters, response }, links));
    } catch (err) {
      if (!(err instanceof WebError)) throw err;
      const status = err.status;
      return c.html(renderSearchPage({ q: options.q, filters, response: null, error: status === 503 ? '搜索暂不可用：尚未建立搜索索引。' : err.message }, links), status);
    }
  });

  app.get('/sources', async (c) => {
    const states = await data.store.sourceStates().listSourceStates();
    return c.html(renderSourcesPage(states, links));
  });

  return app;
}
