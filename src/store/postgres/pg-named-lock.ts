/**
 * Named locks across every process using one PostgreSQL database: a session-level advisory lock
 * on a connection held until release. The server drops the lock of a session that dies, so a
 * killed worker never leaves one behind.
 */
import type pg from 'pg';
import { StoreError } from '../../util/errors.js';
import { pgErrorReason } from './pg-pool.js';

/** The advisory-lock key text of a name (hashed by the server; clustering's is `caixun:stories`). */
function lockKey(name: string): string {
  return `caixun:lock:${name}`;
}

/**
 * Take the named lock if no session holds it: the release function, or undefined at once.
 *
 * @example
 * const release = await tryPgLock(pool, 'derive:search');
 * if (release) try { … } finally { await release(); }
 */
export async function tryPgLock(pool: pg.Pool, name: string): Promise<(() => Promise<void>) | undefined> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    throw new StoreError(`store: cannot take the lock ${name}: ${pgErrorReason(err)}`, { cause: err });
  }
  let taken: boolean;
  try {
    const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS taken', [lockKey(name)]);
    taken = rows[0]?.taken === true;
  } catch (err) {
    client.release(err instanceof Error ? err : true);
    throw new StoreError(`store: cannot take the lock ${name}: ${pgErrorReason(err)}`, { cause: err });
  }
  if (!taken) {
    client.release();
    return undefined;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await unlockAndRelease(client, lockKey(name));
  };
}

/**
 * Free the session-level advisory lock `key` (the text hashed with `hashtext`) held on `client`
 * and hand the connection back to its pool; a connection that cannot unlock is closed instead,
 * which ends its session and so frees the lock.
 */
export async function unlockAndRelease(client: pg.PoolClient, key: string): Promise<void> {
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
  } catch (err) {
    broken = err instanceof Error ? err : new Error(String(err));
  }
  client.release(broken);
}
