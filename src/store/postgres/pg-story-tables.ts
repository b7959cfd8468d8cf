/**
 * The story tables on PostgreSQL: their migration step and {@link PgStoryTables}, the
 * {@link StoryTables} of a `PgStore`. Same tables, rows and results as the SQLite store
 * (src/store/sqlite/story-tables.ts); what differs is that several workers share them.
 *
 * Clustering is serialised across processes: {@link PgStoryTables.lockClustering} takes a
 * session-level advisory lock on one pooled client (waiting for the holder), then brings the
 * in-memory candidate index and the story span bound up to date with what other workers
 * clustered, and re-opens the stories that articles stored late could change, so the stories
 * are those of clustering every article in publication order, whichever worker stored what
 * when (src/store/rewind-plan.ts). While the lock is held every read and write of the repository,
 * the index, `transaction` and the counts goes through that one client; `listStories` and
 * `getStory` (pages) use the pool. What is pending or changed, and the number of stories, are
 * read from the tables triggers keep (pg-story-queues.ts), never counted over the archive.
 */
import type pg from 'pg';
import { dissolveStories, dissolveStoriesOfArticles } from '../../stories/dissolve.js';
import type { StoryState } from '../../stories/story-state.js';
import { StoreError } from '../../util/errors.js';
import { PG_DIALECT, storiesAfterQuery } from '../article-queries.js';
import type { PendingArticleRow, PendingCursor, StoryListPosition, StoryTables } from '../tables.js';
import type { PgMigration } from './migrations.js';
import { PgLshIndex } from './pg-lsh-index.js';
import { PgStoryRepository, PgStorySession } from './pg-story-repository.js';
import { DEFAULT_REWIND_LIMIT } from '../rewind-plan.js';
import { earliest, planRewind, type Position } from './pg-story-rewind.js';
import { unlockAndRelease } from './pg-named-lock.js';
import { type StoredStoryState, storyStateOf } from '../story-state-text.js';

/**
 * Step: the story tables (after articles; search and facts join `story_members`).
 * - `stories`, `story_members`: as on SQLite. Story ids sort bytewise (`COLLATE "C"`, as SQLite
 *   compares them), so listing and the window query order them the same on any database locale.
 * - `story_key_sets` + sequence `story_key_sets_n`: the candidate index, one row per added key
 *   set; numbers come from the sequence so writers never collide (see pg-lsh-index.ts).
 * - `story_key_removals`: the key sets removed (dissolve), numbered from the same sequence, so
 *   other workers replay adds and removals in the order the writer made them; pruned after a day.
 * - `story_index_state`: one row; `generation` is bumped by a wipe, `pruned_through` tells a
 *   worker that fell behind the pruned log to reload.
 */
/** Step: compressed story states, as on SQLite (src/store/story-state-text.ts). */
export const storyStateBrPgMigration: PgMigration = {
  name: 'compressed story states',
  sql: `ALTER TABLE stories ADD COLUMN state_br bytea;`,
};

export const storyTablesPgMigration: PgMigration = {
  name: 'stories, story members and the LSH candidate index',
  sql: `
    CREATE TABLE stories (
      id             text COLLATE "C" PRIMARY KEY,
      first_seen     text,
      -- epoch ms of the state's firstSeen / lastSeen; NULL when no member has a date
      first_seen_ms  bigint,
      last_seen_ms   bigint,
      state          text NOT NULL
    );
    CREATE INDEX stories_by_first_seen ON stories (first_seen_ms DESC NULLS LAST, id DESC);
    CREATE INDEX stories_by_span ON stories ((last_seen_ms - first_seen_ms));

    CREATE TABLE story_members (
      article_id     text PRIMARY KEY,
      story_id       text NOT NULL,
      content_hash   text
    );

    CREATE SEQUENCE story_key_sets_n;
    CREATE TABLE story_key_sets (
      n              bigint PRIMARY KEY,
      -- not indexed: the index is looked up in memory (article id → number), never in SQL
      article_id     text NOT NULL,
      -- little-endian uint32 keys
      keys           bytea NOT NULL
    );

    -- removed key sets, so other workers take them out of memory without reloading
    CREATE TABLE story_key_removals (
      seq            bigint PRIMARY KEY,
      n              bigint NOT NULL,
      article_id     text NOT NULL,
      keys           bytea NOT NULL,
      removed_at     timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX story_key_removals_by_time ON story_key_removals (removed_at);

    CREATE TABLE story_index_state (
      only_row       boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      -- bumped by a wipe: every worker reloads
      generation     bigint NOT NULL,
      -- highest removal pruned from the log: a worker behind it reloads
      pruned_through bigint NOT NULL
    );
    INSERT INTO story_index_state (only_row, generation, pruned_through) VALUES (true, 0, 0);
  `,
};

/** Options of {@link PgStoryTables}. */
export interface PgStoryTablesOptions {
  /**
   * Most clustered articles {@link PgStoryTables.lockClustering} releases to keep clustering in
   * publication order when articles were stored late; beyond it they cluster as late arrivals.
   * Default {@link DEFAULT_REWIND_LIMIT}.
   */
  rewindLimit: number;
}


/** Advisory-lock key (hashed) held while clustering. */
const CLUSTER_LOCK = 'caixun:stories';

/** A pending row with its bigint as a number (whatever the pool's int8 parser). */
function toPendingRow(row: PendingArticleRow): PendingArticleRow {
  return { ...row, sort_ts: Number(row.sort_ts) };
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The story tables of one PostgreSQL database. Obtain it with `PgStore.stories()`.
 *
 * Write only while holding {@link lockClustering} (`transaction`, `dissolveStoriesOf` and
 * `wipe` take it for their own duration when it is not held). One flow of one handle holds the
 * lock at a time; another flow of the same process asking for it waits, as another process does.
 */
export class PgStoryTables implements StoryTables {
  /** Story state for the clusterer. */
  readonly repository: PgStoryRepository;
  /** Candidate index for the clusterer (in memory once the lock is taken). */
  readonly index: PgLshIndex;
  readonly #session: PgStorySession;
  readonly #pool: pg.Pool;
  readonly #rewindLimit: number;
  /**
   * Where this run's clustering starts (inclusive), set by {@link lockClustering}: null when
   * nothing was pending then, undefined when not limited (no lock, or late articles over the
   * rewind limit).
   */
  #floor: Position | null | undefined;
  /** Settles when the flow of this process holding (or waiting for) the lock releases it. */
  #queue: Promise<void> = Promise.resolve();

  /**
   * @param pool - the store's pool, on a database migrated to the story tables.
   * @param options - see {@link PgStoryTablesOptions}.
   */
  constructor(pool: pg.Pool, options: Partial<PgStoryTablesOptions> = {}) {
    this.#pool = pool;
    this.#rewindLimit = options.rewindLimit ?? DEFAULT_REWIND_LIMIT;
    this.#session = new PgStorySession(pool);
    this.repository = new PgStoryRepository(this.#session);
    this.index = new PgLshIndex(this.#session);
  }

  /**
   * Take the clustering lock (waiting for the worker or flow that holds it), load or refresh
   * the candidate index and the span bound, dissolve the stories of changed articles, and
   * re-open the stories that articles other workers stored late could change
   * (src/store/rewind-plan.ts), so clustering what is pending gives the stories one worker would make
   * from the same articles. Call the returned release exactly once, in `finally`.
   */
  async lockClustering(): Promise<() => Promise<void>> {
    const release = await this.#acquire();
    try {
      // Changed articles are clustered again after the others, as on SQLite: their stories are
      // released first and kept out of the rewind, which is for articles stored late.
      const changed = await this.changedArticleIds();
      const released = changed.length === 0 ? [] : await this.transaction(() => this.#dissolveChanged(changed));
      const plan = await planRewind(this.#session, this.#rewindLimit, released);
      if (plan.storyIds.length > 0) await this.transaction(() => this.#dissolve(plan.storyIds));
      const from = earliest(plan.from, await this.#earliestOf(released));
      this.#floor = plan.overLimit ? undefined : (from ?? null);
    } catch (err) {
      await release();
      throw new StoreError(`stories: cannot re-open stories for late articles: ${reason(err)}`, { cause: err });
    }
    return release;
  }

  /** The earliest of these articles in clustering order. */
  async #earliestOf(articleIds: readonly string[]): Promise<Position | undefined> {
    if (articleIds.length === 0) return undefined;
    const { rows } = await this.#session.query<{ sort_ts: unknown; id: string }>(
      'SELECT sort_ts, id FROM articles WHERE id = ANY($1::text[]) ORDER BY sort_ts, id COLLATE "C" LIMIT 1',
      [articleIds],
    );
    const row = rows[0];
    return row === undefined ? undefined : { ts: Number(row.sort_ts), id: row.id };
  }

  /** Take the lock and bring the index and span bound up to date. */
  async #acquire(): Promise<() => Promise<void>> {
    let unlockLocal = (): void => {};
    const previous = this.#queue;
    this.#queue = new Promise<void>((resolve) => (unlockLocal = resolve));
    await previous;
    let client: pg.PoolClient | undefined;
    try {
      client = await this.#pool.connect();
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [CLUSTER_LOCK]);
    } catch (err) {
      client?.release(err instanceof Error ? err : true);
      unlockLocal();
      throw new StoreError(`stories: cannot take the clustering lock: ${reason(err)}`, { cause: err });
    }
    const held = client;
    this.repository.clearCache();
    this.#session.client = held;
    let released = false;
    const release = async (): Promise<void> => {
      if (released) return;
      released = true;
      this.#floor = undefined;
      this.#session.client = undefined;
      this.#session.inTransaction = false;
      this.repository.clearCache();
      await unlockAndRelease(held, CLUSTER_LOCK);
      unlockLocal();
    };
    try {
      await this.index.refresh();
      await this.repository.resetSpanBound();
    } catch (err) {
      await release();
      throw new StoreError(`stories: cannot load the story index: ${reason(err)}`, { cause: err });
    }
    return release;
  }

  /** Run `fn` holding the lock: the current holder's, or one taken for the duration. */
  async #locked<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#session.client !== undefined) return fn();
    const release = await this.#acquire();
    try {
      return await fn();
    } finally {
      await release();
    }
  }

  /**
   * Run `fn` in one transaction on the lock's client (nested calls join the outer one); the
   * index's queued rows are written before COMMIT. On failure: ROLLBACK, the index's memory is
   * dropped and reloaded from the table, and the error is rethrown.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#session.inTransaction) return fn();
    return this.#locked(async () => {
      const session = this.#session;
      await session.query('BEGIN');
      session.inTransaction = true;
      try {
        const result = await fn();
        await this.repository.flush();
        await this.index.flush();
        await session.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await session.query('ROLLBACK');
        } finally {
          session.inTransaction = false;
          this.index.invalidate();
          this.repository.clearCache();
        }
        // Best effort: leave the holder a usable index (its next lock reloads it anyway).
        await this.index.refresh().catch(() => undefined);
        throw err;
      } finally {
        session.inTransaction = false;
      }
    });
  }

  /** Clustered articles whose content changed since (current hash ≠ hash at clustering), by id. */
  async changedArticleIds(): Promise<string[]> {
    if (this.#session.inTransaction) await this.repository.flush();
    // The queue first, then its rows' hashes by key: joined in one query, the planner (which
    // cannot know the queue is small) may hash-join it against every membership.
    const queued = await this.#session.query<{ article_id: string }>('SELECT article_id FROM story_changed');
    if (queued.rows.length === 0) return [];
    const { rows } = await this.#session.query<{ article_id: string }>(
      `SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id
       WHERE m.article_id = ANY($1::text[]) AND m.content_hash IS DISTINCT FROM a.content_hash
       ORDER BY m.article_id COLLATE "C"`,
      [queued.rows.map((r) => r.article_id)],
    );
    return rows.map((r) => r.article_id);
  }

  /**
   * Dissolve the stories these articles belong to: every member becomes pending again, links
   * to the dissolved stories are removed, and the index keys of the changed and released
   * articles are deleted. Returns how many articles were released.
   */
  async dissolveStoriesOf(articleIds: readonly string[]): Promise<number> {
    return this.transaction(async () => {
      return (await this.#dissolveChanged(articleIds)).length;
    });
  }

  /** {@link dissolveStoriesOf} (inside a transaction), returning the released article ids. */
  async #dissolveChanged(articleIds: readonly string[], storyOf?: Map<string, string>): Promise<string[]> {
    return dissolveStoriesOfArticles(this, articleIds, storyOf ?? (await this.repository.storiesOfMany(articleIds)));
  }

  /** Dissolve stories by id (inside a transaction); returns the released article ids. */
  #dissolve(storyIds: readonly string[]): Promise<string[]> {
    return dissolveStories(this, storyIds);
  }

  /**
   * Up to `limit` unclustered articles after `cursor`, in (sort_ts, id) order (ids bytewise).
   * In a clustering run the first page starts where {@link lockClustering} left in-order
   * clustering (empty when nothing was pending then): an article committed since, earlier
   * than that, is its committer's to cluster (see src/store/rewind-plan.ts).
   */
  async pendingAfter(cursor: PendingCursor | null, limit: number): Promise<PendingArticleRow[]> {
    if (this.#session.inTransaction) await this.repository.flush();
    const floor = cursor === null && this.#session.client !== undefined ? this.#floor : undefined;
    if (floor === null) return [];
    const from = cursor ?? floor ?? { ts: Number.MIN_SAFE_INTEGER, id: '' };
    // The floor is inclusive, a cursor (the last row of the previous page) is not. Rows carry
    // the queue's sort_ts, so the next page's cursor is a position in the queue's own order.
    const op = floor !== undefined ? '>=' : '>';
    const { rows } = await this.#session.query<PendingArticleRow>(
      `SELECT a.id, p.sort_ts, a.title, a.text, a.body_br, a.published_at, a.outlet_key, a.provenance
       FROM story_pending p JOIN articles a ON a.id = p.article_id
       WHERE (p.sort_ts, p.article_id COLLATE "C") ${op} ($1::bigint, $2::text)
       ORDER BY p.sort_ts, p.article_id COLLATE "C" LIMIT $3`,
      [from.ts, from.id, limit],
    );
    return rows.map(toPendingRow);
  }

  /** A count, on the lock's client while this handle holds it (a pool of one must not deadlock). */
  async #count(sql: string): Promise<number> {
    if (this.#session.inTransaction) await this.repository.flush();
    const { rows } = await this.#session.query<{ n: unknown }>(sql);
    return Number(rows[0]?.n ?? 0);
  }

  /** Number of articles not clustered yet. */
  countPending(): Promise<number> {
    return this.#count('SELECT count(*) AS n FROM story_pending');
  }

  /** Number of stories (kept in `story_count`: see pg-story-queues.ts). */
  countStories(): Promise<number> {
    return this.#count('SELECT n FROM story_count');
  }

  /** Number of clustered articles (rows of `story_members`). */
  countMembers(): Promise<number> {
    return this.#count('SELECT count(*) AS n FROM story_members');
  }

  /** The newest stories first (by first seen; undated last, then id descending). */
  async listStories(limit: number): Promise<StoryState[]> {
    const { rows } = await this.#pool.query<StoredStoryState>(
      'SELECT state, state_br FROM stories ORDER BY first_seen_ms DESC NULLS LAST, id DESC LIMIT $1',
      [limit],
    );
    return rows.map(storyStateOf);
  }
  /** Up to `limit` stories after a position, in {@link listStories} order. */
  async listStoriesAfter(after: StoryListPosition, limit: number): Promise<StoryState[]> {
    const q = storiesAfterQuery(after, limit, PG_DIALECT);
    const { rows } = await this.#pool.query<StoredStoryState>(q.sql, q.params);
    return rows.map(storyStateOf);
  }


  /** One story by id. */
  async getStory(id: string): Promise<StoryState | undefined> {
    const { rows } = await this.#pool.query<StoredStoryState>('SELECT state, state_br FROM stories WHERE id = $1', [id]);
    const row = rows[0];
    return row === undefined ? undefined : storyStateOf(row);
  }

  /** Delete every story, membership and index key (before a full recluster). */
  async wipe(): Promise<void> {
    await this.transaction(async () => {
      // Unsent writes of this transaction would come back after the deletes.
      this.repository.clearCache();
      await this.#session.query('DELETE FROM stories');
      await this.#session.query('DELETE FROM story_members');
      await this.index.wipe();
    });
    // Nothing is clustered any more: the whole archive is in order from its start.
    this.#floor = undefined;
    await this.repository.resetSpanBound();
  }
}
