/**
 * The clusterer's story state ({@link StoryRepository}) in SQLite: `stories` holds each story's
 * JSON state next to its first/last-seen times (indexed, for the same-event window query), and
 * `story_members` maps every clustered article to its story together with the article's content
 * hash at clustering time, so an article that changed afterwards can be found and re-clustered.
 */
import type Database from 'better-sqlite3';
import type { StoryRepository, StoryState } from '../../stories/story-state.js';
import { packStoryState, type StoredStoryState, storyStateOf } from '../story-state-text.js';

/** One row of `stories`, as better-sqlite3 returns it. */
type StoryRow = StoredStoryState;

/** Stories per multi-row write: 6 parameters a row, far below SQLite's 32,766. */
const WRITE_CHUNK = 64;

/** The columns of `stories` for one state, in the order the write statements take them. */
function storyRow(state: StoryState): [string, string | null, number | null, number | null, string, Buffer] {
  return [state.id, state.firstSeen, epochMs(state.firstSeen), epochMs(state.lastSeen), '', packStoryState(state)];
}

/** `INSERT … ON CONFLICT` of `rows` stories at once. */
function storyWriteSql(rows: number): string {
  return `INSERT INTO stories (id, first_seen, first_seen_ms, last_seen_ms, state, state_br)
    VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?)').join(', ')}
    ON CONFLICT (id) DO UPDATE SET first_seen = excluded.first_seen, first_seen_ms = excluded.first_seen_ms,
      last_seen_ms = excluded.last_seen_ms, state = excluded.state, state_br = excluded.state_br`;
}

function epochMs(iso: string | null): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/**
 * {@link StoryRepository} over the story tables (see story-tables.ts). Synchronous; run it
 * inside the caller's transaction to make a batch atomic.
 *
 * @example
 * const repository = new SqliteStoryRepository(db);
 * const clusterer = new StoryClusterer({ repository, index: new SqliteLshIndex(db) });
 */
export class SqliteStoryRepository implements StoryRepository {
  readonly #stmt;
  /**
   * Upper bound of (lastSeen − firstSeen) over all stories, so the window query can use the
   * first-seen index: a story overlapping [from, to] has firstSeen in [from − span, to].
   * Removing a story only lowers the true maximum, so the cached bound stays safe.
   */
  #maxSpanMs: number;

  /** @param db - an open database migrated to the story tables. */
  constructor(db: Database.Database) {
    this.#stmt = {
      get: db.prepare<[string], StoryRow>('SELECT state, state_br FROM stories WHERE id = ?'),
      put: db.prepare(storyWriteSql(1)),
      remove: db.prepare<[string]>('DELETE FROM stories WHERE id = ?'),
      storyOf: db.prepare<[string], string>('SELECT story_id FROM story_members WHERE article_id = ?').pluck(),
      // A merge re-assigns members already clustered: keep the hash they were clustered at.
      assign: db.prepare<{ articleId: string; storyId: string }>(
        `INSERT INTO story_members (article_id, story_id, content_hash)
         VALUES (@articleId, @storyId, (SELECT content_hash FROM articles WHERE id = @articleId))
         ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`,
      ),
      unassign: db.prepare<[string]>('DELETE FROM story_members WHERE article_id = ?'),
      between: db.prepare<{ from: number; to: number; lowest: number }, StoryRow>(
        `SELECT state, state_br FROM stories
         WHERE first_seen_ms BETWEEN @lowest AND @to AND last_seen_ms >= @from ORDER BY id`,
      ),
      idsBetween: db
        .prepare<{ from: number; to: number; lowest: number }, string>(
          `SELECT id FROM stories
           WHERE first_seen_ms BETWEEN @lowest AND @to AND last_seen_ms >= @from ORDER BY id`,
        )
        .pluck(),
      // Several articles or stories in one statement: their ids as one JSON array.
      storiesOfMany: db.prepare<[string], [string, string]>(
        'SELECT article_id, story_id FROM story_members WHERE article_id IN (SELECT value FROM json_each(?))',
      ).raw(),
      assignMany: db.prepare<[string]>(
        `INSERT INTO story_members (article_id, story_id, content_hash)
         SELECT j.value ->> 0, j.value ->> 1, (SELECT content_hash FROM articles WHERE id = j.value ->> 0)
         FROM json_each(?) AS j WHERE true
         ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`,
      ),
      removeMany: db.prepare<[string]>('DELETE FROM stories WHERE id IN (SELECT value FROM json_each(?))'),
      writeChunk: db.prepare(storyWriteSql(WRITE_CHUNK)),
      writeOne: db.prepare(storyWriteSql(1)),
      maxSpan: db
        .prepare<[], number | null>('SELECT max(last_seen_ms - first_seen_ms) FROM stories')
        .pluck(),
    };
    this.#maxSpanMs = this.#stmt.maxSpan.get() ?? 0;
  }

  /** @inheritdoc */
  get(storyId: string): StoryState | undefined {
    const row = this.#stmt.get.get(storyId);
    return row === undefined ? undefined : storyStateOf(row);
  }

  /** @inheritdoc */
  put(state: StoryState): void {
    const firstMs = epochMs(state.firstSeen);
    const lastMs = epochMs(state.lastSeen);
    if (firstMs !== null && lastMs !== null) this.#maxSpanMs = Math.max(this.#maxSpanMs, lastMs - firstMs);
    this.#stmt.put.run(storyRow(state));
  }

  /** @inheritdoc */
  remove(storyId: string): void {
    this.#stmt.remove.run(storyId);
  }

  /** @inheritdoc */
  storyOf(articleId: string): string | undefined {
    return this.#stmt.storyOf.get(articleId);
  }

  /** @inheritdoc */
  assign(articleId: string, storyId: string): void {
    this.#stmt.assign.run({ articleId, storyId });
  }

  /** @inheritdoc */
  storiesOfMany(articleIds: readonly string[]): Map<string, string> {
    return new Map(articleIds.length === 0 ? [] : this.#stmt.storiesOfMany.all(JSON.stringify(articleIds)));
  }

  /** @inheritdoc */
  assignMany(assignments: readonly (readonly [articleId: string, storyId: string])[]): void {
    // A merge re-assigns members already clustered: keep the hash they were clustered at.
    if (assignments.length > 0) this.#stmt.assignMany.run(JSON.stringify(assignments));
  }

  /** @inheritdoc */
  writeMany(states: readonly StoryState[], removedIds: readonly string[]): void {
    if (removedIds.length > 0) this.#stmt.removeMany.run(JSON.stringify(removedIds));
    const rows = states.map(storyRow);
    for (const [, , firstMs, lastMs] of rows) {
      if (firstMs !== null && lastMs !== null) this.#maxSpanMs = Math.max(this.#maxSpanMs, lastMs - firstMs);
    }
    let i = 0;
    for (; i + WRITE_CHUNK <= rows.length; i += WRITE_CHUNK) this.#stmt.writeChunk.run(rows.slice(i, i + WRITE_CHUNK).flat());
    for (; i < rows.length; i++) this.#stmt.writeOne.run(rows[i]);
  }

  /** Forget that these articles were clustered (they become pending again). */
  unassign(articleIds: readonly string[]): void {
    for (const id of articleIds) this.#stmt.unassign.run(id);
  }

  /** @inheritdoc */
  storiesSeenBetween(fromMs: number, toMs: number): StoryState[] {
    return this.#stmt.between
      .all({ from: fromMs, to: toMs, lowest: fromMs - this.#maxSpanMs })
      .map(storyStateOf);
  }

  /** @inheritdoc */
  storyIdsSeenBetween(fromMs: number, toMs: number): string[] {
    return this.#stmt.idsBetween.all({ from: fromMs, to: toMs, lowest: fromMs - this.#maxSpanMs });
  }

  /** Re-read the span bound from the table (after rows were deleted outside this object). */
  resetSpanBound(): void {
    this.#maxSpanMs = this.#stmt.maxSpan.get() ?? 0;
  }
}
