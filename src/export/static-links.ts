/**
 * static-links: the {@link Links} of the static site: relative `.html` paths from a page at
 * `depth` folders below the site root, file names from {@link fileNameOf}, so the same id always
 * gives the same file and the same link. No feeds and no sources page.
 */
import type { Links } from '../web/links.js';
import { fileNameOf } from './safe-name.js';

/** Where each kind of page lives, relative to the site root, without `.html`. */
export const sitePaths = {
  home: (page = 1): string => (page <= 1 ? 'index' : `page-${page}`),
  story: (id: string): string => `story/${fileNameOf(id)}`,
  article: (id: string): string => `article/${fileNameOf(id)}`,
  /** Page 1 is `outlet/<key>.html`, page n is `outlet/<key>.p<n>.html` (`.` never occurs in a name). */
  outlet: (key: string, page = 1): string => `outlet/${fileNameOf(key)}${page > 1 ? `.p${page}` : ''}`,
  category: (name: string, page = 1): string => `category/${fileNameOf(name)}${page > 1 ? `.p${page}` : ''}`,
  search: (): string => 'search',
  asset: (name: string): string => `assets/${name}`,
} as const;

const pageNumber = (cursor: string | undefined): number => {
  const n = cursor === undefined ? 1 : Number.parseInt(cursor, 10);
  return Number.isInteger(n) && n > 1 ? n : 1;
};

/**
 * Links for a page `depth` folders below the root (0 for `index.html`, 1 for `story/x.html`).
 * Paging cursors are page numbers (`'2'`).
 *
 * @example staticLinks(1).story('eastmoney:1'); // '../story/eastmoney_1.html'
 */
export function staticLinks(depth: number): Links {
  const up = '../'.repeat(depth);
  const page = (path: string): string => `${up}${path}.html`;
  return {
    home: () => page(sitePaths.home()),
    homePage: (cursor) => page(sitePaths.home(pageNumber(cursor))),
    story: (id) => page(sitePaths.story(id)),
    article: (id) => page(sitePaths.article(id)),
    outlet: (key, cursor) => page(sitePaths.outlet(key, pageNumber(cursor))),
    category: (name, cursor) => page(sitePaths.category(name, pageNumber(cursor))),
    search: (q, p = {}) => {
      const params = new URLSearchParams();
      const add = (k: string, v: string | number | undefined): void => {
        if (v !== undefined && v !== '') params.set(k, String(v));
      };
      add('q', q);
      add('outlet', p.outlet);
      add('category', p.category);
      add('from', p.from);
      add('to', p.to);
      add('page', p.page !== undefined && p.page > 1 ? p.page : undefined);
      const qs = params.toString();
      return `${page(sitePaths.search())}${qs === '' ? '' : `?${qs}`}`;
    },
    sources: () => undefined,
    asset: (name) => `${up}${sitePaths.asset(name)}`,
    feed: () => undefined,
  };
}
