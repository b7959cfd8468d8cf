/**
 * A transaction around an async function on a better-sqlite3 connection (its own
 * `db.transaction()` takes only synchronous functions). The function must await only this
 * store's synchronous methods: then it runs in microtasks without yielding to I/O, and nothing
 * else on the connection can slip into the transaction. A nested call joins the outer one.
 */
import type Database from 'better-sqlite3';

/** Run `fn` in one transaction; `onRollback` runs after a rollback (to drop in-memory state). */
export async function sqliteTransaction<T>(db: Database.Database, fn: () => Promise<T>, onRollback?: () => void): Promise<T> {
  if (db.inTransaction) return fn();
  db.exec('BEGIN');
  try {
    const result = await fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    onRollback?.();
    throw err;
  }
}
