/** The segmented columns of an article that the search index stores. */
import { textOf } from '../store/packed-text.js';
import type { SearchDocument, SearchSourceRow } from '../store/tables.js';
import { categoryToken, outletToken } from './fts-expression.js';
import { gramTokens } from './grams.js';
import { indexWords } from './segment.js';

function parseCategories(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
}

/** The segmented columns of one article. */
export function searchDocumentOf(row: Pick<SearchSourceRow, 'title' | 'text' | 'outlet_key' | 'categories'> & Partial<Pick<SearchSourceRow, 'body_br'>>): SearchDocument {
  const text = textOf(row);
  const meta = [outletToken(row.outlet_key), ...parseCategories(row.categories).map(categoryToken)];
  return {
    title: gramTokens(row.title).join(' '),
    body: gramTokens(text).join(' '),
    titleWords: indexWords(row.title).join(' '),
    bodyWords: indexWords(text).join(' '),
    meta: [...new Set(meta)].join(' '),
  };
}
