/**
 * Where pages link to. The page renderers never build URLs themselves: the server passes
 * {@link serverLinks} (absolute paths), the static export passes its own builder (relative
 * `.html` files), so the same renderers serve both.
 */

/** Feed formats served for every feed. */
export type FeedFormat = 'rss' | 'atom' | 'json';

/** Which feed: all stories, one outlet, one category or one search query. */
export type FeedScope =
  | { kind: 'stories' }
  | { kind: 'outlet'; key: string }
  | { kind: 'category'; name: string }
  | { kind: 'search'; q: string };

/** Search page parameters a link may carry. */
export interface SearchLinkParams {
  outlet?: string | undefined;
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

/** URL builder for every page, asset and feed the renderers link to. */
export interface Links {
  home(): string;
  /** Home page `page` (≥ 2) of the river, by cursor; undefined when the target has no paging. */
  homePage(cursor: string): string | undefined;
  story(id: string): string;
  article(id: string): string;
  outlet(key: string, cursor?: string): string;
  category(name: string, cursor?: string): string;
  /** The search page; undefined q gives the empty search form. */
  search(q?: string, params?: SearchLinkParams): string;
  sources(): string | undefined;
  /** A static asset such as `style.css`. */
  asset(name: string): string;
  /** A feed, or undefined when the target publishes no feeds (the static export). */
  feed(scope: FeedScope, format: FeedFormat): string | undefined;
}

const FEED_EXT: Record<FeedFormat, string> = { rss: 'xml', atom: 'atom', json: 'json' };
const enc = encodeURIComponent;

/** Query string from defined, non-empty values (`?a=1&b=2`, or '' when none). */
export function queryString(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/**
 * The links of the web server: absolute paths under `base` (default '' = site root).
 * @example serverLinks().story('st-0123456789ab') // '/story/st-0123456789ab'
 */
export function serverLinks(base = ''): Links {
  return {
    home: () => `${base}/`,
    homePage: (cursor) => `${base}/${queryString({ after: cursor })}`,
    story: (id) => `${base}/story/${enc(id)}`,
    article: (id) => `${base}/article/${enc(id)}`,
    outlet: (key, cursor) => `${base}/outlet/${enc(key)}${queryString({ after: cursor })}`,
    category: (name, cursor) => `${base}/category/${enc(name)}${queryString({ after: cursor })}`,
    search: (q, p = {}) =>
      `${base}/search${queryString({ q, outlet: p.outlet, category: p.category, from: p.from, to: p.to, page: p.page && p.page > 1 ? p.page : undefined })}`,
    sources: () => `${base}/sources`,
    asset: (name) => `${base}/static/${name}`,
    feed: (scope, format) => {
      const ext = FEED_EXT[format];
      switch (scope.kind) {
        case 'stories':
          return `${base}/feeds/stories.${ext}`;
        case 'outlet':
          return `${base}/feeds/outlet/${enc(scope.key)}.${ext}`;
        case 'category':
          return `${base}/feeds/category/${enc(scope.name)}.${ext}`;
        case 'search':
          return `${base}/feeds/search.${ext}${queryString({ q: scope.q })}`;
      }
    },
  };
}
