/**
 * Source health and conditional-GET state, one row per configured source, and the content
 * fingerprints live ingest deduplicates by: the migration steps that create the tables and
 * the repository that reads and writes them.
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
  /** Outlet name the configuration gives the source (null for rows written before it was kept). */
  outlet?: string | null;
  /** Kind of source (`feed`, `newsapi`, `page`, `epaper`). */
  kind?: string | null;
}

/** One row of `caixun sources --json` and the web UI's /sources table (field names are an interface). */
export interface SourceHealth {
  key: string;
  outlet: string | null;
  kind: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** `<kind>: <message>` of the last failure; null after a success. */
  lastError: string | null;
  consecutiveFailures: number;
  itemsFetched: number;
  nextDueAt: string | null;
}

/** The health view of a stored state. */
export function toSourceHealth(state: SourceState): SourceHealth {
  return {
    key: state.key,
    outlet: state.outlet ?? null,
    kind: state.kind ?? null,
    lastAttemptAt: state.lastAttemptAt,
    lastSuccessAt: state.lastSuccessAt,
    lastError:
      state.lastError === null
        ? null
        : state.lastErrorKind
          ? `${state.lastErrorKind}: ${state.lastError}`
          : state.lastError,
    consecutiveFailures: state.consecutiveFailures,
    itemsFetched: state.itemsFetched,
    nextDueAt: state.nextDueAt,
  };
}

/** A content fingerprint of a stored article (same outlet, title and text ⇒ same article). */
export interface ArticleFingerprint {
  fingerprint: string;
  articleId: string;
}

/** Reads and writes {@link SourceState}s. */
export interface SourceStateRepository {
  getSourceState(key: string): Promise<SourceState | undefined>;
  listSourceStates(): Promise<SourceState[]>;
  /** Inserts or replaces the state of `state.key`. */
  putSourceState(state: SourceState): Promise<void>;
  /** Every source's health, by key. */
  listSourceHealth(): Promise<SourceHealth[]>;
  /** The id of a stored article with this URL, if any (the oldest one). */
  findArticleIdByUrl(url: string): Promise<string | undefined>;
  /** The id of the article stored with this content fingerprint, if any. */
  findArticleIdByFingerprint(fingerprint: string): Promise<string | undefined>;
  /** Records fingerprints; one already recorded keeps its first article. */
  addFingerprints(entries: readonly ArticleFingerprint[]): Promise<void>;
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

/**
 * Migration step (appended after search's): the source's outlet and kind for the health table,
 * and content fingerprints so an item re-issued under a new GUID and URL is not stored twice.
 */
export const sourceHealthMigration: Migration = {
  name: 'source health and article fingerprints',
  sql: `
    ALTER TABLE source_state ADD COLUMN outlet TEXT;
    ALTER TABLE source_state ADD COLUMN kind TEXT;
    CREATE TABLE article_fingerprints (
      fingerprint TEXT PRIMARY KEY,
      article_id  TEXT NOT NULL
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
  outlet: string | null;
  kind: string | null;
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
    outlet: r.outlet,
    kind: r.kind,
  };
}

/** SQLite implementation of {@link SourceStateRepository}, on the store's connection. */
export class SqliteSourceStateRepository implements SourceStateRepository {
  private readonly stmt;
  private readonly addMany: (entries: readonly ArticleFingerprint[]) => void;

  constructor(db: Database.Database) {
    this.stmt = {
      get: db.prepare<[string], SourceStateRow>('SELECT * FROM source_state WHERE key = ?'),
      all: db.prepare<[], SourceStateRow>('SELECT * FROM source_state ORDER BY key'),
      put: db.prepare(
        `INSERT OR REPLACE INTO source_state (key, etag, last_modified, last_attempt_at, last_success_at,
           last_failure_at, last_error_kind, last_error, consecutive_failures, next_due_at, items_fetched,
           outlet, kind)
         VALUES (@key, @etag, @lastModified, @lastAttemptAt, @lastSuccessAt, @lastFailureAt, @lastErrorKind,
           @lastError, @consecutiveFailures, @nextDueAt, @itemsFetched, @outlet, @kind)`,
      ),
      byUrl: db.prepare<[string], { id: string }>(
        'SELECT id FROM articles WHERE url = ? ORDER BY created_at, id LIMIT 1',
      ),
      byFingerprint: db.prepare<[string], { article_id: string }>(
        'SELECT article_id FROM article_fingerprints WHERE fingerprint = ?',
      ),
      addFingerprint: db.prepare(
        'INSERT OR IGNORE INTO article_fingerprints (fingerprint, article_id) VALUES (?, ?)',
      ),
    };
    this.addMany = db.transaction((entries: readonly ArticleFingerprint[]) => {
      for (const e of entries) this.stmt.addFingerprint.run(e.fingerprint, e.articleId);
    });
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
      this.stmt.put.run({ ...state, outlet: state.outlet ?? null, kind: state.kind ?? null });
    } catch (err) {
      throw new StoreError(
        `store: saving source state ${state.key} failed: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }

  async listSourceHealth(): Promise<SourceHealth[]> {
    return (await this.listSourceStates()).map(toSourceHealth);
  }

  async findArticleIdByUrl(url: string): Promise<string | undefined> {
    return this.stmt.byUrl.get(url)?.id;
  }

  async findArticleIdByFingerprint(fingerprint: string): Promise<string | undefined> {
    return this.stmt.byFingerprint.get(fingerprint)?.article_id;
  }

  async addFingerprints(entries: readonly ArticleFingerprint[]): Promise<void> {
    try {
      this.addMany(entries);
    } catch (err) {
      throw new StoreError(`store: saving fingerprints failed: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }
}
