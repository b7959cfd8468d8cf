/**
 * The stories stage's candidate index ({@link LshIndex}) in SQLite. One row per key in
 * `story_keys`: the key's 64-bit hash as the rowid and the key's posting list, a JSON array of
 * dense article numbers (oldest first) that `story_key_articles` maps back to article ids. Like
 * the in-memory index it keeps only the newest `maxPerKey` articles under each key, so a key
 * shared by boilerplate (a portal footer paragraph) costs the same at a million articles as at a
 * thousand.
 *
 * Why this shape: most keys (MinHash bands) belong to one article, so a row per key rather than
 * per (key, article) halves the rows, a lookup is one rowid probe, and the bound is kept in the
 * same write that appends (no count / min / trim query per key). Integer keys and article
 * numbers keep rows small, so the tree's inner pages stay in the page cache at a million articles.
 */
import type Database from 'better-sqlite3';
import { hashCodeUnits } from '../../stories/hash.js';
import type { LshIndex } from '../../stories/lsh.js';

/** Options of {@link SqliteLshIndex}. */
export interface SqliteLshIndexOptions {
  /** Most articles kept per key; the oldest are dropped when a key exceeds it. Default 256. */
  maxPerKey: number;
}

const MIN_INT64 = -(2n ** 63n);

/**
 * The stored form of a text key: a signed 64-bit hash (two independent 32-bit lanes) as a
 * decimal string, ready for a JSON array that SQLite reads as INTEGERs. Deterministic (stored).
 */
export function keyHash(key: string): string {
  const hi = hashCodeUnits(key, 0, key.length, 0x1b873593);
  const lo = hashCodeUnits(key, 0, key.length, 0x5bd1e995);
  const value = BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
  // SQLite's JSON reader turns -2⁶³ into a REAL; fold it onto its neighbour.
  return (value === MIN_INT64 ? value + 1n : value).toString();
}

/** JSON array of the distinct keys' hashes. */
function keysJson(keys: readonly string[]): string {
  const seen = new Set<string>();
  for (const k of keys) seen.add(keyHash(k));
  return `[${[...seen].join(',')}]`;
}

/**
 * {@link LshIndex} over the `story_keys` and `story_key_articles` tables (see story-tables.ts).
 * Synchronous, as the clusterer expects; run it inside the caller's transaction to make a batch
 * atomic.
 *
 * @example
 * const index = new SqliteLshIndex(db);
 * index.add('eastmoney:1', ['b0:0a1b2c3d4e5f6071', 'x:…']);
 * index.candidates(['b0:0a1b2c3d4e5f6071']); // Set { 'eastmoney:1' }
 */
export class SqliteLshIndex implements LshIndex {
  readonly #articleNumber: Database.Statement<[string], number>;
  readonly #insert: Database.Statement<{ n: number; keys: string; max: number }>;
  readonly #postings: Database.Statement<[string], string>;
  readonly #articleIds: Database.Statement<[string], string>;
  readonly #deleteAll: Database.Statement<[]>;
  readonly #deleteArticles: Database.Statement<[]>;
  readonly #maxPerKey: number;

  /** @param db - an open database migrated to the story tables. */
  constructor(db: Database.Database, options: Partial<SqliteLshIndexOptions> = {}) {
    this.#maxPerKey = Math.max(1, options.maxPerKey ?? 256);
    this.#articleNumber = db
      .prepare<[string], number>(
        `INSERT INTO story_key_articles (id) VALUES (?)
         ON CONFLICT (id) DO UPDATE SET id = excluded.id RETURNING n`,
      )
      .pluck();
    // One statement per article, not per key: json_each carries the key list. A new key gets a
    // one-element list; a known key gets the article appended unless already present, dropping
    // the oldest entries first when the list is full (so it never exceeds @max).
    this.#insert = db.prepare(
      `INSERT INTO story_keys (key, ids)
       SELECT k.value, json_array(@n) FROM json_each(@keys) k WHERE true
       ON CONFLICT (key) DO UPDATE SET ids = json_insert(
         CASE WHEN json_array_length(ids) < @max THEN ids
              ELSE (SELECT json_group_array(e.value) FROM
                     (SELECT j.value FROM json_each(story_keys.ids) j
                      WHERE j.key > json_array_length(story_keys.ids) - @max ORDER BY j.key) e)
         END, '$[#]', @n)
       WHERE NOT EXISTS (SELECT 1 FROM json_each(story_keys.ids) j WHERE j.value = @n)`,
    );
    // Driven by the key list (one rowid probe per key); most keys of a new article are absent,
    // so few rows come back. Article numbers are mapped to ids in a second, small query.
    this.#postings = db
      .prepare<[string], string>('SELECT s.ids FROM json_each(?) k JOIN story_keys s ON s.key = k.value')
      .pluck();
    this.#articleIds = db
      .prepare<[string], string>(
        'SELECT a.id FROM json_each(?) k JOIN story_key_articles a ON a.n = k.value',
      )
      .pluck();
    this.#deleteAll = db.prepare('DELETE FROM story_keys');
    this.#deleteArticles = db.prepare('DELETE FROM story_key_articles');
  }

  /** @inheritdoc */
  add(id: string, keys: readonly string[]): void {
    if (keys.length === 0) return;
    const n = this.#articleNumber.get(id);
    if (n === undefined) throw new Error(`lsh: no article number for ${id}`);
    this.#insert.run({ n, keys: keysJson(keys), max: this.#maxPerKey });
  }

  /** @inheritdoc */
  candidates(keys: readonly string[]): Set<string> {
    if (keys.length === 0) return new Set();
    const lists = this.#postings.all(keysJson(keys));
    if (lists.length === 0) return new Set();
    const numbers = new Set<number>();
    for (const list of lists) for (const n of JSON.parse(list) as number[]) numbers.add(n);
    return new Set(this.#articleIds.all(JSON.stringify([...numbers])));
  }

  /** Forget every key (before a full recluster). */
  clear(): void {
    this.#deleteAll.run();
    this.#deleteArticles.run();
  }
}
