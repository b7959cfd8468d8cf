/** The one definition of an article's content hash, shared by every source adapter. */
import { sha1Hex } from '../util/hash.js';
import type { Article } from './article.js';

/** The fields whose change makes a new revision (not id, fetch time, raw input, flags or format). */
export type HashedContent = Omit<Article, 'id' | 'contentHash' | 'fetchedAt' | 'raw' | 'flags' | 'format'>;

/** SHA-1 hex over the cleaned content: changes exactly when the article a reader sees changes. */
export function contentHashOf(a: HashedContent): string {
  return sha1Hex(
    JSON.stringify([
      a.outlet,
      a.outletKey,
      a.title,
      a.url,
      a.publishedAt,
      a.categories,
      a.tags,
      a.html,
      a.text,
      a.images,
      a.provenance,
      a.digest ?? null,
    ]),
  );
}
