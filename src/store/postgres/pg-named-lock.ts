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

/**
 * The writers' registry: every process storing into the database holds this shared advisory
 * lock on a connection of its own, and after each batch sets that connection's
 * `application_name` to `caixun-writer <sort_ts>`, the newest position the batch reached. So
 * `pg_locks` and `pg_stat_activity` tell every process how far the others have stored, and a
 * session that dies drops out by itself (no table to clean, no heartbeat). Two-key form, so
 * `pg_locks` shows the keys as written (classid, objid).
 */
const WRITERS = (): number[] => [0x63_78_6e, 1];
const NAME = 'caixun-writer';

/** A registered writer: {@link PgWriter.mark} after each batch, {@link PgWriter.leave} when done. */
export interface PgWriter {
  /** The backend pid of the registration session (left out when this process asks). */
  pid: number;
  /** Say that the latest batch reached `sortTs` (seconds). */
  mark(sortTs: number): Promise<void>;
  leave(): Promise<void>;
}

/** Join the writers' registry until {@link PgWriter.leave} (or the process dies). */
export async function registerPgWriter(pool: pg.Pool): Promise<PgWriter> {
  let client: pg.PoolClient;
  let pid: number;
  try {
    client = await pool.connect();
  } catch (err) {
    throw new StoreError(`store: cannot register as a writer: ${pgErrorReason(err)}`, { cause: err });
  }
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pg_advisory_lock_shared($1, $2), set_config('application_name', $3, false), pg_backend_pid() AS pid",
      [...WRITERS(), NAME],
    );
    pid = Number(rows[0]?.pid);
  } catch (err) {
    client.release(err instanceof Error ? err : true);
    throw new StoreError(`store: cannot register as a writer: ${pgErrorReason(err)}`, { cause: err });
  }
  let left = false;
  return {
    pid,
    mark: async (sortTs) => {
      if (left) return;
      await client.query("SELECT set_config('application_name', $1, false)", [`${NAME} ${Math.floor(sortTs)}`]);
    },
    leave: async () => {
      if (left) return;
      left = true;
      let broken: Error | undefined;
      try {
        await client.query("SELECT pg_advisory_unlock_shared($1, $2), set_config('application_name', '', false)", WRITERS());
      } catch (err) {
        broken = err instanceof Error ? err : new Error(String(err));
      }
      client.release(broken);
    },
  };
}

/**
 * The earliest position other registered writers reached with their latest batch, among those
 * that stored within `freshSeconds` (an idle writer holds nobody back); undefined when none.
 */
export async function pgWritersHorizon(pool: pg.Pool, exceptPid: number | undefined, freshSeconds: number): Promise<number | undefined> {
  try {
    const { rows } = await pool.query<{ ts: string | null }>(
      `SELECT min(split_part(a.application_name, ' ', 2)::bigint) AS ts
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2 AND l.granted
         AND a.pid <> $3 AND a.application_name LIKE '${NAME} %'
         AND a.state_change > now() - make_interval(secs => $4)`,
      [...WRITERS(), exceptPid ?? 0, freshSeconds],
    );
    const ts = rows[0]?.ts;
    return ts === null || ts === undefined ? undefined : Number(ts);
  } catch (err) {
    throw new StoreError(`store: cannot read the writers' progress: ${pgErrorReason(err)}`, { cause: err });
  }
}
