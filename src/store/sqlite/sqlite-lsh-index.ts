/**
 * The stories stage's candidate index ({@link LshIndex}) in SQLite: one row per (key, article)
 * in `story_keys`, looked up by key through the primary key. Like the in-memory index it keeps
 * only the newest `maxPerKey` articles under each key, so a key shared by boilerplate (a portal
 * footer paragraph) costs the same at a million articles as at a thousand.
 */
import type Database from 'better-sqlite3';
import type { LshIndex } from '../../stories/lsh.js';

/** Options of {@link SqliteLshIndex}. */
export interface SqliteLshIndexOptions {
  /** Most articles kept per key; the oldest is dropped when a key exceeds it. Default 256. */
  maxPerKey: number;
}

/**
 * {@link LshIndex} over the `story_keys` table (see story-tables.ts). Synchronous, as the
 * clusterer expects; run it inside the caller's transaction to make a batch atomic.
 *
 * @example
 * const index = new SqliteLshIndex(db);
 * index.add('eastmoney:1', ['b0:0a1b2c3d4e5f6071', 'x:…']);
 * index.candidates(['b0:0a1b2c3d4e5f6071']); // Set { 'eastmoney:1' }
 */
export class SqliteLshIndex implements LshIndex {
  readonly #insert: Database.Statement<{ id: string; keys: string }>;
  readonly #trim: Database.Statement<{ keys: string; max: number }>;
  readonly #candidates: Database.Statement<[string], string>;
  readonly #deleteAll: Database.Statement<[]>;
  readonly #maxPerKey: number;

  /** @param db - an open database migrated to the story tables. */
  constructor(db: Database.Database, options: Partial<SqliteLshIndexOptions> = {}) {
    this.#maxPerKey = options.maxPerKey ?? 256;
    // One statement per article, not per key: json_each carries the key list. `seq` orders the
    // articles under one key (newest highest); the bound keeps that scan ≤ maxPerKey + 1 rows.
    this.#insert = db.prepare(
      `INSERT OR IGNORE INTO story_keys (key, article_id, seq)
       SELECT k.value, @id, (SELECT coalesce(max(s.seq), 0) + 1 FROM story_keys s WHERE s.key = k.value)
       FROM json_each(@keys) k`,
    );
    this.#trim = db.prepare(
      `DELETE FROM story_keys WHERE (key, seq) IN (
         SELECT k.value, (SELECT min(s.seq) FROM story_keys s WHERE s.key = k.value)
         FROM json_each(@keys) k
         WHERE (SELECT count(*) FROM story_keys s WHERE s.key = k.value) > @max)`,
    );
    this.#candidates = db
      .prepare<[string], string>(
        'SELECT DISTINCT article_id FROM story_keys WHERE key IN (SELECT value FROM json_each(?))',
      )
      .pluck();
    this.#deleteAll = db.prepare('DELETE FROM story_keys');
  }

  /** @inheritdoc */
  add(id: string, keys: readonly string[]): void {
    if (keys.length === 0) return;
    const json = JSON.stringify([...new Set(keys)]);
    const inserted = this.#insert.run({ id, keys: json }).changes;
    // Each add puts at most one more row under a key, so removing the oldest one restores the bound.
    if (inserted > 0) this.#trim.run({ keys: json, max: this.#maxPerKey });
  }

  /** @inheritdoc */
  candidates(keys: readonly string[]): Set<string> {
    if (keys.length === 0) return new Set();
    return new Set(this.#candidates.all(JSON.stringify(keys)));
  }

  /** Forget every key (before a full recluster). */
  clear(): void {
    this.#deleteAll.run();
  }
}
