/**
 * The clusterer's story state ({@link StoryRepository}) in PostgreSQL, over the same two tables
 * as SQLite (see pg-story-tables.ts): `stories` (JSON state beside first/last seen in epoch ms)
 * and `story_members` (article → story, with the article's content hash when it was clustered).
 *
 * Every call is one round trip on the {@link PgStorySession}'s current connection: the client
 * that holds the clustering lock (and its open transaction) while clustering, else the pool.
 * While the lock is held this worker is the only writer, so story states and memberships read
 * or written are cached for the run: the clusterer asks for every candidate story by id right
 * after the window query returned it, which was 22 of ~30 round trips per clustered article.
 */
import type pg from 'pg';
import type { StoryRepository, StoryState } from '../../stories/story-state.js';
import { type StoredStoryState, storedStoryState, storyStateOf } from '../story-state-text.js';

/**
 * Where the story tables' queries go: the client holding the clustering lock while one is held
 * (so every read and write of a clustering run is on one connection, inside its transactions),
 * else the pool. Shared by the repository, the index and the tables of one store.
 */
export class PgStorySession {
  /** The store's pool. */
  readonly pool: pg.Pool;
  /** The client holding the clustering lock, while one is held. */
  client: pg.PoolClient | undefined;
  /** Whether a transaction is open on {@link client}. */
  inTransaction = false;

  /** @param pool - the store's pool (int8 parsed as numbers or not: both are handled). */
  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  /** Run one statement on the current connection. */
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    return (this.client ?? this.pool).query<R>(text, values);
  }
}

/** Epoch ms of an ISO time, null when absent or unparsable (as the SQLite repository stores it). */
export function epochMs(iso: string | null): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** Most story states (and, ×10, memberships) cached in one run; the oldest go first. */
const CACHE_LIMIT = 20_000;

/** Set `key` in a bounded cache, dropping the oldest entries beyond `limit`. */
function remember<V>(cache: Map<string, V>, key: string, value: V, limit: number): void {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > limit) {
    const oldest = cache.keys().next();
    if (oldest.done === true) break;
    cache.delete(oldest.value);
  }
}

/** A nullable bigint column as a number (pools that keep int8 as strings included). */
function toNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** A story write waiting for the transaction's end: the row, or null to delete it. */
interface PendingStory {
  stored: StoredStoryState;
  first: string | null;
  firstMs: number | null;
  lastMs: number | null;
}

/** Rows per multi-row statement when flushing. */
const WRITE_CHUNK = 500;

/** Compare ids bytewise as PostgreSQL's "C" collation and SQLite do (ids are ASCII or BMP). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * {@link StoryRepository} over the PostgreSQL story tables. Run it inside
 * `PgStoryTables.transaction` to make a batch atomic, and only while holding
 * `PgStoryTables.lockClustering()` when it writes: the lock holder is the only writer.
 *
 * Inside a transaction, writes are kept in memory (the last write of each story and each
 * membership) and sent by {@link flush} as a few multi-row statements before COMMIT; every
 * read of this repository sees them. Outside one, each write is sent at once.
 *
 * @example
 * const tables = store.stories();
 * const release = await tables.lockClustering();
 * const clusterer = new StoryClusterer({ repository: tables.repository, index: tables.index });
 */
export class PgStoryRepository implements StoryRepository {
  readonly #session: PgStorySession;
  /**
   * Upper bound of (lastSeen − firstSeen) over all stories, so the window query can use the
   * first-seen index (see SqliteStoryRepository). Another worker may have stored a longer story:
   * {@link resetSpanBound} re-reads it whenever the clustering lock is taken.
   */
  #maxSpanMs = 0;
  /** Story id → stored state, or null when absent (only while the lock is held). */
  readonly #states = new Map<string, StoredStoryState | null>();
  /** Article id → story id, or null when not clustered (only while the lock is held). */
  readonly #memberships = new Map<string, string | null>();
  /** Story writes of the open transaction (null: delete). */
  #pendingStories = new Map<string, PendingStory | null>();
  /** Membership writes of the open transaction (null: delete). */
  #pendingMembers = new Map<string, string | null>();

  /** @param session - the connection routing shared with the index and the tables. */
  constructor(session: PgStorySession) {
    this.#session = session;
  }

  /** Forget the run's cache and unsent writes (the lock was taken or released, or a rollback). */
  clearCache(): void {
    this.#states.clear();
    this.#memberships.clear();
    this.#pendingStories = new Map();
    this.#pendingMembers = new Map();
  }

  get #caching(): boolean {
    return this.#session.client !== undefined;
  }

  get #deferring(): boolean {
    return this.#session.inTransaction;
  }

  #cacheState(storyId: string, stored: StoredStoryState | null): void {
    if (this.#caching) remember(this.#states, storyId, stored, CACHE_LIMIT);
  }

  #cacheMembership(articleId: string, storyId: string | null): void {
    if (this.#caching) remember(this.#memberships, articleId, storyId, CACHE_LIMIT * 10);
  }

  /** @inheritdoc */
  async get(storyId: string): Promise<StoryState | undefined> {
    const pending = this.#pendingStories.get(storyId);
    let stored = pending === undefined ? undefined : (pending?.stored ?? null);
    if (stored === undefined && this.#caching) stored = this.#states.get(storyId);
    if (stored === undefined) {
      const { rows } = await this.#session.query<StoredStoryState>('SELECT state, state_br FROM stories WHERE id = $1', [storyId]);
      stored = rows[0] ?? null;
      this.#cacheState(storyId, stored);
    }
    // Parsed per call, as SQLite does: callers may keep or change what they get.
    return stored === null ? undefined : storyStateOf(stored);
  }

  /** @inheritdoc */
  async put(state: StoryState): Promise<void> {
    const firstMs = epochMs(state.firstSeen);
    const lastMs = epochMs(state.lastSeen);
    if (firstMs !== null && lastMs !== null) this.#maxSpanMs = Math.max(this.#maxSpanMs, lastMs - firstMs);
    const row: PendingStory = { stored: storedStoryState(state), first: state.firstSeen, firstMs, lastMs };
    if (this.#deferring) this.#pendingStories.set(state.id, row);
    else await this.#writeStories([[state.id, row]]);
    this.#cacheState(state.id, row.stored);
  }

  /** @inheritdoc */
  async remove(storyId: string): Promise<void> {
    if (this.#deferring) this.#pendingStories.set(storyId, null);
    else await this.#session.query('DELETE FROM stories WHERE id = $1', [storyId]);
    this.#cacheState(storyId, null);
  }

  /** @inheritdoc */
  async storyOf(articleId: string): Promise<string | undefined> {
    let storyId = this.#pendingMembers.get(articleId);
    if (storyId === undefined && this.#caching) storyId = this.#memberships.get(articleId);
    if (storyId === undefined) {
      const { rows } = await this.#session.query<{ story_id: string }>(
        'SELECT story_id FROM story_members WHERE article_id = $1',
        [articleId],
      );
      storyId = rows[0]?.story_id ?? null;
      this.#cacheMembership(articleId, storyId);
    }
    return storyId ?? undefined;
  }

  /**
   * The stories of several articles (unclustered ones are absent from the map): what this
   * transaction wrote or the run cached, and one statement for the rest.
   */
  async storiesOfMany(articleIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const ask: string[] = [];
    for (const id of articleIds) {
      let storyId = this.#pendingMembers.get(id);
      if (storyId === undefined && this.#caching) storyId = this.#memberships.get(id);
      if (storyId === undefined) ask.push(id);
      else if (storyId !== null) out.set(id, storyId);
    }
    if (ask.length === 0) return out;
    const { rows } = await this.#session.query<{ article_id: string; story_id: string }>(
      'SELECT article_id, story_id FROM story_members WHERE article_id = ANY($1::text[])',
      [ask],
    );
    const found = new Map(rows.map((r) => [r.article_id, r.story_id]));
    for (const id of ask) {
      const storyId = found.get(id);
      this.#cacheMembership(id, storyId ?? null);
      if (storyId !== undefined) out.set(id, storyId);
    }
    return out;
  }

  /** @inheritdoc */
  async assign(articleId: string, storyId: string): Promise<void> {
    if (this.#deferring) this.#pendingMembers.set(articleId, storyId);
    else await this.#writeMembers([[articleId, storyId]]);
    this.#cacheMembership(articleId, storyId);
  }

  /** Forget that these articles were clustered (they become pending again). */
  async unassign(articleIds: readonly string[]): Promise<void> {
    if (articleIds.length === 0) return;
    if (this.#deferring) for (const id of articleIds) this.#pendingMembers.set(id, null);
    else await this.#session.query('DELETE FROM story_members WHERE article_id = ANY($1::text[])', [articleIds]);
    for (const id of articleIds) this.#cacheMembership(id, null);
  }

  /** @inheritdoc */
  async storiesSeenBetween(fromMs: number, toMs: number): Promise<StoryState[]> {
    const lowest = fromMs - this.#maxSpanMs;
    const { rows } = await this.#session.query<{ id: string } & StoredStoryState>(
      `SELECT id, state, state_br FROM stories
       WHERE first_seen_ms BETWEEN $1 AND $2 AND last_seen_ms >= $3 ORDER BY id COLLATE "C"`,
      [lowest, toMs, fromMs],
    );
    const found = new Map<string, StoredStoryState>();
    for (const { id, state, state_br } of rows) {
      this.#cacheState(id, { state, state_br });
      if (!this.#pendingStories.has(id)) found.set(id, { state, state_br });
    }
    // What this transaction wrote and has not sent yet, by the same condition.
    for (const [id, row] of this.#pendingStories) {
      if (row === null || row.firstMs === null || row.lastMs === null) continue;
      if (row.firstMs >= lowest && row.firstMs <= toMs && row.lastMs >= fromMs) found.set(id, row.stored);
    }
    return [...found.keys()].sort(compareIds).map((id) => storyStateOf(found.get(id)!));
  }

  /** Send the transaction's story and membership writes (PgStoryTables.transaction calls it before COMMIT). */
  async flush(): Promise<void> {
    const stories = [...this.#pendingStories];
    const members = [...this.#pendingMembers];
    this.#pendingStories = new Map();
    this.#pendingMembers = new Map();
    const removed = stories.filter(([, row]) => row === null).map(([id]) => id);
    if (removed.length > 0) await this.#session.query('DELETE FROM stories WHERE id = ANY($1::text[])', [removed]);
    await this.#writeStories(stories.filter((e): e is [string, PendingStory] => e[1] !== null));
    const released = members.filter(([, story]) => story === null).map(([id]) => id);
    if (released.length > 0) await this.#session.query('DELETE FROM story_members WHERE article_id = ANY($1::text[])', [released]);
    await this.#writeMembers(members.filter((e): e is [string, string] => e[1] !== null));
  }

  async #writeStories(rows: readonly [string, PendingStory][]): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
      const chunk = rows.slice(i, i + WRITE_CHUNK);
      await this.#session.query(
        `INSERT INTO stories (id, first_seen, first_seen_ms, last_seen_ms, state, state_br)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::bytea[])
         ON CONFLICT (id) DO UPDATE SET first_seen = excluded.first_seen, first_seen_ms = excluded.first_seen_ms,
           last_seen_ms = excluded.last_seen_ms, state = excluded.state, state_br = excluded.state_br`,
        [
          chunk.map(([id]) => id),
          chunk.map(([, r]) => r.first),
          chunk.map(([, r]) => r.firstMs),
          chunk.map(([, r]) => r.lastMs),
          chunk.map(([, r]) => r.stored.state),
          chunk.map(([, r]) => r.stored.state_br),
        ],
      );
    }
  }

  async #writeMembers(rows: readonly [string, string][]): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
      const chunk = rows.slice(i, i + WRITE_CHUNK);
      // A merge re-assigns members already clustered: keep the hash they were clustered at.
      await this.#session.query(
        `INSERT INTO story_members (article_id, story_id, content_hash)
         SELECT u.article_id, u.story_id, a.content_hash
         FROM unnest($1::text[], $2::text[]) AS u (article_id, story_id) LEFT JOIN articles a ON a.id = u.article_id
         ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`,
        [chunk.map(([id]) => id), chunk.map(([, story]) => story)],
      );
    }
  }

  /** Re-read the span bound from the table (another worker, a dissolve or a wipe changed it). */
  async resetSpanBound(): Promise<void> {
    const { rows } = await this.#session.query<{ span: unknown }>(
      'SELECT max(last_seen_ms - first_seen_ms) AS span FROM stories',
    );
    this.#maxSpanMs = toNumber(rows[0]?.span);
  }
}
