/**
 * SQLite implementation of the store (better-sqlite3): WAL, versioned migrations,
 * one transaction per batch, idempotent upsert with revisions.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Article } from '../../model/article.js';
import { StoreError } from '../../util/errors.js';
import type { ArticlePage, ArticleRevision, ListArticlesOptions, OutletCount, Store, UpsertOutcome } from '../store.js';
import {
  articlePageQuery,
  OUTLET_COUNTS_SQL,
  type OutletCountRow,
  REVISIONS_SQL,
  type RevisionRow,
  SQLITE_DIALECT,
  toArticlePage,
  toOutletCounts,
  toRevisions,
} from '../article-queries.js';
import { ARTICLE_COLUMNS, type ArticleRow, articleToParams, rowToArticle } from '../article-row.js';
import { packText } from '../packed-text.js';
import { BUSY_TIMEOUT_MS, sqliteTransaction } from './async-transaction.js';
import { tryNamedLock } from './cluster-lock.js';
import { SqliteFactsStore } from './facts-tables.js';
import { migrations } from './migrations.js';
import { SqliteRetentionTables } from './retention-tables.js';
import { SqliteSearchTables } from './search-tables.js';
import { SqliteSourceStateRepository } from './source-state.js';
import { SqliteStoryStore } from './story-tables.js';

export interface SqliteStoreOptions {
  /** Open an existing database only; never create a file. Default false. */
  mustExist?: boolean;
  /** Open read-only. Default false. */
  readonly?: boolean;
  /** Bytes of the database to open in memory instead of the file (see open-for-reading.ts). */
  image?: Buffer;
}

const COLUMNS = ARTICLE_COLUMNS.join(', ');
const VALUES = ARTICLE_COLUMNS.map((c) => `@${c}`).join(', ');
const UPDATES = ARTICLE_COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = @${c}`)
  .join(', ');

/** Applies the migrations this database has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database): void {
  const version = (): number => db.pragma('user_version', { simple: true }) as number;
  const applied = version();
  if (applied > migrations.length) {
    throw new StoreError(
      `store: database schema version ${applied} is newer than this caixun (${migrations.length}); upgrade caixun`,
    );
  }
  for (let i = applied; i < migrations.length; i++) {
    const step = migrations[i]!;
    // IMMEDIATE, and the version read again under the write lock: two processes opening a new
    // file at once must not both apply a step (the second would find its tables already there).
    db.transaction(() => {
      if (version() !== i) return;
      db.exec(step.sql);
      db.pragma(`user_version = ${i + 1}`);
    }).immediate();
  }
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly path: string;
  #search: SqliteSearchTables | undefined;
  #stories: SqliteStoryStore | undefined;
  private readonly db: Database.Database;
  private readonly stmt;

  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.path = path;
    if (options.mustExist && path !== ':memory:' && !existsSync(path)) {
      throw new StoreError(`store: no database at ${path} (run \`caixun import\` first)`);
    }
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(options.image ?? path, { readonly: options.readonly ?? false });
      // Before switching to WAL: a second process opening a new file at once waits here too.
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      if (!options.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
      }
      if (!options.readonly) migrate(this.db);
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw new StoreError(`store: cannot open ${path}: ${(err as Error).message}`, { cause: err });
    }
    const db = this.db;
    this.stmt = {
      currentHash: db.prepare<[string], { content_hash: string; revision: number }>(
        'SELECT content_hash, revision FROM articles WHERE id = ?',
      ),
      seenRevision: db.prepare<[string, string], { one: number }>(
        'SELECT 1 AS one FROM article_revisions WHERE article_id = ? AND content_hash = ? LIMIT 1',
      ),
      insert: db.prepare(
        `INSERT INTO articles (${COLUMNS}, revision, created_at, updated_at)
         VALUES (${VALUES}, 1, @now, @now)`,
      ),
      update: db.prepare(
        `UPDATE articles SET ${UPDATES}, revision = revision + 1, updated_at = @now WHERE id = @id`,
      ),
      keepRevision: db.prepare(
        `INSERT INTO article_revisions (article_id, revision, content_hash, replaced_at, article_json, article_json_br)
         VALUES (?, ?, ?, ?, '', ?)`,
      ),
      get: db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles'),
      revisions: db.prepare<[string], RevisionRow>(REVISIONS_SQL(SQLITE_DIALECT)),
      iterate: db.prepare<[], ArticleRow>('SELECT * FROM articles ORDER BY id'),
    };
  }

  private readonly upsertBatch = (articles: readonly Article[], now: string): UpsertOutcome[] => {
    const outcomes: UpsertOutcome[] = [];
    for (const article of articles) {
      const current = this.stmt.currentHash.get(article.id);
      // Built only for a row that is written: it compresses the raw input and HTML.
      const params = (): Record<string, unknown> => ({ ...articleToParams(article), now });
      if (!current) {
        this.stmt.insert.run(params());
        outcomes.push('new');
      } else if (
        current.content_hash === article.contentHash ||
        this.stmt.seenRevision.get(article.id, article.contentHash)
      ) {
        outcomes.push('unchanged');
      } else {
        const old = this.stmt.get.get(article.id)!;
        this.stmt.keepRevision.run(
          article.id,
          old.revision,
          old.content_hash,
          now,
          packText(JSON.stringify(rowToArticle(old))),
        );
        this.stmt.update.run(params());
        outcomes.push('updated');
      }
    }
    return outcomes;
  };

  async upsertArticles(articles: readonly Article[]): Promise<UpsertOutcome[]> {
    try {
      // Stamped once the write lock is held (the search step's watermark reads these stamps).
      return await sqliteTransaction(this.db, async () => this.upsertBatch(articles, new Date().toISOString()));
    } catch (err) {
      throw new StoreError(`store: writing ${articles.length} articles failed: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  async getArticle(id: string): Promise<Article | undefined> {
    const row = this.stmt.get.get(id);
    return row ? rowToArticle(row) : undefined;
  }

  async listArticles(options: ListArticlesOptions = {}): Promise<ArticlePage> {
    const q = articlePageQuery(options, SQLITE_DIALECT);
    return toArticlePage(this.db.prepare<unknown[], ArticleRow>(q.sql).all(...q.params), options);
  }

  async countArticlesByOutlet(): Promise<OutletCount[]> {
    return toOutletCounts(this.db.prepare<[], OutletCountRow>(OUTLET_COUNTS_SQL).all());
  }

  async *iterateArticles(): AsyncIterable<Article> {
    for (const row of this.stmt.iterate.iterate()) yield rowToArticle(row);
  }

  async countArticles(): Promise<number> {
    return this.stmt.count.get()!.n;
  }

  async getRevisions(articleId: string): Promise<ArticleRevision[]> {
    return toRevisions(articleId, this.stmt.revisions.all(articleId));
  }

  get location(): string {
    return this.path;
  }

  /**
   * The story tables of this database (clustering state, memberships, candidate index). One
   * handle, so the in-memory candidate index is loaded once per process, not once per clustering
   * run; it reloads when another connection wrote the database since (see lockClustering).
   */
  stories(): SqliteStoryStore {
    this.#stories ??= new SqliteStoryStore(this.db);
    return this.#stories;
  }

  /** The search index of this database (FTS5 table, document map, indexing watermark); one handle, reused by every query. */
  search(): SqliteSearchTables {
    this.#search ??= new SqliteSearchTables(this.db);
    return this.#search;
  }

  /** Dropping raw inputs and deleting old articles (`caixun prune`). */
  retention(): SqliteRetentionTables {
    return new SqliteRetentionTables(this.db);
  }

  /** The numeric claims of this database (tables `fact_claims`, `fact_articles`). */
  facts(): SqliteFactsStore {
    return new SqliteFactsStore(this.db);
  }

  /** Source health and conditional-GET state (table `source_state`). */
  sourceStates(): SqliteSourceStateRepository {
    return new SqliteSourceStateRepository(this.db);
  }

  /** A named lock across processes: a side file's SQLite lock (see cluster-lock.ts). */
  async tryLock(name: string): Promise<(() => Promise<void>) | undefined> {
    const release = tryNamedLock(this.db.name, name, this.db);
    return release === undefined ? undefined : async () => release();
  }

  /**
   * Writers are counted on PostgreSQL only: a SQLite archive has one process storing at a time
   * (an import, or `caixun start`), so registering does nothing and no other writer holds clustering back.
   */
  async registerWriter(): Promise<() => Promise<void>> {
    return async () => undefined;
  }

  async writersHorizon(): Promise<number | undefined> {
    return undefined;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
