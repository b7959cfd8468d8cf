/**
 * A transaction around an async function on a better-sqlite3 connection (its own
 * `db.transaction()` takes only synchronous functions). The function must await only this
 * store's synchronous methods: then it runs in microtasks without yielding to I/O. A nested call
 * (from inside the function) joins the outer transaction. Calls from flows running side by side
 * in one process (the derive steps) take turns: each waits until the connection's transaction
 * in progress has ended. Joining it instead, as a check of `db.inTransaction` would, let a flow
 * go on writing after the owner committed, outside any transaction: two `caixun import`s
 * then both gave one search document the same rowid.
 *
 * Every write transaction starts with BEGIN IMMEDIATE: a deferred BEGIN that reads first and
 * writes later fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT, no busy wait) when
 * another process committed in between. The write lock is waited for here, in short tries with
 * pauses between them, so a second `caixun import` on the same file waits its turn without
 * stalling this process's event loop for the whole wait.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { StoreError } from '../../util/errors.js';

/** The connections whose transaction the current async flow is inside. */
const insideTransaction = new AsyncLocalStorage<ReadonlySet<Database.Database>>();
/** Per connection: settles when the last transaction queued on it has ended. */
const queueTail = new WeakMap<Database.Database, Promise<void>>();

/** Longest wait (ms) for another process's write transaction; also the connection's busy_timeout. */
export const BUSY_TIMEOUT_MS = 30_000;

/** One blocking try at the write lock (ms); between tries the event loop runs. */
const TRY_MS = 25;

/** Whether a better-sqlite3 error is SQLITE_BUSY (or one of its extended codes). */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * BEGIN IMMEDIATE, waiting up to `waitMs` for another connection's write transaction to end.
 * Throws a StoreError naming the wait when it does not.
 */
export async function beginImmediate(db: Database.Database, waitMs = BUSY_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + waitMs;
  let pause = 5;
  for (;;) {
    const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma(`busy_timeout = ${Math.min(TRY_MS, busyTimeout)}`);
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (err) {
      if (!isBusyError(err)) throw err;
      if (Date.now() >= deadline) {
        throw new StoreError(`store: database is locked: another process kept writing for ${Math.round(waitMs / 1000)} s`, {
          cause: err,
        });
      }
    } finally {
      db.pragma(`busy_timeout = ${busyTimeout}`);
    }
    await new Promise<void>((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 100);
  }
}

/** Run `fn` in one write transaction; `onRollback` runs after a rollback (to drop in-memory state). */
export async function sqliteTransaction<T>(db: Database.Database, fn: () => Promise<T>, onRollback?: () => void): Promise<T> {
  const outer = insideTransaction.getStore();
  if (outer?.has(db) === true) return fn();
  // Wait for the transaction another flow of this process has open (or is opening) on `db`.
  const before = queueTail.get(db);
  let release = (): void => {};
  const ended = new Promise<void>((resolve) => (release = resolve));
  const tail = (before ?? Promise.resolve()).then(() => ended);
  queueTail.set(db, tail);
  try {
    if (before !== undefined) await before;
    // A synchronous better-sqlite3 transaction cannot be open here; a raw BEGIN of the caller's is joined.
    if (db.inTransaction) return await fn();
    await beginImmediate(db);
    try {
      const result = await insideTransaction.run(new Set([...(outer ?? []), db]), fn);
      db.exec('COMMIT');
      return result;
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      onRollback?.();
      throw err;
    }
  } finally {
    release();
    if (queueTail.get(db) === tail) queueTail.delete(db);
  }
}
