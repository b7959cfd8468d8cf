/** Opens the store a `--db` value names: a SQLite file path (default) or, later, a PostgreSQL URL. */
import { StoreError } from '../util/errors.js';
import type { ArticleStore } from './store.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';

/** Default database file, relative to the working directory. */
export const DEFAULT_DB = 'caixun.db';

export function openStore(spec: string, options: SqliteStoreOptions = {}): ArticleStore {
  if (/^postgres(ql)?:\/\//i.test(spec)) {
    throw new StoreError('store: the PostgreSQL backend is not available in this version; use a SQLite file path');
  }
  return new SqliteStore(spec, options);
}
