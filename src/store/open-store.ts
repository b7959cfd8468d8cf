/** Opens the store a `--db` value names: a SQLite file path (default) or a PostgreSQL URL. */
import type { Store } from './store.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
import { isPostgresUrl } from './db-spec.js';

export { DEFAULT_DB, isPostgresUrl } from './db-spec.js';

/** Options of {@link openStore}. */
export type OpenStoreOptions = SqliteStoreOptions;

/**
 * Open (and migrate) the store. A PostgreSQL URL opens a connection pool; `mustExist` there
 * means the schema must already be there (`caixun import`, `worker` or `migrate` creates it).
 *
 * @example
 * const store = await openStore(process.env.CAIXUN_DB ?? 'caixun.db');
 */
export async function openStore(spec: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(spec)) {
    // Loaded on demand: SQLite users never load pg.
    const { PgStore } = await import('./postgres/pg-store.js');
    return PgStore.open(spec, options);
  }
  return new SqliteStore(spec, options);
}
