/**
 * Feeds out at `/feeds/stories.{xml,atom,json}`, `/feeds/outlet/:key.*`, `/feeds/category/:name.*`
 * and `/feeds/search.*?q=…`: the newest stories of each scope, one entry per story.
 */
import { Hono, type Context } from 'hono';
import type { LoadedStory } from '../data/web-data.js';
import { buildFeed, FEED_CONTENT_TYPES, type FeedMeta } from '../feeds/build-feed.js';
import { storyFeedEntry } from '../feeds/story-entries.js';
import type { FeedFormat, FeedScope } from '../links.js';
import { searchArchive } from '../search-adapter.js';
import { badRequest, notFound } from '../web-error.js';
import type { RouteContext } from './context.js';
import { feedOrigin } from './feed-origin.js';
import { searchParams } from './params.js';

/** Stories per feed. */
const FEED_SIZE = 30;
const FORMATS: Record<string, FeedFormat> = { xml: 'rss', atom: 'atom', json: 'json' };

/** Splits `name.ext` into the name and the feed format, or undefined when the extension is not a feed's. */
export function parseFeedFile(file: string): { name: string; format: FeedFormat } | undefined {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const format = FORMATS[file.slice(dot + 1)];
  return format === undefined ? undefined : { name: file.slice(0, dot), format };
}

/** The feed routes. */
export function feedRoutes(ctx: RouteContext): Hono {
  const { data, links } = ctx;
  const app = new Hono();

  /** Loads stories by id (in order, each once, missing ones skipped), at most FEED_SIZE. */
  const loadStories = async (ids: Iterable<string>): Promise<LoadedStory[]> => {
    const out: LoadedStory[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const s = await data.story(id);
      if (s !== undefined) out.push(s);
      if (out.length >= FEED_SIZE) break;
    }
    return out;
  };

  const respond = (c: Context, scope: FeedScope, format: FeedFormat, title: string, page: string, stories: LoadedStory[]): Response => {
    const base = feedOrigin(c, ctx.publicUrl);
    const abs = (path: string | undefined): string => `${base}${path ?? ''}`;
    const meta: FeedMeta = {
      title: `${title} · 财讯`,
      description: `财讯：${title}`,
      siteUrl: abs(page),
      self: { rss: abs(links.feed(scope, 'rss')), atom: abs(links.feed(scope, 'atom')), json: abs(links.feed(scope, 'json')) },
      now: new Date().toISOString(),
    };
    const body = buildFeed(meta, stories.map((s) => storyFeedEntry(s, abs(links.story(s.detail.id)))), format);
    return c.body(body, 200, { 'Content-Type': FEED_CONTENT_TYPES[format], 'Cache-Control': 'public, max-age=60' });
  };

  const storyIdsOfArticles = async (ids: readonly string[]): Promise<string[]> => {
    const out: string[] = [];
    for (const id of ids) {
      const s = await data.storyIdOf(id);
      if (s !== null) out.push(s);
    }
    return out;
  };

  app.get('/feeds/:file', async (c) => {
    const file = parseFeedFile(c.req.param('file'));
    if (file === undefined || (file.name !== 'stories' && file.name !== 'search')) throw notFound('no such feed');
    if (file.name === 'stories') {
      const page = await data.stories({ limit: FEED_SIZE });
      return respond(c, { kind: 'stories' }, file.format, '最新报道', links.home(), await loadStories(page.entries.map((e) => e.id)));
    }
    const options = searchParams((n) => c.req.query(n), FEED_SIZE);
    if (options.q === '') throw badRequest('q is required');
    const result = await searchArchive(data.store, { ...options, page: 1 });
    const ids = result.results.map((r) => r.storyId).filter((s): s is string => s !== null);
    return respond(c, { kind: 'search', q: options.q }, file.format, `搜索：${options.q}`, links.search(options.q), await loadStories(ids));
  });

  app.get('/feeds/outlet/:file', async (c) => {
    const file = parseFeedFile(c.req.param('file'));
    if (file === undefined) throw notFound('no such feed');
    const list = await data.articles({ outletKey: file.name, limit: 100 });
    const first = list.articles[0];
    if (first === undefined) throw notFound(`no outlet ${JSON.stringify(file.name)}`);
    const stories = await loadStories(await storyIdsOfArticles(list.articles.map((a) => a.id)));
    return respond(c, { kind: 'outlet', key: file.name }, file.format, first.outlet, links.outlet(file.name), stories);
  });

  app.get('/feeds/category/:file', async (c) => {
    const file = parseFeedFile(c.req.param('file'));
    if (file === undefined) throw notFound('no such feed');
    const list = await data.categoryArticles(file.name, { limit: 100 });
    const stories = await loadStories(await storyIdsOfArticles(list.articles.map((a) => a.id)));
    return respond(c, { kind: 'category', name: file.name }, file.format, file.name, links.category(file.name), stories);
  });

  return app;
}
