/**
 * One clustering run at a time per SQLite database, across processes: the run holds an
 * exclusive SQLite lock on a small side file `<db>-cluster.lock`. The lock is the operating
 * system's file lock, so a process killed with -9 leaves no stale lock behind; a second
 * `caixun import` waits for the first one's clustering to end, then clusters what is left.
 */
import Database from 'better-sqlite3';
import { isBusyError } from './async-transaction.js';

/** Longest pause (ms) between two tries at the lock. */
const MAX_PAUSE_MS = 200;

/** The lock file of a database file. */
export function clusterLockPath(dbPath: string): string {
  return `${dbPath}-cluster.lock`;
}

/**
 * Wait (without blocking the event loop) until this process holds the clustering lock of the
 * database at `dbPath`; returns the function that releases it. In-memory databases need none.
 * There is no deadline: the holder is alive (the OS drops the lock of a dead one) and working.
 */
export async function acquireClusterLock(dbPath: string): Promise<() => void> {
  if (dbPath === '' || dbPath === ':memory:') return () => undefined;
  const lock = new Database(clusterLockPath(dbPath));
  try {
    lock.pragma('busy_timeout = 0');
    let pause = 10;
    for (;;) {
      try {
        lock.exec('BEGIN EXCLUSIVE');
        break;
      } catch (err) {
        if (!isBusyError(err)) throw err;
      }
      await new Promise<void>((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    }
  } catch (err) {
    lock.close();
    throw err;
  }
  return () => {
    if (lock.inTransaction) lock.exec('COMMIT');
    lock.close();
  };
}
