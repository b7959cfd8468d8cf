/**
 * The stories stage's candidate index ({@link LshIndex}) persisted in PostgreSQL and served from
 * memory, as {@link SqliteLshIndex} is on SQLite: `story_key_sets` holds one row per added key
 * set (number, article id, keys as little-endian uint32s) and the index reads them in number
 * order into a {@link KeyPostings} table. Queries never touch the database; `add` and `remove`
 * change memory at once (the clusterer is synchronous) and queue their rows, which the
 * surrounding `PgStoryTables.transaction` writes before it commits ({@link PgLshIndex.flush}).
 *
 * Several workers share the table. Only the holder of the clustering lock writes it, and row
 * numbers come from a sequence inside that lock, so they grow in the order the rows were added
 * across all workers. A removal (dissolve) moves the rows to `story_key_removals`, numbered from
 * the same sequence. Taking the lock calls {@link PgLshIndex.refresh}: the added rows and the
 * removals numbered above the last one this worker applied are replayed in number order, which
 * leaves its memory as the writer's was, without reading the table again. A wipe bumps
 * `story_index_state.generation`, and removals older than a day are pruned from the log; a
 * worker that sees another generation, or fell behind the pruned log, reloads the whole table.
 *
 * Differences from SQLite, and why: a row number is a sequence value, not max + 1, so two
 * writers can never collide even without the lock; in memory, articles keep dense local
 * numbers (KeyPostings wants small positive int32s), mapped to their row numbers. A removal is
 * applied to the postings when flushed (the row's `DELETE … RETURNING keys` gives the keys, which
 * memory does not keep), and a re-add of a known article appends a row rather than rewriting one.
 */
import { KeyPostings } from '../../stories/key-postings.js';
import { candidatesOf, forgetNumber } from '../../stories/numbered-ids.js';
import { DEFAULT_MAX_PER_KEY, type LshIndex } from '../../stories/lsh.js';
import { StoreError } from '../../util/errors.js';
import type { StoreLshIndex } from '../tables.js';
import type { PgStorySession } from './pg-story-repository.js';
import { bytesToKeys, distinctKeys, keysToBytes } from '../key-blob.js';

/** Options of {@link PgLshIndex}. */
export interface PgLshIndexOptions {
  /** Most articles kept per key; the oldest are dropped first. Default {@link DEFAULT_MAX_PER_KEY}. */
  maxPerKey: number;
  /** Rows read per round trip while loading. Default 5,000. */
  loadBatch: number;
  /** How long removals stay in the log for other workers to replay (ms). Default one day. */
  removalRetentionMs: number;
}

/** Rows per INSERT statement when flushing. */
const INSERT_CHUNK = 1_000;

/** A write waiting for the next flush, in the order it was made. */
type PendingWrite = { kind: 'insert'; local: number; id: string; keys: Buffer } | { kind: 'delete'; local: number };

/** The loaded index. */
interface Loaded {
  postings: KeyPostings;
  /** Local number → article id (undefined once removed). */
  ids: (string | undefined)[];
  /** Article id → local number. */
  numbers: Map<string, number>;
  /** Local number → its first row number (0 before the row is flushed). */
  rowOf: number[];
  /** Local number → further rows (an article added again with more keys); rare. */
  extraRows: Map<number, number[]>;
  /** Highest number (row or removal) applied to memory. */
  lastRow: number;
  /** `story_index_state.generation` this copy reflects. */
  generation: number;
}

function emptyLoaded(maxPerKey: number, capacity: number, generation: number): Loaded {
  return {
    postings: new KeyPostings(maxPerKey, capacity),
    ids: [''],
    numbers: new Map(),
    rowOf: [0],
    extraRows: new Map(),
    lastRow: 0,
    generation,
  };
}

/**
 * {@link LshIndex} over `story_key_sets` (see pg-story-tables.ts), in memory after
 * {@link refresh}. Use it while holding `PgStoryTables.lockClustering()`, inside
 * `PgStoryTables.transaction` (which flushes it, and invalidates it on rollback).
 *
 * @example
 * const release = await tables.lockClustering(); // loads or refreshes tables.index
 * await tables.transaction(async () => tables.index.add('eastmoney:1', [0x0a1b2c3d]));
 * tables.index.candidates([0x0a1b2c3d]); // Set { 'eastmoney:1' }
 * await release();
 */
export class PgLshIndex implements StoreLshIndex, LshIndex {
  readonly #session: PgStorySession;
  readonly #maxPerKey: number;
  readonly #loadBatch: number;
  readonly #retentionMs: number;
  #loaded: Loaded | undefined;
  #pending: PendingWrite[] = [];

  /** @param session - the connection routing of the store's story tables. */
  constructor(session: PgStorySession, options: Partial<PgLshIndexOptions> = {}) {
    this.#session = session;
    this.#maxPerKey = Math.max(1, options.maxPerKey ?? DEFAULT_MAX_PER_KEY);
    this.#loadBatch = Math.max(1, options.loadBatch ?? 5_000);
    this.#retentionMs = Math.max(0, options.removalRetentionMs ?? 86_400_000);
  }

  #use(): Loaded {
    if (this.#loaded === undefined) {
      throw new StoreError('stories: the candidate index is not loaded (take lockClustering() first)');
    }
    return this.#loaded;
  }

  /** @inheritdoc */
  add(id: string, keys: ArrayLike<number>): void {
    const index = this.#use();
    const distinct = distinctKeys(keys);
    let local = index.numbers.get(id);
    if (local === undefined) {
      local = index.ids.length;
      index.ids.push(id);
      index.rowOf.push(0);
      index.numbers.set(id, local);
    }
    if (distinct.length > 0 || index.rowOf[local] === 0) {
      this.#pending.push({ kind: 'insert', local, id, keys: keysToBytes(distinct) });
    }
    // A re-added article goes back under a key that evicted it, as in the in-memory index.
    for (const k of distinct) index.postings.add(k, local);
  }

  /** @inheritdoc */
  candidates(keys: ArrayLike<number>): Set<string> {
    return candidatesOf(this.#use(), keys);
  }

  /** @inheritdoc Candidates stop returning the article at once; its postings go at the flush. */
  remove(id: string): void {
    const local = forgetNumber(this.#use(), id);
    if (local !== undefined) this.#pending.push({ kind: 'delete', local });
  }

  /** Drop the in-memory copy and the unwritten rows; the next {@link refresh} reads the table again. */
  invalidate(): void {
    this.#loaded = undefined;
    this.#pending = [];
  }

  /** Whether the index is in memory (after {@link refresh}, until {@link invalidate}). */
  get loaded(): boolean {
    return this.#loaded !== undefined;
  }

  /** Number of distinct keys in memory. */
  get size(): number {
    return this.#use().postings.size;
  }

  /**
   * Bring memory up to date with the table: load it when not loaded, after a wipe (another
   * generation) or when this copy is older than the pruned removal log; else replay the rows
   * added and removed since the last number applied. Call it holding the clustering lock
   * (PgStoryTables.lockClustering does).
   */
  async refresh(): Promise<void> {
    const { rows: state } = await this.#session.query<{ generation: unknown; pruned_through: unknown }>(
      'SELECT generation, pruned_through FROM story_index_state',
    );
    const generation = Number(state[0]?.generation ?? 0);
    const prunedThrough = Number(state[0]?.pruned_through ?? 0);
    const current = this.#loaded;
    if (
      current !== undefined &&
      current.generation === generation &&
      current.lastRow >= prunedThrough &&
      this.#pending.length === 0
    ) {
      await this.#replay(current);
      return;
    }
    this.#loaded = undefined;
    this.#pending = [];
    const { rows } = await this.#session.query<{ keys: unknown; removed: unknown }>(
      `SELECT coalesce(sum(length(keys)), 0) / 4 AS keys,
              (SELECT coalesce(max(seq), 0) FROM story_key_removals) AS removed FROM story_key_sets`,
    );
    // Sized for every stored key up front: no rehash while loading a million articles.
    const loaded = emptyLoaded(this.#maxPerKey, Math.ceil(Number(rows[0]?.keys ?? 0) / 0.75), generation);
    for (;;) {
      const batch = await this.#session.query<{ n: unknown; article_id: string; keys: Buffer }>(
        'SELECT n, article_id, keys FROM story_key_sets WHERE n > $1 ORDER BY n LIMIT $2',
        [loaded.lastRow, this.#loadBatch],
      );
      for (const row of batch.rows) this.#apply(loaded, Number(row.n), row.article_id, bytesToKeys(row.keys));
      if (batch.rows.length < this.#loadBatch) break;
    }
    // Removals already made are reflected in the rows: skip them in the next replay.
    loaded.lastRow = Math.max(loaded.lastRow, Number(rows[0]?.removed ?? 0));
    this.#loaded = loaded;
  }

  /** Apply the rows added and removed after `index.lastRow`, in number order. */
  async #replay(index: Loaded): Promise<void> {
    for (;;) {
      const { rows } = await this.#session.query<{ seq: unknown; n: unknown; article_id: string; keys: Buffer; removed: boolean }>(
        `SELECT n AS seq, n, article_id, keys, false AS removed FROM story_key_sets WHERE n > $1
         UNION ALL
         SELECT seq, n, article_id, keys, true AS removed FROM story_key_removals WHERE seq > $1
         ORDER BY seq LIMIT $2`,
        [index.lastRow, this.#loadBatch],
      );
      for (const row of rows) {
        const keys = bytesToKeys(row.keys);
        if (row.removed) this.#applyRemoval(index, Number(row.n), row.article_id, keys);
        else this.#apply(index, Number(row.n), row.article_id, keys);
        index.lastRow = Math.max(index.lastRow, Number(row.seq));
      }
      if (rows.length < this.#loadBatch) break;
    }
  }

  /** Take a removed row out of memory, as the worker that removed it did. */
  #applyRemoval(index: Loaded, n: number, id: string, keys: Uint32Array): void {
    const local = index.numbers.get(id);
    if (local === undefined) return;
    const extra = index.extraRows.get(local) ?? [];
    if (index.rowOf[local] !== n && !extra.includes(n)) return;
    for (const k of keys) index.postings.remove(k, local);
    if (index.rowOf[local] === n) index.rowOf[local] = extra.shift() ?? 0;
    else extra.splice(extra.indexOf(n), 1);
    if (extra.length === 0) index.extraRows.delete(local);
    if (index.rowOf[local] === 0) {
      index.numbers.delete(id);
      index.ids[local] = undefined;
    }
  }

  /** Add one stored row to memory, as `add` did on the worker that wrote it. */
  #apply(index: Loaded, n: number, id: string, keys: Uint32Array): void {
    let local = index.numbers.get(id);
    if (local === undefined) {
      local = index.ids.length;
      index.ids.push(id);
      index.rowOf.push(n);
      index.numbers.set(id, local);
    } else this.#addRow(index, local, n);
    index.lastRow = Math.max(index.lastRow, n);
    for (const k of keys) index.postings.add(k, local);
  }

  #addRow(index: Loaded, local: number, n: number): void {
    if (index.rowOf[local] === 0) index.rowOf[local] = n;
    else index.extraRows.set(local, [...(index.extraRows.get(local) ?? []), n]);
  }

  /**
   * Write the queued rows on the session's connection: inserts numbered from the sequence in
   * the order they were added, then the removed articles' rows moved to the removal log (their
   * keys leave the postings now; the log's numbers follow the inserts'), and removals older than
   * the retention pruned. Called by `PgStoryTables.transaction` before it commits.
   */
  async flush(): Promise<void> {
    const index = this.#loaded;
    const writes = this.#pending;
    if (index === undefined || writes.length === 0) return;
    this.#pending = [];
    const inserts = writes.filter((w) => w.kind === 'insert');
    if (inserts.length > 0) {
      const { rows } = await this.#session.query<{ n: unknown }>(
        "SELECT nextval('story_key_sets_n') AS n FROM generate_series(1, $1::int)",
        [inserts.length],
      );
      const numbers = rows.map((r) => Number(r.n)).sort((a, b) => a - b);
      inserts.forEach((w, i) => {
        const n = numbers[i] ?? 0;
        this.#addRow(index, w.local, n);
        index.lastRow = Math.max(index.lastRow, n);
      });
      for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
        const chunk = inserts.slice(i, i + INSERT_CHUNK);
        await this.#session.query(
          `INSERT INTO story_key_sets (n, article_id, keys)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::bytea[])`,
          [numbers.slice(i, i + INSERT_CHUNK), chunk.map((w) => w.id), chunk.map((w) => w.keys)],
        );
      }
    }
    const localOfRow = new Map<number, number>();
    for (const w of writes) {
      if (w.kind !== 'delete') continue;
      for (const n of [index.rowOf[w.local] ?? 0, ...(index.extraRows.get(w.local) ?? [])]) {
        if (n !== 0) localOfRow.set(n, w.local);
      }
      index.rowOf[w.local] = 0;
      index.extraRows.delete(w.local);
    }
    if (localOfRow.size === 0) return;
    const { rows } = await this.#session.query<{ seq: unknown; n: unknown; keys: Buffer }>(
      `WITH gone AS (DELETE FROM story_key_sets WHERE n = ANY($1::bigint[]) RETURNING n, article_id, keys)
       INSERT INTO story_key_removals (seq, n, article_id, keys)
       SELECT nextval('story_key_sets_n'), n, article_id, keys FROM gone
       RETURNING seq, n, keys`,
      [[...localOfRow.keys()]],
    );
    for (const row of rows) {
      const local = localOfRow.get(Number(row.n)) ?? 0;
      for (const k of bytesToKeys(row.keys)) index.postings.remove(k, local);
      index.lastRow = Math.max(index.lastRow, Number(row.seq));
    }
    // Workers that did not replay a pruned removal in time reload (see refresh).
    await this.#session.query(
      `WITH pruned AS (
         DELETE FROM story_key_removals WHERE removed_at < now() - make_interval(secs => $1::float8 / 1000) RETURNING seq)
       UPDATE story_index_state SET pruned_through = (SELECT max(seq) FROM pruned)
       WHERE EXISTS (SELECT 1 FROM pruned) AND pruned_through < (SELECT max(seq) FROM pruned)`,
      [this.#retentionMs],
    );
  }

  /** Delete every row and start an empty index (before a full recluster); other workers reload. */
  async wipe(): Promise<void> {
    await this.#session.query('DELETE FROM story_key_sets');
    await this.#session.query('DELETE FROM story_key_removals');
    const bumped = await this.#session.query<{ generation: unknown }>(
      'UPDATE story_index_state SET generation = generation + 1 RETURNING generation',
    );
    this.#pending = [];
    this.#loaded = emptyLoaded(this.#maxPerKey, 1024, Number(bumped.rows[0]?.generation ?? 0));
  }
}
