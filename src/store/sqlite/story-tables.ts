/**
 * The story tables: their migrations (step 2, `storyKeySetsMigration` and `storyStateBrMigration`
 * in migrations.ts; the queues of what is pending in story-queues.ts) and
 * {@link SqliteStoryStore}, the handle the stories stage and the CLI use to read and write them
 * in one database with the articles.
 */
import type Database from 'better-sqlite3';
import { dissolveStories, dissolveStoriesOfArticles } from '../../stories/dissolve.js';
import type { StoryState } from '../../stories/story-state.js';
import { DEFAULT_REWIND_LIMIT, planRewind, type RewindQueries } from '../rewind-plan.js';
import { SQLITE_DIALECT, storiesAfterQuery } from '../article-queries.js';
import type { PendingArticleRow, PendingCursor, StoryListPosition, StoryTables } from '../tables.js';
import type { Migration } from './migrations.js';
import { sqliteTransaction } from './async-transaction.js';
import { acquireClusterLock } from './cluster-lock.js';
import { SqliteLshIndex } from './sqlite-lsh-index.js';
import { SqliteStoryRepository } from './sqlite-story-repository.js';
import { type StoredStoryState, storyStateOf } from '../story-state-text.js';

/**
 * Migration step 2.
 * - `stories`: one row per story; `state` is the clusterer's JSON {@link StoryState};
 *   first/last seen as epoch ms, indexed for the same-event window query and for listing.
 * - `story_members`: article → story, with the article's content hash when it was clustered
 *   (an article whose current hash differs has changed and is clustered again).
 * - `story_keys`, `story_key_articles`: the first LSH candidate index, replaced by
 *   `story_key_sets` by {@link storyKeySetsMigration}.
 */
export const storyTablesMigration: Migration = {
  name: 'stories, story members and the LSH candidate index',
  sql: `
    CREATE TABLE stories (
      id             TEXT PRIMARY KEY,
      first_seen     TEXT,
      -- epoch ms of the state's firstSeen / lastSeen; NULL when no member has a date
      first_seen_ms  INTEGER,
      last_seen_ms   INTEGER,
      state          TEXT NOT NULL
    ) STRICT;
    CREATE INDEX stories_by_first_seen ON stories (first_seen_ms, id);
    CREATE INDEX stories_by_span ON stories (last_seen_ms - first_seen_ms);

    CREATE TABLE story_members (
      article_id     TEXT PRIMARY KEY,
      story_id       TEXT NOT NULL,
      content_hash   TEXT
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE story_keys (
      key            INTEGER PRIMARY KEY,
      ids            TEXT NOT NULL
    ) STRICT;

    CREATE TABLE story_key_articles (
      n              INTEGER PRIMARY KEY,
      id             TEXT NOT NULL UNIQUE
    ) STRICT;
  `,
};

/**
 * Migration step appended after step 2 had shipped (see its place in migrations.ts): the
 * candidate index becomes one row per article (`story_key_sets`: dense number, article id, keys
 * as a BLOB of little-endian uint32s) that {@link SqliteLshIndex} loads into memory, replacing
 * the per-key tables of step 2. Keys are now 32-bit numbers, figure keys are bucketed by story
 * window and bigrams are stored unhashed, so the stored keys and story states of step 2 are
 * stale: every story is deleted and every article becomes pending, to be clustered again by the
 * next import (or `caixun recluster`).
 */
/**
 * Migration step: a story state is written compressed to `state_br` (story-state-text.ts), with
 * `state` left ''; rows written before keep their JSON in `state` and are read as before.
 */
export const storyStateBrMigration: Migration = {
  name: 'compressed story states',
  sql: `ALTER TABLE stories ADD COLUMN state_br BLOB;`,
};

export const storyKeySetsMigration: Migration = {
  name: 'story candidate index as one key set per article (stories rebuilt)',
  sql: `
    DROP TABLE story_keys;
    DROP TABLE story_key_articles;
    DELETE FROM story_members;
    DELETE FROM stories;
    CREATE TABLE story_key_sets (
      n              INTEGER PRIMARY KEY,
      -- not indexed: the index is looked up in memory (article id → number), never in SQL
      article_id     TEXT NOT NULL,
      keys           BLOB NOT NULL
    ) STRICT;
  `,
};

/** {@link RewindQueries} on SQLite (TEXT compares bytewise, as the rewind expects). */
function sqliteRewindQueries(db: Database.Database): RewindQueries {
  const earliestPending = db.prepare<[string], { sort_ts: number; id: string }>(
    `SELECT p.sort_ts, p.article_id AS id FROM story_pending p
     WHERE p.article_id NOT IN (SELECT value FROM json_each(?))
     ORDER BY p.sort_ts, p.article_id LIMIT 1`,
  );
  const after = db
    .prepare<{ ts: number; id: string }, string>(
      `SELECT DISTINCT m.story_id FROM story_members m JOIN articles a ON a.id = m.article_id
       WHERE a.sort_ts > @ts OR (a.sort_ts = @ts AND a.id > @id)`,
    )
    .pluck();
  const earliestMember = db.prepare<[string], { sort_ts: number; id: string; members: number }>(
    `SELECT a.sort_ts, a.id, count(*) OVER () AS members FROM story_members m JOIN articles a ON a.id = m.article_id
     WHERE m.story_id IN (SELECT value FROM json_each(?)) ORDER BY a.sort_ts, a.id LIMIT 1`,
  );
  return {
    async earliestPending(except) {
      const row = earliestPending.get(JSON.stringify(except));
      return row === undefined ? undefined : { ts: row.sort_ts, id: row.id };
    },
    async storiesWithMemberAfter(point) {
      return after.all(point);
    },
    async earliestMember(storyIds) {
      const row = earliestMember.get(JSON.stringify(storyIds));
      return row === undefined ? undefined : { position: { ts: row.sort_ts, id: row.id }, members: row.members };
    },
  };
}

/** The story tables of one SQLite database. Obtain it with `SqliteStore.stories()`. */
export class SqliteStoryStore implements StoryTables {
  /** Story state for the clusterer. */
  readonly repository: SqliteStoryRepository;
  /** Candidate index for the clusterer. */
  readonly index: SqliteLshIndex;
  readonly #db: Database.Database;
  readonly #stmt;
  readonly #rewindQueries: RewindQueries;
  readonly #rewindLimit: number;
  /** `PRAGMA data_version` when this handle last finished clustering (undefined: never). */
  #dataVersion: number | undefined;

  /**
   * @param db - an open database migrated to the story tables.
   * @param options.rewindLimit - most articles re-opened for late arrivals (more: they cluster late).
   */
  constructor(db: Database.Database, options: { rewindLimit?: number } = {}) {
    this.#db = db;
    this.#rewindLimit = options.rewindLimit ?? DEFAULT_REWIND_LIMIT;
    this.#rewindQueries = sqliteRewindQueries(db);
    this.repository = new SqliteStoryRepository(db);
    this.index = new SqliteLshIndex(db);
    this.#stmt = {
      changed: db
        .prepare<[], string>(
          `SELECT c.article_id FROM story_changed c
           JOIN story_members m ON m.article_id = c.article_id JOIN articles a ON a.id = c.article_id
           WHERE m.content_hash IS NOT a.content_hash ORDER BY c.article_id`,
        )
        .pluck(),
      pending: db.prepare<{ ts: number; id: string; limit: number }, PendingArticleRow>(
        `SELECT a.id, p.sort_ts, a.title, a.text, a.body_br, a.published_at, a.outlet_key, a.provenance
         FROM story_pending p CROSS JOIN articles a ON a.id = p.article_id
         WHERE (p.sort_ts, p.article_id) > (@ts, @id)
         ORDER BY p.sort_ts, p.article_id LIMIT @limit`,
      ),
      countPending: db
        .prepare<[], number>(
          'SELECT count(*) FROM story_pending',
        )
        .pluck(),
      countStories: db.prepare<[], number>('SELECT count(*) FROM stories').pluck(),
      countMembers: db.prepare<[], number>('SELECT count(*) FROM story_members').pluck(),
      list: db.prepare<[number], StoredStoryState>(
        'SELECT state, state_br FROM stories ORDER BY first_seen_ms DESC, id DESC LIMIT ?',
      ),
    };
  }

  /**
   * One process clusters a SQLite database at a time (a lock file, cluster-lock.ts). Articles
   * stored late (a poll or an import bringing older articles after newer ones were clustered)
   * re-open the stories they could change, as on PostgreSQL (src/store/rewind-plan.ts), so the
   * stories are those of clustering every article in publication order. Articles whose text
   * changed are released first and cluster again after the others.
   */
  async lockClustering(): Promise<() => Promise<void>> {
    // Two processes on one file (two `caixun import`s, an import beside `caixun start`) cluster
    // one after the other: the second waits here, then re-opens what the first left behind.
    const unlock = await acquireClusterLock(this.#db.name);
    try {
      // PRAGMA data_version changes when ANOTHER connection commits: then the in-memory index
      // and the span bound may be stale.
      const version = this.#db.pragma('data_version', { simple: true }) as number;
      if (version !== this.#dataVersion) {
        this.index.invalidate();
        this.repository.resetSpanBound();
      }
      const changed = await this.changedArticleIds();
      const released = changed.length === 0 ? [] : await this.transaction(() => this.#dissolveOf(changed));
      const plan = await planRewind(this.#rewindQueries, this.#rewindLimit, released);
      if (plan.storyIds.length > 0) await this.transaction(async () => void (await this.#releaseStories(plan.storyIds)));
    } catch (err) {
      unlock();
      throw err;
    }
    return async () => {
      this.#dataVersion = this.#db.pragma('data_version', { simple: true }) as number;
      unlock();
    };
  }

  /**
   * Run `fn` in one transaction (see async-transaction.ts). When it fails, the index's in-memory
   * copy is dropped so it cannot keep keys the rollback removed from the table.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    return sqliteTransaction(this.#db, fn, () => this.index.invalidate());
  }

  /** Clustered articles whose content changed since (current hash ≠ hash at clustering), by id. */
  async changedArticleIds(): Promise<string[]> {
    return this.#stmt.changed.all();
  }

  /**
   * Dissolve the stories these articles belong to: every member becomes pending again, links
   * to the dissolved stories are removed, and the index keys of the changed and released
   * articles are deleted (they are added again when those articles are clustered again).
   * Returns how many articles were released.
   */
  async dissolveStoriesOf(articleIds: readonly string[]): Promise<number> {
    return this.transaction(async () => (await this.#dissolveOf(articleIds)).length);
  }

  /** {@link dissolveStoriesOf} inside the caller's transaction; returns the released article ids. */
  #dissolveOf(articleIds: readonly string[]): Promise<string[]> {
    const storyOf = new Map<string, string>();
    for (const id of articleIds) {
      const s = this.repository.storyOf(id);
      if (s !== undefined) storyOf.set(id, s);
    }
    return dissolveStoriesOfArticles(this, articleIds, storyOf);
  }

  /** Delete these stories: members pending again, their keys and the links to them gone. */
  #releaseStories(storyIds: readonly string[]): Promise<string[]> {
    return dissolveStories(this, storyIds);
  }

  /** Up to `limit` unclustered articles after `cursor`, in (sort_ts, id) order. */
  async pendingAfter(cursor: PendingCursor | null, limit: number): Promise<PendingArticleRow[]> {
    return this.#stmt.pending
      .all({
        ts: cursor?.ts ?? Number.MIN_SAFE_INTEGER,
        id: cursor?.id ?? '',
        limit,
      });
  }

  /** Number of articles not clustered yet. */
  async countPending(): Promise<number> {
    return this.#stmt.countPending.get() ?? 0;
  }

  /** Number of stories. */
  async countStories(): Promise<number> {
    return this.#stmt.countStories.get() ?? 0;
  }

  /** Number of clustered articles (rows of `story_members`). */
  async countMembers(): Promise<number> {
    return this.#stmt.countMembers.get() ?? 0;
  }

  /** The newest stories first (by first seen; undated last, then id descending). */
  async listStories(limit: number): Promise<StoryState[]> {
    return this.#stmt.list.all(limit).map(storyStateOf);
  }

  /** Up to `limit` stories after a position, in {@link listStories} order. */
  async listStoriesAfter(after: StoryListPosition, limit: number): Promise<StoryState[]> {
    const q = storiesAfterQuery(after, limit, SQLITE_DIALECT);
    return this.#db
      .prepare<unknown[], StoredStoryState>(q.sql)
      .all(...q.params)
      .map(storyStateOf);
  }

  /** One story by id. */
  async getStory(id: string): Promise<StoryState | undefined> {
    return this.repository.get(id);
  }

  /** Delete every story, membership and index key (before a full recluster). */
  async wipe(): Promise<void> {
    await this.transaction(async () => {
      this.#db.exec('DELETE FROM stories; DELETE FROM story_members;');
      this.index.clear();
    });
    this.repository.resetSpanBound();
  }
}
