/** `--outlet nosuch` is a mistake to point out, not an empty list that looks like "no news". */
import { outlets } from '../outlets/index.js';
import type { ArticleStore } from '../store/store.js';
import { UsageError } from '../util/errors.js';

async function hasArticlesFrom(store: ArticleStore, outletKey: string): Promise<boolean> {
  return (await store.listArticles({ limit: 1, outletKey })).articles.length > 0;
}

/** Throws a UsageError naming the outlets this archive has when `outletKey` has no article in it. */
export async function assertOutletInArchive(store: ArticleStore, outletKey: string, command: string): Promise<void> {
  if (await hasArticlesFrom(store, outletKey)) return;
  const present: string[] = [];
  for (const o of outlets) if (o.key !== outletKey && (await hasArticlesFrom(store, o.key))) present.push(o.key);
  const known = present.length > 0 ? `outlets here include: ${present.join(', ')}; ` : '';
  throw new UsageError(
    `${command}: no such outlet in this archive: ${outletKey} (${known}` +
      'every article\'s outlet key is in `caixun articles --json`, field outletKey; sources: `caixun sources`)',
  );
}
