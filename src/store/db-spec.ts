/**
 * What a `--db` value names, without loading a database driver: the CLI reads these for every
 * command (defaults, help) and loads a store only when a command opens one.
 */

/** Default database file, relative to the working directory. */
export const DEFAULT_DB = 'caixun.db';

/** Whether a `--db` value names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}
