/**
 * The stories stage's candidate index ({@link LshIndex}) persisted in SQLite and served from
 * memory. `story_key_sets` holds one row per indexed article: a dense article number, the
 * article id and its keys as a BLOB of little-endian uint32s. The first use of the index reads
 * the rows in number order into a {@link KeyPostings} table; after that a query never touches
 * SQLite and an add is one row appended at the end of the table's B-tree.
 *
 * Why this shape: a persisted key → articles table costs ~50 random B-tree probes and writes
 * per article, which at a million articles (~50 M keys) no page cache holds: measured 959/s at
 * 100 k and falling. Appending one row per article keeps writes sequential and the cost per
 * insert flat; the price is the memory of the postings (11–21 bytes per key: 8-byte slots at
 * a load of 0.375–0.75, plus list nodes for shared keys) and the load time
 * on first use, both printed by `npm run bench -- stories`.
 *
 * One clusterer per database at a time: another connection's writes are not seen by an index
 * already loaded (`invalidate()` forces a reload).
 */
import type Database from 'better-sqlite3';
import { KeyPostings } from '../../stories/key-postings.js';
import { candidatesOf, forgetNumber } from '../../stories/numbered-ids.js';
import { DEFAULT_MAX_PER_KEY, type LshIndex } from '../../stories/lsh.js';
import { bytesToKeys, distinctKeys, keysToBytes } from '../key-blob.js';

/** Options of {@link SqliteLshIndex}. */
export interface SqliteLshIndexOptions {
  /** Most articles kept per key; the oldest are dropped when a key exceeds it. Default {@link DEFAULT_MAX_PER_KEY}. */
  maxPerKey: number;
}

/** The loaded index: postings plus the article numbers ↔ ids. */
interface Loaded {
  postings: KeyPostings;
  ids: (string | undefined)[];
  numbers: Map<string, number>;
  next: number;
}

/**
 * {@link LshIndex} over the `story_key_sets` table (see story-tables.ts). Synchronous, as the
 * clusterer expects; run it inside the caller's transaction to make a batch atomic, and call
 * `invalidate()` when that transaction rolls back (SqliteStoryStore.transaction does).
 *
 * @example
 * const index = new SqliteLshIndex(db);
 * index.add('eastmoney:1', [0x0a1b2c3d, textKey('x:…')]);
 * index.candidates([0x0a1b2c3d]); // Set { 'eastmoney:1' }
 */
export class SqliteLshIndex implements LshIndex {
  readonly #stmt;
  readonly #maxPerKey: number;
  #loaded: Loaded | undefined;

  /** @param db - an open database migrated to the story tables. */
  constructor(db: Database.Database, options: Partial<SqliteLshIndexOptions> = {}) {
    this.#maxPerKey = Math.max(1, options.maxPerKey ?? DEFAULT_MAX_PER_KEY);
    this.#stmt = {
      all: db.prepare<[], [number, string, Buffer]>('SELECT n, article_id, keys FROM story_key_sets ORDER BY n').raw(),
      keyCount: db.prepare<[], number>('SELECT coalesce(sum(length(keys)), 0) / 4 FROM story_key_sets').pluck(),
      keysOf: db.prepare<[number], Buffer>('SELECT keys FROM story_key_sets WHERE n = ?').pluck(),
      insert: db.prepare<[number, string, Buffer]>('INSERT INTO story_key_sets (n, article_id, keys) VALUES (?, ?, ?)'),
      update: db.prepare<[Buffer, number]>('UPDATE story_key_sets SET keys = ? WHERE n = ?'),
      remove: db.prepare<[number]>('DELETE FROM story_key_sets WHERE n = ?'),
      clear: db.prepare('DELETE FROM story_key_sets'),
    };
  }

  /** Read every row into memory (first use, or after `invalidate()`). */
  #load(): Loaded {
    if (this.#loaded !== undefined) return this.#loaded;
    // Sized for every stored key up front: no rehash while loading a million articles.
    const stored = this.#stmt.keyCount.get() ?? 0;
    const postings = new KeyPostings(this.#maxPerKey, Math.ceil(stored / 0.75));
    const loaded: Loaded = { postings, ids: [''], numbers: new Map(), next: 1 };
    for (const [n, id, blob] of this.#stmt.all.iterate()) {
      loaded.ids[n] = id;
      loaded.numbers.set(id, n);
      loaded.next = n + 1;
      for (const k of bytesToKeys(blob)) postings.add(k, n);
    }
    this.#loaded = loaded;
    return loaded;
  }

  /** @inheritdoc */
  add(id: string, keys: ArrayLike<number>): void {
    const index = this.#load();
    const distinct = distinctKeys(keys);
    const known = index.numbers.get(id);
    const n = known ?? index.next;
    if (known === undefined) {
      this.#stmt.insert.run(n, id, keysToBytes(distinct));
      index.next = n + 1;
      index.ids[n] = id;
      index.numbers.set(id, n);
    } else {
      const stored = bytesToKeys(this.#stmt.keysOf.get(n) ?? Buffer.alloc(0));
      const have = new Set(stored);
      if (distinct.some((k) => !have.has(k))) this.#stmt.update.run(keysToBytes(distinctKeys([...stored, ...distinct])), n);
    }
    // A re-added article goes back under a key that evicted it, as in the in-memory index.
    for (const k of distinct) index.postings.add(k, n);
  }

  /** @inheritdoc */
  candidates(keys: ArrayLike<number>): Set<string> {
    return candidatesOf(this.#load(), keys);
  }

  /** @inheritdoc */
  remove(id: string): void {
    const index = this.#load();
    const n = forgetNumber(index, id);
    if (n === undefined) return;
    for (const k of bytesToKeys(this.#stmt.keysOf.get(n) ?? Buffer.alloc(0))) index.postings.remove(k, n);
    this.#stmt.remove.run(n);
  }

  /** Forget every key (before a full recluster). */
  clear(): void {
    this.#stmt.clear.run();
    this.#loaded = undefined;
  }

  /** Drop the in-memory copy; the next use reads the table again (after a rollback). */
  invalidate(): void {
    this.#loaded = undefined;
  }

  /** Number of distinct keys in memory (loads the index). */
  get size(): number {
    return this.#load().postings.size;
  }
}
