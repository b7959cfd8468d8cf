/**
 * The PostgreSQL connection pool of a store: URL parsing (`pool=` size, password redaction),
 * int8/numeric parsed to numbers for this pool only, transactions on one pooled client, and the
 * mapping of connection failures to a {@link StoreError} that never shows a password.
 */
import pg from 'pg';
import { StoreError } from '../../util/errors.js';

/** Anything that runs a query: the pool or one checked-out client. */
export type PgQueryable = pg.Pool | pg.PoolClient;

/** Default number of connections of a store's pool. */
export const DEFAULT_POOL_SIZE = 10;

/** A `postgres://` URL split into what pg connects with and what messages may show. */
export interface PgTarget {
  /** The URL pg connects with (`pool=` removed). */
  connectionString: string;
  /** Connections in the pool (`pool=` query parameter, default {@link DEFAULT_POOL_SIZE}). */
  poolSize: number;
  /** The URL without its password, for messages and `Store.location`. */
  redacted: string;
}

/** The URL without its password (and without `password=` parameters); works on malformed URLs too. */
export function redactPgUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    u.searchParams.delete('password');
    return u.toString();
  } catch {
    return url.replace(/(\/\/[^:/@]*):[^@/]*@/, '$1@').replace(/([?&]password=)[^&]*/gi, '$1');
  }
}

/** Parse a store URL: strips `pool=N` (a positive integer) and computes the redacted form. */
export function parsePgUrl(url: string): PgTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new StoreError(`store: invalid PostgreSQL URL ${redactPgUrl(url)}`);
  }
  let poolSize = DEFAULT_POOL_SIZE;
  const pool = u.searchParams.get('pool');
  if (pool !== null) {
    if (!/^\d+$/.test(pool) || Number(pool) < 1) {
      throw new StoreError(`store: pool= must be a positive integer in ${redactPgUrl(url)}`);
    }
    poolSize = Number(pool);
    u.searchParams.delete('pool');
  }
  const connectionString = u.toString();
  return { connectionString, poolSize, redacted: redactPgUrl(connectionString) };
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Type parsers of a store's pools: counts and bigint columns as JS numbers, the rest as pg's defaults. */
const numberTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** How long an idle pooled connection is kept: long enough to span a reader's pauses between searches. */
const IDLE_TIMEOUT_MS = 5 * 60_000;

/** A pool for `target`; idle-client errors are kept from crashing the process (the next query reports them). */
export function createPgPool(target: PgTarget): pg.Pool {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: target.poolSize,
    types: numberTypes,
    connectionTimeoutMillis: 15_000,
    // pg's default closes a connection after 10 s idle, so a server's next search after a pause
    // ran on a new backend: cold catalog caches and, above all, its first touch of every shared
    // buffer page (a page fault each; 93 ms instead of 13 ms for one query at 1 M articles).
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
  });
  pool.on('error', () => {
    // An idle connection died (server restart): the pool drops it and opens a new one on demand.
  });
  return pool;
}

/** The message of a pg or network error with any password of `url` removed. */
export function pgErrorReason(err: unknown, url?: string): string {
  let message = err instanceof Error ? err.message : String(err);
  if (message === '' && err instanceof AggregateError) {
    message = err.errors.map((e: unknown) => (e instanceof Error ? e.message : String(e))).join('; ');
  }
  if (url !== undefined) {
    try {
      const raw = new URL(url).password;
      for (const password of [raw, decodeURIComponent(raw)]) {
        if (password !== '') message = message.split(password).join('***');
      }
    } catch {
      // not a URL: nothing to remove
    }
  }
  return message;
}

/** The StoreError for a failure to connect to `target`. */
export function connectError(target: PgTarget, err: unknown): StoreError {
  return new StoreError(
    `store: cannot connect to ${target.redacted}: ${pgErrorReason(err, target.connectionString)}`,
    { cause: err },
  );
}

/**
 * Run `fn` in one transaction on one client of `pool`: committed when it resolves, rolled back
 * (and the error rethrown) when it throws.
 */
export async function withPgTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection is unusable: do not give it back to the pool.
      broken = rollbackError as Error;
    }
    throw err;
  } finally {
    client.release(broken);
  }
}
