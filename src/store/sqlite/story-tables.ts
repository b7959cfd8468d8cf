/**
 * The story tables: their migration (step 2 of migrations.ts) and {@link SqliteStoryStore}, the
 * handle the stories stage and the CLI use to read and write them in one database with the
 * articles.
 */
import type Database from 'better-sqlite3';
import type { StoryState } from '../../stories/story-state.js';
import type { Migration } from './migrations.js';
import { SqliteLshIndex } from './sqlite-lsh-index.js';
import { SqliteStoryRepository } from './sqlite-story-repository.js';

/**
 * Migration step 2.
 * - `stories`: one row per story; `state` is the clusterer's JSON {@link StoryState};
 *   first/last seen as epoch ms, indexed for the same-event window query and for listing.
 * - `story_members`: article → story, with the article's content hash when it was clustered
 *   (an article whose current hash differs has changed and is clustered again).
 * - `story_keys`: the LSH candidate index (band, paragraph, exact and figure keys): one row
 *   per key, rowid = the key's signed 64-bit hash, `ids` = JSON array of the newest article
 *   numbers under it (oldest first, at most `maxPerKey`).
 * - `story_key_articles`: the dense article numbers of `story_keys.ids` ↔ article ids.
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

/** Page cache (KiB) of a connection that clusters: 1 GiB (the key index at ~1 M articles). */
const STORY_CACHE_KIB = 1_048_576;

/** An article waiting to be clustered: the columns the clusterer reads. */
export interface PendingArticleRow {
  id: string;
  sort_ts: number;
  title: string;
  text: string;
  published_at: string | null;
  outlet_key: string;
  /** JSON of `Article.provenance`. */
  provenance: string;
}

/** Keyset position in (sort_ts, id) order. */
export interface PendingCursor {
  ts: number;
  id: string;
}

/** The story tables of one SQLite database. Obtain it with `SqliteStore.stories()`. */
export class SqliteStoryStore {
  /** Story state for the clusterer. */
  readonly repository: SqliteStoryRepository;
  /** Candidate index for the clusterer. */
  readonly index: SqliteLshIndex;
  readonly #db: Database.Database;
  readonly #stmt;

  /** @param db - an open database migrated to the story tables. */
  constructor(db: Database.Database) {
    this.#db = db;
    // Clustering looks up ~50 random keys per article: give the connection a page cache large
    // enough for the key index's inner pages (an upper bound, allocated only as used).
    db.pragma(`cache_size = -${STORY_CACHE_KIB}`);
    this.repository = new SqliteStoryRepository(db);
    this.index = new SqliteLshIndex(db);
    this.#stmt = {
      changed: db
        .prepare<[], string>(
          `SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id
           WHERE m.content_hash IS NOT a.content_hash ORDER BY m.article_id`,
        )
        .pluck(),
      pending: db.prepare<{ ts: number; id: string; limit: number }, PendingArticleRow>(
        `SELECT a.id, a.sort_ts, a.title, a.text, a.published_at, a.outlet_key, a.provenance
         FROM articles a
         WHERE (a.sort_ts > @ts OR (a.sort_ts = @ts AND a.id > @id))
           AND NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)
         ORDER BY a.sort_ts, a.id LIMIT @limit`,
      ),
      countPending: db
        .prepare<[], number>(
          `SELECT count(*) FROM articles a
           WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)`,
        )
        .pluck(),
      countStories: db.prepare<[], number>('SELECT count(*) FROM stories').pluck(),
      countMembers: db.prepare<[], number>('SELECT count(*) FROM story_members').pluck(),
      list: db.prepare<[number], { state: string }>(
        'SELECT state FROM stories ORDER BY first_seen_ms DESC, id DESC LIMIT ?',
      ),
    };
  }

  /** Run `fn` in one transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }

  /** Clustered articles whose content changed since (current hash ≠ hash at clustering), by id. */
  changedArticleIds(): string[] {
    return this.#stmt.changed.all();
  }

  /**
   * Dissolve the stories these articles belong to: every member becomes pending again, links
   * to the dissolved stories are removed. Returns how many articles were released. Stale index
   * keys of changed articles stay until evicted: they can only add candidates, never join.
   */
  dissolveStoriesOf(articleIds: readonly string[]): number {
    return this.transaction(() => {
      let released = 0;
      const storyIds = new Set<string>();
      for (const id of articleIds) {
        const s = this.repository.storyOf(id);
        if (s !== undefined) storyIds.add(s);
        else this.repository.unassign(id);
      }
      for (const storyId of [...storyIds].sort()) {
        const state = this.repository.get(storyId);
        if (state === undefined) continue;
        for (const m of state.members) {
          this.repository.unassign(m.id);
          released++;
        }
        for (const relatedId of state.relatedIds) {
          const other = this.repository.get(relatedId);
          if (other === undefined) continue;
          this.repository.put({ ...other, relatedIds: other.relatedIds.filter((r) => r !== storyId) });
        }
        this.repository.remove(storyId);
      }
      return released;
    });
  }

  /** Up to `limit` unclustered articles after `cursor`, in (sort_ts, id) order. */
  pendingAfter(cursor: PendingCursor | null, limit: number): PendingArticleRow[] {
    return this.#stmt.pending.all({
      ts: cursor?.ts ?? Number.MIN_SAFE_INTEGER,
      id: cursor?.id ?? '',
      limit,
    });
  }

  /** Number of articles not clustered yet. */
  countPending(): number {
    return this.#stmt.countPending.get() ?? 0;
  }

  /** Number of stories. */
  countStories(): number {
    return this.#stmt.countStories.get() ?? 0;
  }

  /** Number of clustered articles (rows of `story_members`). */
  countMembers(): number {
    return this.#stmt.countMembers.get() ?? 0;
  }

  /** The newest stories first (by first seen; undated last, then id descending). */
  listStories(limit: number): StoryState[] {
    return this.#stmt.list.all(limit).map((r) => JSON.parse(r.state) as StoryState);
  }

  /** One story by id. */
  getStory(id: string): StoryState | undefined {
    return this.repository.get(id);
  }

  /** Delete every story, membership and index key (before a full recluster). */
  wipe(): void {
    this.transaction(() => {
      this.#db.exec('DELETE FROM stories; DELETE FROM story_members;');
      this.index.clear();
    });
    this.repository.resetSpanBound();
  }
}
