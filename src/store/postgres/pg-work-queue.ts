/**
 * The work queue of `caixun worker` on PostgreSQL: one row per source key with its due time,
 * the lease of the worker polling it and how many rounds have completed. Workers claim due
 * sources with `SELECT … FOR UPDATE SKIP LOCKED` in one short statement that stamps a lease,
 * so two workers never claim the same source; a worker that dies stops renewing its lease,
 * which expires and lets another worker claim the source. Completing a poll is fenced by the
 * lease (owner and round): a worker whose lease was taken over cannot overwrite the schedule.
 *
 * Leases and "is it due" are judged on the database's clock, so workers on machines whose
 * clocks disagree still agree on who holds a source. Due times come from the poll itself
 * (the fetch round's interval, jitter and backoff rules, computed on the worker's clock).
 *
 * Rows are never deleted by workers: each worker enqueues the enabled sources of its own
 * configuration and claims only those, so workers with different configurations can share
 * one database; a row that no running worker's configuration names is simply never claimed.
 * A source enqueued for the first time is due when the store's source state says (a schedule
 * carried over), else at once; a changed `every` takes effect from the source's next poll.
 */
import pg from 'pg';
import { StoreError } from '../../util/errors.js';
import type { PgMigration } from './migrations.js';
import { createPgPool, parsePgUrl, type PgQueryable } from './pg-pool.js';

/** The queue table (the last schema step). */
export const workQueuePgMigration: PgMigration = {
  name: 'work queue: due time, lease and round per source',
  sql: `
CREATE TABLE work_queue (
  source_key text PRIMARY KEY,
  due_at timestamptz NOT NULL,
  round bigint NOT NULL DEFAULT 0,
  lease_owner text,
  lease_expires_at timestamptz,
  claimed_at timestamptz,
  completed_at timestamptz,
  CHECK ((lease_owner IS NULL) = (lease_expires_at IS NULL))
);
CREATE INDEX work_queue_due ON work_queue (due_at);
`,
};

/** A source to enqueue. */
export interface QueueEntryInput {
  key: string;
  /** ISO time it is first due; default now (the database's clock). */
  dueAt?: string | null | undefined;
}

/** A claimed source: the worker holds it until it completes, releases or lets the lease expire. */
export interface Lease {
  key: string;
  owner: string;
  /** Rounds completed before this claim; completing makes it `round + 1`. */
  round: number;
  /** ISO time the source was due. */
  dueAt: string;
  /** ISO time the lease runs out unless extended (database clock). */
  expiresAt: string;
}

/** One row of the queue, for `list()`. */
export interface QueueEntry {
  key: string;
  dueAt: string;
  round: number;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  completedAt: string | null;
}

/** Options of {@link PgWorkQueue.claim}. */
export interface ClaimOptions {
  /** Who claims (unique per worker process). */
  owner: string;
  /** Only these source keys (the worker's configured, enabled sources). */
  keys: readonly string[];
  /** At most this many sources. */
  limit: number;
  /** Lease length, ms. */
  leaseMs: number;
  /** Only sources due at or before this ISO time too (a `--once` pass: due when it began). */
  dueBy?: string | undefined;
}

/** The operations a worker needs; {@link PgWorkQueue} implements them. */
export interface WorkQueue {
  enqueue(entries: readonly QueueEntryInput[]): Promise<number>;
  claim(options: ClaimOptions): Promise<Lease[]>;
  extend(lease: Lease, leaseMs: number): Promise<boolean>;
  complete(lease: Lease, nextDueAt: string): Promise<boolean>;
  release(lease: Lease, dueAt?: string): Promise<boolean>;
  msUntilClaimable(keys: readonly string[]): Promise<number | undefined>;
  databaseTime(): Promise<string>;
}

interface LeaseRow {
  source_key: string;
  lease_owner: string;
  round: number;
  due_at: Date;
  lease_expires_at: Date;
}

interface EntryRow {
  source_key: string;
  due_at: Date;
  round: number;
  lease_owner: string | null;
  lease_expires_at: Date | null;
  completed_at: Date | null;
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/**
 * The queue over a pool. Use {@link PgWorkQueue.connect} for a pool of its own, or pass one.
 * @example
 * const queue = await PgWorkQueue.connect('postgres://caixun@db/caixun');
 * const [lease] = await queue.claim({ owner: 'w1', keys: ['cls'], limit: 1, leaseMs: 60_000 });
 * if (lease) await queue.complete(lease, nextDue);
 */
export class PgWorkQueue implements WorkQueue {
  readonly #pool: PgQueryable;
  readonly #owned: pg.Pool | undefined;

  constructor(pool: PgQueryable, owned?: pg.Pool) {
    this.#pool = pool;
    this.#owned = owned;
  }

  /** Runs one statement; a database failure becomes a StoreError (exit code 3), cause kept. */
  async #query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>> {
    try {
      return await this.#pool.query<R>(text, values);
    } catch (err) {
      throw new StoreError(`work queue: ${(err as Error).message}`, { cause: err });
    }
  }

  /**
   * Opens a small pool of its own (`max` connections). The schema must exist already: opening
   * the store migrates it. A worker uses the store's pool instead.
   */
  static connect(url: string, max = 3): PgWorkQueue {
    const pool = createPgPool({ ...parsePgUrl(url), poolSize: max });
    return new PgWorkQueue(pool, pool);
  }

  /**
   * Adds sources that are not queued yet, due at `dueAt` (default now); sources already queued
   * keep their schedule and round. Returns how many were added.
   */
  async enqueue(entries: readonly QueueEntryInput[]): Promise<number> {
    if (entries.length === 0) return 0;
    const result = await this.#query(
      `INSERT INTO work_queue (source_key, due_at)
       SELECT k, COALESCE(d, now()) FROM unnest($1::text[], $2::timestamptz[]) AS e(k, d)
       ON CONFLICT (source_key) DO NOTHING`,
      [entries.map((e) => e.key), entries.map((e) => e.dueAt ?? null)],
    );
    return result.rowCount ?? 0;
  }

  /**
   * Claims up to `limit` due sources among `keys` that no live lease holds, earliest due
   * first, and stamps this owner's lease on them. Rows another worker is claiming at the same
   * moment are skipped, never waited for.
   */
  async claim(options: ClaimOptions): Promise<Lease[]> {
    if (options.limit <= 0 || options.keys.length === 0) return [];
    const result = await this.#query<LeaseRow>(
      `WITH due AS (
         SELECT source_key FROM work_queue
          WHERE source_key = ANY($1::text[])
            AND due_at <= now() AND ($5::timestamptz IS NULL OR due_at <= $5::timestamptz)
            AND (lease_expires_at IS NULL OR lease_expires_at <= now())
          ORDER BY due_at, source_key
          LIMIT $2
          FOR UPDATE SKIP LOCKED)
       UPDATE work_queue q
          SET lease_owner = $3, lease_expires_at = now() + $4 * interval '1 millisecond',
              claimed_at = now()
         FROM due
        WHERE q.source_key = due.source_key
       RETURNING q.source_key, q.lease_owner, q.round, q.due_at, q.lease_expires_at`,
      [options.keys, options.limit, options.owner, options.leaseMs, options.dueBy ?? null],
    );
    return result.rows
      .map((r) => ({
        key: r.source_key,
        owner: r.lease_owner,
        round: Number(r.round),
        dueAt: r.due_at.toISOString(),
        expiresAt: r.lease_expires_at.toISOString(),
      }))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key));
  }

  /** Renews the lease for `leaseMs` from now; false when the lease is no longer this worker's. */
  async extend(lease: Lease, leaseMs: number): Promise<boolean> {
    const result = await this.#query(
      `UPDATE work_queue SET lease_expires_at = now() + $4 * interval '1 millisecond'
        WHERE source_key = $1 AND lease_owner = $2 AND round = $3`,
      [lease.key, lease.owner, lease.round, leaseMs],
    );
    return result.rowCount === 1;
  }

  /**
   * Records a finished poll: the round advances, the source is next due at `nextDueAt` and the
   * lease ends. False (and nothing written) when another worker has taken the source over.
   */
  async complete(lease: Lease, nextDueAt: string): Promise<boolean> {
    const result = await this.#query(
      `UPDATE work_queue
          SET due_at = $4, round = round + 1, lease_owner = NULL, lease_expires_at = NULL,
              completed_at = now()
        WHERE source_key = $1 AND lease_owner = $2 AND round = $3`,
      [lease.key, lease.owner, lease.round, nextDueAt],
    );
    return result.rowCount === 1;
  }

  /**
   * Gives a claimed source back without completing its round, due again at `dueAt` (default:
   * unchanged, so another worker may claim it at once). False when the lease was not ours.
   */
  async release(lease: Lease, dueAt?: string): Promise<boolean> {
    const result = await this.#query(
      `UPDATE work_queue
          SET lease_owner = NULL, lease_expires_at = NULL, due_at = COALESCE($4::timestamptz, due_at)
        WHERE source_key = $1 AND lease_owner = $2 AND round = $3`,
      [lease.key, lease.owner, lease.round, dueAt ?? null],
    );
    return result.rowCount === 1;
  }

  /**
   * Milliseconds until the first of `keys` can be claimed (due, and no live lease on it),
   * 0 when one can be claimed now, undefined when none is queued.
   */
  async msUntilClaimable(keys: readonly string[]): Promise<number | undefined> {
    const result = await this.#query<{ ms: number | null }>(
      // GREATEST skips NULLs, so the empty case is kept apart: NULL when nothing is queued.
      `SELECT CASE WHEN t IS NULL THEN NULL
                   ELSE GREATEST(0, CEIL(EXTRACT(EPOCH FROM t - now()) * 1000))::int8 END AS ms
         FROM (SELECT min(GREATEST(due_at, COALESCE(lease_expires_at, due_at))) AS t
                 FROM work_queue WHERE source_key = ANY($1::text[])) AS first`,
      [keys],
    );
    const ms = result.rows[0]?.ms;
    return ms === null || ms === undefined ? undefined : Number(ms);
  }

  /**
   * The database's current time, ISO with microseconds (the clock leases and due times are
   * judged on). Not through a JS Date: cut to milliseconds, it could lie before a due time
   * `now()` set earlier in the same millisecond, and a `--once` pass then found nothing due.
   */
  async databaseTime(): Promise<string> {
    const result = await this.#query<{ now: string }>(
      `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS now`,
    );
    const now = result.rows[0]?.now;
    if (!now) throw new Error('work queue: the database returned no time');
    return now;
  }

  /** Every queued source, by key. */
  async list(): Promise<QueueEntry[]> {
    const result = await this.#query<EntryRow>(
      `SELECT source_key, due_at, round, lease_owner, lease_expires_at, completed_at
         FROM work_queue ORDER BY source_key`,
    );
    return result.rows.map((r) => ({
      key: r.source_key,
      dueAt: r.due_at.toISOString(),
      round: Number(r.round),
      leaseOwner: r.lease_owner,
      leaseExpiresAt: iso(r.lease_expires_at),
      completedAt: iso(r.completed_at),
    }));
  }

  /** Ends the pool if the queue opened it. */
  async close(): Promise<void> {
    await this.#owned?.end();
  }
}
