/**
 * PostgreSQL implementation of the store (pg): one connection pool per store, the plain-SQL
 * steps of migrations.ts applied once under an advisory lock (several workers may start at
 * once), one transaction per upserted batch, keyset pagination, and the derived tables beside
 * the articles. Behaves as the SQLite store does: same outcomes, same errors.
 */
import type pg from 'pg';
import type { Article } from '../../model/article.js';
import { StoreError } from '../../util/errors.js';
import {
  articlePageQuery,
  OUTLET_COUNTS_SQL,
  type OutletCountRow,
  PG_DIALECT,
  REVISIONS_SQL,
  type RevisionRow,
  toArticlePage,
  toOutletCounts,
  toRevisions,
} from '../article-queries.js';
import { type ArticleRow, batchReach, rowToArticle } from '../article-row.js';
import type { ArticlePage, ArticleRevision, ListArticlesOptions, OutletCount, Store, UpsertOutcome } from '../store.js';
import { pgMigrations } from './migrations.js';
import { upsertArticleRows } from './pg-article-rows.js';
import { PgFactsTables } from './pg-facts-tables.js';
import { pgWritersHorizon, registerPgWriter, tryPgLock, type PgWriter } from './pg-named-lock.js';
import { connectError, createPgPool, parsePgUrl, pgErrorReason, type PgTarget, withPgTransaction } from './pg-pool.js';
import { PgRetentionTables } from './pg-retention-tables.js';
import { PgSearchTables } from './pg-search-tables.js';
import { PgSourceStateRepository } from './pg-source-state.js';
import { PgStoryTables } from './pg-story-tables.js';

/** Options of {@link PgStore.open}. */
export interface PgStoreOptions {
  /** The caixun schema must already be there (never create it). Default false. */
  mustExist?: boolean;
  /** Only read: never migrate (implies `mustExist`). Default false. */
  readonly?: boolean;
}

/** Advisory-lock key (hashed) held while migrating, so concurrent starts migrate once. */
const MIGRATION_LOCK = 'caixun:schema-migrations';
/** Rows per round trip of {@link PgStore.iterateArticles}. */
const ITERATE_BATCH = 500;

async function schemaVersion(client: pg.PoolClient): Promise<number | undefined> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (exists.rows[0]?.t == null) return undefined;
  const { rows } = await client.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}

function checkNotNewer(version: number): void {
  if (version > pgMigrations.length) {
    throw new StoreError(
      `store: database schema version ${version} is newer than this caixun (${pgMigrations.length}); upgrade caixun`,
    );
  }
}

/** Apply the steps not applied yet, each in its own transaction, under the migration lock. */
async function migrate(client: pg.PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = (await schemaVersion(client)) ?? 0;
    checkNotNewer(applied);
    for (let i = applied; i < pgMigrations.length; i++) {
      const step = pgMigrations[i]!;
      try {
        await client.query('BEGIN');
        await client.query(step.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [i + 1, step.name]);
        await client.query('COMMIT');
      } catch (err) {
        // A broken connection cannot roll back; the server does it when the session ends.
        await client.query('ROLLBACK').catch(() => undefined);
        throw new StoreError(`store: migration step ${i + 1} (${step.name}) failed: ${pgErrorReason(err)}`, { cause: err });
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]);
  }
}

async function prepareSchema(pool: pg.Pool, target: PgTarget, options: PgStoreOptions): Promise<void> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    throw connectError(target, err);
  }
  let failure: Error | undefined;
  try {
    const version = await schemaVersion(client);
    if (version === undefined && (options.mustExist || options.readonly)) {
      throw new StoreError(
        `store: no database at ${target.redacted} (run \`caixun import\` or \`caixun migrate\` first)`,
      );
    }
    checkNotNewer(version ?? 0);
    if (!options.readonly && version !== pgMigrations.length) await migrate(client);
  } catch (err) {
    failure = err as Error;
    if (err instanceof StoreError) throw err;
    throw new StoreError(`store: cannot open ${target.redacted}: ${pgErrorReason(err, target.connectionString)}`, {
      cause: err,
    });
  } finally {
    // A connection that failed mid-migration may hold a lock or an aborted transaction: drop it.
    client.release(failure);
  }
}

/**
 * A caixun archive in a PostgreSQL database. Open it with {@link PgStore.open} (or `openStore`
 * with a `postgres://` URL); close it to end the pool.
 */
export class PgStore implements Store {
  readonly kind = 'postgres' as const;
  /** The URL without its password. */
  readonly location: string;
  /** The store's connection pool, for the derived tables and tools such as `caixun migrate`. */
  readonly pool: pg.Pool;
  #closed = false;
  #stories: PgStoryTables | undefined;
  #search: PgSearchTables | undefined;
  #facts: PgFactsTables | undefined;
  #sourceStates: PgSourceStateRepository | undefined;
  #writer: PgWriter | undefined;

  private constructor(pool: pg.Pool, location: string) {
    this.pool = pool;
    this.location = location;
  }

  /**
   * Connect and bring the schema up to date. `url` may carry `pool=N` (connections, default 10).
   *
   * @example
   * const store = await PgStore.open('postgres://caixun@127.0.0.1/caixun?pool=4');
   */
  static async open(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
    const target = parsePgUrl(url);
    const pool = createPgPool(target);
    try {
      await prepareSchema(pool, target, options);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    return new PgStore(pool, target.redacted);
  }

  async upsertArticles(articles: readonly Article[]): Promise<UpsertOutcome[]> {
    if (articles.length === 0) return [];
    const now = new Date().toISOString();
    try {
      const outcomes = await withPgTransaction(this.pool, (client) => upsertArticleRows(client, articles, now));
      // The batch is stored: a mark that fails only goes stale (others stop waiting after a minute).
      await this.#writer?.mark(batchReach(articles)).catch(() => undefined);
      return outcomes;
    } catch (err) {
      throw new StoreError(`store: writing ${articles.length} articles failed: ${pgErrorReason(err)}`, { cause: err });
    }
  }

  async getArticle(id: string): Promise<Article | undefined> {
    const { rows } = await this.#query<ArticleRow>('SELECT * FROM articles WHERE id = $1', [id]);
    return rows[0] ? rowToArticle(rows[0]) : undefined;
  }

  async listArticles(options: ListArticlesOptions = {}): Promise<ArticlePage> {
    const q = articlePageQuery(options, PG_DIALECT);
    return toArticlePage((await this.#query<ArticleRow>(q.sql, q.params)).rows, options);
  }

  async countArticlesByOutlet(): Promise<OutletCount[]> {
    return toOutletCounts((await this.#query<OutletCountRow>(OUTLET_COUNTS_SQL)).rows);
  }

  /** Every article in id order, read in keyset batches (no transaction held between them). */
  async *iterateArticles(): AsyncIterable<Article> {
    let after: string | undefined;
    for (;;) {
      const { rows } = await this.#query<ArticleRow>(
        after === undefined
          ? 'SELECT * FROM articles ORDER BY id LIMIT $1'
          : 'SELECT * FROM articles WHERE id > $2 ORDER BY id LIMIT $1',
        after === undefined ? [ITERATE_BATCH] : [ITERATE_BATCH, after],
      );
      for (const row of rows) yield rowToArticle(row);
      if (rows.length < ITERATE_BATCH) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  async countArticles(): Promise<number> {
    const { rows } = await this.#query<{ n: number }>('SELECT count(*) AS n FROM articles');
    return rows[0]?.n ?? 0;
  }

  async getRevisions(articleId: string): Promise<ArticleRevision[]> {
    const { rows } = await this.#query<RevisionRow>(REVISIONS_SQL(PG_DIALECT), [articleId]);
    return toRevisions(articleId, rows);
  }

  /** The story tables (clustering state, memberships, candidate index); one handle per store. */
  stories(): PgStoryTables {
    this.#stories ??= new PgStoryTables(this.pool);
    return this.#stories;
  }

  /** The search index; one handle per store. */
  search(): PgSearchTables {
    this.#search ??= new PgSearchTables(this.pool);
    return this.#search;
  }

  /** Dropping raw inputs and deleting old articles (`caixun prune`). */
  retention(): PgRetentionTables {
    return new PgRetentionTables(this.pool);
  }

  /** The numeric claims (tables `fact_claims`, `fact_articles`). */
  facts(): PgFactsTables {
    this.#facts ??= new PgFactsTables(this.pool);
    return this.#facts;
  }

  /** Source health, conditional-GET state and content fingerprints. */
  sourceStates(): PgSourceStateRepository {
    this.#sourceStates ??= new PgSourceStateRepository(this.pool);
    return this.#sourceStates;
  }

  /** A named lock across processes: an advisory lock on a held connection (pg-named-lock.ts). */
  async tryLock(name: string): Promise<(() => Promise<void>) | undefined> {
    return tryPgLock(this.pool, name);
  }

  /** Join the writers' registry (pg-named-lock.ts); each stored batch then says how far it reached. */
  async registerWriter(): Promise<() => Promise<void>> {
    const writer = this.#writer ?? (await registerPgWriter(this.pool));
    this.#writer = writer;
    return async () => {
      if (this.#writer === writer) this.#writer = undefined;
      await writer.leave();
    };
  }

  /** The earliest position other writers' latest batches reached (pg-named-lock.ts). */
  async writersHorizon(freshSeconds: number): Promise<number | undefined> {
    return pgWritersHorizon(this.pool, this.#writer?.pid, freshSeconds);
  }

  /** End the pool (waits for checked-out clients); calling it again does nothing. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#writer?.leave();
    await this.pool.end();
  }

  async #query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (err) {
      throw new StoreError(`store: reading ${this.location} failed: ${pgErrorReason(err)}`, { cause: err });
    }
  }
}
