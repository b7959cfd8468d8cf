/**
 * The web application: security headers, the stylesheet, HTML pages, the JSON API and feeds,
 * with one error handler. Framework-neutral `fetch` handler (hono), served by server.ts.
 */
import { Hono } from 'hono';
import type { Store } from '../store/store.js';
import { WebData } from './data/web-data.js';
import { serverLinks } from './links.js';
import { PageCache } from './page-cache.js';
import { apiRoutes } from './routes/api.js';
import type { FactsPanel, RouteContext } from './routes/context.js';
import { errorResponse } from './routes/errors.js';
import { feedRoutes } from './routes/feeds.js';
import { pageRoutes } from './routes/pages.js';
import { securityHeaders } from './security.js';
import { STYLE_CSS, STYLE_CSS_HASH } from './static/style-css.js';
import { notFound } from './web-error.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  store: Store;
  /** Absolute origin used in feeds (`https://news.example.org`). Default: the address the server listens on (never the Host header). */
  publicUrl?: string | undefined;
  /** Renders a story's facts panel. Default none. */
  factsPanel?: FactsPanel | undefined;
  /** How long rendered home/story pages are reused, ms. Default 2 000; 0 disables. */
  pageCacheMs?: number | undefined;
  /**
   * More routes (sub-apps such as the facts routes), mounted before the built-in ones so their
   * `/api/…` paths win over the API's 404. Their errors go through the same error mapping.
   */
  routes?: readonly Hono[] | undefined;
  /** Called with every unexpected (500) error. Default: nothing. */
  onError?: ((err: unknown, path: string) => void) | undefined;
}

/**
 * The caixun web app.
 * @example
 * const app = createApp({ store, factsPanel: factsPanelFor(store), routes: [factsRoutes({ store })] });
 * serve({ fetch: app.fetch, port: 8080 });
 */
export function createApp(options: AppOptions): Hono {
  const links = serverLinks();
  const ctx: RouteContext = {
    data: new WebData(options.store),
    links,
    pages: new PageCache<Uint8Array<ArrayBuffer>>({ ttlMs: options.pageCacheMs ?? 2_000 }),
    factsPanel: options.factsPanel,
    publicUrl: options.publicUrl,
  };
  const app = new Hono();
  app.use(securityHeaders());

  app.get('/healthz', (c) => c.text('ok'));
  app.get('/static/style.css', (c) => {
    const etag = `"${STYLE_CSS_HASH}"`;
    const headers = { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable', ETag: etag };
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
    return c.body(STYLE_CSS, 200, headers);
  });

  for (const routes of options.routes ?? []) app.route('/', routes);
  app.route('/', apiRoutes(ctx));
  app.route('/', feedRoutes(ctx));
  app.route('/', pageRoutes(ctx));

  app.notFound((c) => errorResponse(c, notFound('找不到这个页面'), links));
  app.onError((err, c) => {
    const response = errorResponse(c, err, links);
    if (response.status >= 500) options.onError?.(err, c.req.path);
    return response;
  });
  return app;
}
