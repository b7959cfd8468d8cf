/**
 * Locks across processes for one SQLite database: a lock holds an exclusive SQLite lock on a
 * small side file (`<db>-cluster.lock` for clustering, `<db>-<name>.lock` for others). The lock
 * is the operating system's file lock, so a process killed with -9 leaves no stale lock behind;
 * a second `caixun import` waits for the first one's clustering to end, then clusters what is left.
 */
import Database from 'better-sqlite3';
import { isBusyError } from './async-transaction.js';

/** Longest pause (ms) between two tries at the lock. */
const MAX_PAUSE_MS = 200;

/** The lock file of a database file. */
export function clusterLockPath(dbPath: string): string {
  return `${dbPath}-cluster.lock`;
}

/** The side file of a named lock (a file-name-safe form of the name). */
export function namedLockPath(dbPath: string, name: string): string {
  return `${dbPath}-${name.replace(/[^A-Za-z0-9_-]+/g, '-')}.lock`;
}

/** Locks of in-memory databases: they live in one process, so a set of held names is enough. */
const memoryLocks = new WeakMap<object, Set<string>>();

/** One try at the exclusive lock of `path`: the open, locked handle, or undefined when held elsewhere. */
function tryExclusive(path: string): Database.Database | undefined {
  const lock = new Database(path);
  try {
    lock.pragma('busy_timeout = 0');
    lock.exec('BEGIN EXCLUSIVE');
    return lock;
  } catch (err) {
    lock.close();
    if (isBusyError(err)) return undefined;
    throw err;
  }
}

function releaser(lock: Database.Database): () => void {
  return () => {
    if (lock.inTransaction) lock.exec('COMMIT');
    lock.close();
  };
}

/**
 * Wait (without blocking the event loop) until this process holds the clustering lock of the
 * database at `dbPath`; returns the function that releases it. In-memory databases need none.
 * There is no deadline: the holder is alive (the OS drops the lock of a dead one) and working.
 */
export async function acquireClusterLock(dbPath: string): Promise<() => void> {
  if (dbPath === '' || dbPath === ':memory:') return () => undefined;
  let pause = 10;
  for (;;) {
    const lock = tryExclusive(clusterLockPath(dbPath));
    if (lock !== undefined) return releaser(lock);
    await new Promise<void>((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, MAX_PAUSE_MS);
  }
}

/**
 * Take the named lock of the database at `dbPath` if no connection holds it (`owner` keys the
 * locks of an in-memory database, which only its own process can see).
 */
export function tryNamedLock(dbPath: string, name: string, owner: object): (() => void) | undefined {
  if (dbPath === '' || dbPath === ':memory:') {
    const held = memoryLocks.get(owner) ?? new Set<string>();
    memoryLocks.set(owner, held);
    if (held.has(name)) return undefined;
    held.add(name);
    return () => void held.delete(name);
  }
  const lock = tryExclusive(namedLockPath(dbPath, name));
  return lock === undefined ? undefined : releaser(lock);
}
