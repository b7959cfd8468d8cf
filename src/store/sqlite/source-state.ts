/**
 * Source health and conditional-GET state, one row per configured source: the migration
 * step that creates the table and the repository that reads and writes it.
 */
import type Database from 'better-sqlite3';
import { StoreError } from '../../util/errors.js';
import type { Migration } from './migrations.js';

/** What caixun remembers about one source between rounds. */
export interface SourceState {
  /** The source's configured key. */
  key: string;
  /** ETag of the last 200, sent as If-None-Match. */
  etag: string | null;
  /** Last-Modified of the last 200, sent as If-Modified-Since. */
  lastModified: string | null;
  /** ISO time of the last attempt, success or not. */
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  /** Error class of the last failure (`timeout`, `http-5xx`, `parse` …); null after a success. */
  lastErrorKind: string | null;
  /** Message of the last failure; null after a success. */
  lastError: string | null;
  /** Failures since the last success. */
  consecutiveFailures: number;
  /** ISO time before which the scheduler leaves the source alone. */
  nextDueAt: string | null;
  /** Items read from the source, all rounds together. */
  itemsFetched: number;
}

/** Reads and writes {@link SourceState}s. */
export interface SourceStateRepository {
  getSourceState(key: string): Promise<SourceState | undefined>;
  listSourceStates(): Promise<SourceState[]>;
  /** Inserts or replaces the state of `state.key`. */
  putSourceState(state: SourceState): Promise<void>;
}

/** Migration step: the `source_state` table. */
export const sourceStateMigration: Migration = {
  name: 'source state',
  sql: `
    CREATE TABLE source_state (
      key                  TEXT PRIMARY KEY,
      etag                 TEXT,
      last_modified        TEXT,
      last_attempt_at      TEXT,
      last_success_at      TEXT,
      last_failure_at      TEXT,
      last_error_kind      TEXT,
      last_error           TEXT,
      consecutive_failures INTEGER NOT NULL DEFAULT 0,
      next_due_at          TEXT,
      items_fetched        INTEGER NOT NULL DEFAULT 0
    ) STRICT;
  `,
};

interface SourceStateRow {
  key: string;
  etag: string | null;
  last_modified: string | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  last_error_kind: string | null;
  last_error: string | null;
  consecutive_failures: number;
  next_due_at: string | null;
  items_fetched: number;
}

function rowToState(r: SourceStateRow): SourceState {
  return {
    key: r.key,
    etag: r.etag,
    lastModified: r.last_modified,
    lastAttemptAt: r.last_attempt_at,
    lastSuccessAt: r.last_success_at,
    lastFailureAt: r.last_failure_at,
    lastErrorKind: r.last_error_kind,
    lastError: r.last_error,
    consecutiveFailures: r.consecutive_failures,
    nextDueAt: r.next_due_at,
    itemsFetched: r.items_fetched,
  };
}

/** SQLite implementation of {@link SourceStateRepository}, on the store's connection. */
export class SqliteSourceStateRepository implements SourceStateRepository {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      get: db.prepare<[string], SourceStateRow>('SELECT * FROM source_state WHERE key = ?'),
      all: db.prepare<[], SourceStateRow>('SELECT * FROM source_state ORDER BY key'),
      put: db.prepare(
        `INSERT OR REPLACE INTO source_state (key, etag, last_modified, last_attempt_at, last_success_at,
           last_failure_at, last_error_kind, last_error, consecutive_failures, next_due_at, items_fetched)
         VALUES (@key, @etag, @lastModified, @lastAttemptAt, @lastSuccessAt, @lastFailureAt, @lastErrorKind,
           @lastError, @consecutiveFailures, @nextDueAt, @itemsFetched)`,
      ),
    };
  }

  async getSourceState(key: string): Promise<SourceState | undefined> {
    const row = this.stmt.get.get(key);
    return row ? rowToState(row) : undefined;
  }

  async listSourceStates(): Promise<SourceState[]> {
    return this.stmt.all.all().map(rowToState);
  }

  async putSourceState(state: SourceState): Promise<void> {
    try {
      this.stmt.put.run({ ...state });
    } catch (err) {
      throw new StoreError(
        `store: saving source state ${state.key} failed: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }
}
