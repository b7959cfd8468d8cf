/**
 * The one place the web layer calls search (pages, API and feeds go through here): the search
 * stage's `searchArticles`. A query the search stage rejects is the client's fault (400).
 */
import type { Store } from '../store/store.js';
import { searchArticles } from '../search/search.js';
import type { SearchOptions, SearchResponse } from '../search/types.js';
import { CaixunError } from '../util/errors.js';
import { badRequest, WebError } from './web-error.js';

/**
 * Runs a search against the store's index.
 * @throws WebError 400 when the query is rejected.
 */
export async function searchArchive(store: Store, options: SearchOptions): Promise<SearchResponse> {
  try {
    return await searchArticles(store, options);
  } catch (err) {
    if (err instanceof WebError) throw err;
    if (err instanceof CaixunError && err.code === 'usage') throw badRequest(err.message);
    throw err;
  }
}
