/**
 * Source health, conditional-GET state and content fingerprints on PostgreSQL (tables
 * `source_state`, `article_fingerprints` of pg-articles-schema.ts): the same behaviour as the
 * SQLite repository (src/store/sqlite/source-state.ts).
 */
import type pg from 'pg';
import { StoreError } from '../../util/errors.js';
import {
  toSourceHealth,
  type ArticleFingerprint,
  type SourceHealth,
  type SourceState,
  type SourceStateRepository,
  rowToSourceState,
  type SourceStateRow,
} from '../source-state.js';
import { pgErrorReason } from './pg-pool.js';


const STATE_COLUMNS = `key, etag, last_modified, last_attempt_at, last_success_at, last_failure_at, last_error_kind,
  last_error, consecutive_failures, next_due_at, items_fetched, outlet, kind`;

const PUT = `
  INSERT INTO source_state (${STATE_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
    last_attempt_at = excluded.last_attempt_at, last_success_at = excluded.last_success_at,
    last_failure_at = excluded.last_failure_at, last_error_kind = excluded.last_error_kind,
    last_error = excluded.last_error, consecutive_failures = excluded.consecutive_failures,
    next_due_at = excluded.next_due_at, items_fetched = excluded.items_fetched,
    outlet = excluded.outlet, kind = excluded.kind`;

/** PostgreSQL implementation of {@link SourceStateRepository}, on the store's pool. */
export class PgSourceStateRepository implements SourceStateRepository {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async getSourceState(key: string): Promise<SourceState | undefined> {
    const { rows } = await this.#pool.query<SourceStateRow>('SELECT * FROM source_state WHERE key = $1', [key]);
    return rows[0] ? rowToSourceState(rows[0]) : undefined;
  }

  async listSourceStates(): Promise<SourceState[]> {
    const { rows } = await this.#pool.query<SourceStateRow>('SELECT * FROM source_state ORDER BY key');
    return rows.map(rowToSourceState);
  }

  async putSourceState(state: SourceState): Promise<void> {
    try {
      await this.#pool.query(PUT, [
        state.key, state.etag, state.lastModified, state.lastAttemptAt, state.lastSuccessAt, state.lastFailureAt,
        state.lastErrorKind, state.lastError, state.consecutiveFailures, state.nextDueAt, state.itemsFetched,
        state.outlet ?? null, state.kind ?? null,
      ]);
    } catch (err) {
      throw new StoreError(`store: saving source state ${state.key} failed: ${pgErrorReason(err)}`, { cause: err });
    }
  }

  async listSourceHealth(): Promise<SourceHealth[]> {
    return (await this.listSourceStates()).map(toSourceHealth);
  }

  async findArticleIdByUrl(url: string): Promise<string | undefined> {
    const { rows } = await this.#pool.query<{ id: string }>(
      'SELECT id FROM articles WHERE url = $1 ORDER BY created_at, id LIMIT 1',
      [url],
    );
    return rows[0]?.id;
  }

  async findArticleIdByFingerprint(fingerprint: string): Promise<string | undefined> {
    const { rows } = await this.#pool.query<{ article_id: string }>(
      'SELECT article_id FROM article_fingerprints WHERE fingerprint = $1',
      [fingerprint],
    );
    return rows[0]?.article_id;
  }

  /** Records fingerprints in one statement; a fingerprint already recorded (by anyone) keeps its first article. */
  async addFingerprints(entries: readonly ArticleFingerprint[]): Promise<void> {
    if (entries.length === 0) return;
    try {
      await this.#pool.query(
        `INSERT INTO article_fingerprints (fingerprint, article_id)
         SELECT f, a FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(f, a, n)
         ORDER BY f, n
         ON CONFLICT (fingerprint) DO NOTHING`,
        [entries.map((e) => e.fingerprint), entries.map((e) => e.articleId)],
      );
    } catch (err) {
      throw new StoreError(`store: saving fingerprints failed: ${pgErrorReason(err)}`, { cause: err });
    }
  }
}
