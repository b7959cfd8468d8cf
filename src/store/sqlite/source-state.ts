/**
 * Source health and conditional-GET state, one row per configured source, and the content
 * fingerprints live ingest deduplicates by: the migration steps that create the tables and
 * the repository that reads and writes them.
 */
import type Database from 'better-sqlite3';
import { StoreError } from '../../util/errors.js';
import type { Migration } from './migrations.js';
import {
  rowToSourceState,
  toSourceHealth,
  type ArticleFingerprint,
  type SourceHealth,
  type SourceState,
  type SourceStateRepository,
  type SourceStateRow,
} from '../source-state.js';

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
    return row ? rowToSourceState(row) : undefined;
  }

  async listSourceStates(): Promise<SourceState[]> {
    return this.stmt.all.all().map(rowToSourceState);
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
