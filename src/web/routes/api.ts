/**
 * The JSON API under `/api/`: search, stories, articles, outlets and the OpenAPI document.
 * Lists are keyset-paginated (`after` = the previous page's `nextCursor`): a page never repeats
 * or skips an item when newer items arrive.
 */
import { Hono } from 'hono';
import type { Article } from '../../model/article.js';
import { openApiDocument } from '../openapi.js';
import { sanitizeArticleHtml } from '../sanitize-body.js';
import { searchArchive } from '../search-adapter.js';
import { badRequest, notFound } from '../web-error.js';
import type { RouteContext } from './context.js';
import { intParam, searchParams, textParam } from './params.js';

/** An article in `GET /api/articles` lists. */
export interface ApiArticleSummary {
  id: string;
  outlet: string;
  outletKey: string;
  title: string;
  url: string | null;
  publishedAt: string | null;
  categories: string[];
  tags: string[];
  digest: string | null;
  storyId: string | null;
}

/** `GET /api/articles/:id`: the canonical article (without `raw`), body sanitised again, and its story. */
export type ApiArticle = Omit<Article, 'raw'> & { storyId: string | null };

/** The list fields of an article. */
export function toApiArticleSummary(a: Article, storyId: string | null): ApiArticleSummary {
  return {
    id: a.id,
    outlet: a.outlet,
    outletKey: a.outletKey,
    title: a.title,
    url: a.url,
    publishedAt: a.publishedAt,
    categories: a.categories,
    tags: a.tags,
    digest: a.digest ?? null,
    storyId,
  };
}

/** The API routes (mounted at the root; every path starts with `/api/`). */
export function apiRoutes(ctx: RouteContext): Hono {
  const { data } = ctx;
  const app = new Hono();

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/api/search', async (c) => {
    const options = searchParams((n) => c.req.query(n));
    if (options.q === '') throw badRequest('q is required');
    return c.json(await searchArchive(data.store, options));
  });

  app.get('/api/stories', async (c) => {
    const read = (n: string): string | undefined => c.req.query(n);
    const page = await data.stories({ after: textParam(read, 'after', 200), limit: intParam(read, 'limit', 20, 1, 100) });
    return c.json({ stories: page.entries, nextCursor: page.nextCursor });
  });

  app.get('/api/stories/:id', async (c) => {
    const story = await data.story(c.req.param('id'));
    if (story === undefined) throw notFound(`no story ${JSON.stringify(c.req.param('id'))}`);
    return c.json(story.detail);
  });

  app.get('/api/articles', async (c) => {
    const read = (n: string): string | undefined => c.req.query(n);
    const page = await data.articles({
      outletKey: textParam(read, 'outlet', 100),
      after: textParam(read, 'after', 200),
      limit: intParam(read, 'limit', 20, 1, 100),
    });
    const articles = [];
    for (const a of page.articles) articles.push(toApiArticleSummary(a, await data.storyIdOf(a.id)));
    return c.json({ articles, nextCursor: page.nextCursor });
  });

  app.get('/api/articles/:id', async (c) => {
    const a = await data.article(c.req.param('id'));
    if (a === undefined) throw notFound(`no article ${JSON.stringify(c.req.param('id'))}`);
    const { raw: _raw, ...rest } = a;
    const body: ApiArticle = { ...rest, html: sanitizeArticleHtml(a), storyId: await data.storyIdOf(a.id) };
    return c.json(body);
  });

  app.get('/api/outlets', async (c) => c.json({ outlets: await data.outlets() }));

  app.all('/api/*', () => {
    throw notFound('no such API route (see /api/openapi.json)');
  });

  return app;
}
