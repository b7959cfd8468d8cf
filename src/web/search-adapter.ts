/**
 * The one place the web layer calls search (pages, API and feeds go through here): the search
 * stage's `searchArticles`. A store without a search index answers 503; a query the search
 * stage rejects is the client's fault (400).
 */
import type { ArticleStore } from '../store/store.js';
import { searchArticles } from '../search/search.js';
import type { SearchOptions, SearchResponse } from '../search/types.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { CaixunError } from '../util/errors.js';
import { badRequest, unavailable, WebError } from './web-error.js';

/** True when the store can search (only SQLite stores have a search index). */
export function canSearch(store: ArticleStore): boolean {
  return store instanceof SqliteStore;
}

/**
 * Runs a search against the store's index.
 * @throws WebError 503 when the store has no search index, 400 when the query is rejected.
 */
export async function searchArchive(store: ArticleStore, options: SearchOptions): Promise<SearchResponse> {
  if (!canSearch(store)) throw unavailable('search is not available for this store');
  try {
    return await searchArticles(store, options);
  } catch (err) {
    if (err instanceof WebError) throw err;
    if (err instanceof CaixunError && err.code === 'usage') throw badRequest(err.message);
    throw err;
  }
}
