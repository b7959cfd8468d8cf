/** Opens the store a `--db` value names: a SQLite file path (default) or a PostgreSQL URL. */
import type { Store } from './store.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';

/** Default database file, relative to the working directory. */
export const DEFAULT_DB = 'caixun.db';

/** Whether a `--db` value names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

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
