/**
 * A multi-map from 32-bit index keys to article numbers, bounded per key, in typed arrays: the
 * in-memory core of the LSH candidate index.
 *
 * Why this shape: at a million articles the index holds ~50 M (key, article) pairs, and most
 * keys (MinHash bands) belong to one article. An open-addressing table of (key, head) pairs
 * stores such a key's only article inline (8 bytes per slot, no object per key); keys shared
 * by several articles point to a linked list in a pool of typed arrays, newest first, cut to
 * `maxPerKey` so a key shared by boilerplate costs the same at a million articles as at a
 * thousand. An add, a remove and a lookup are one probe plus a walk of that key's list only.
 */
import { mix32 } from './hash.js';

/** Slot is free. */
const FREE = 0;
/** Slot holds a key whose postings were all removed (kept so probe runs stay intact). */
const HOLLOW = -0x80000000;
const MAX_LOAD = 0.75;

/**
 * Key → article numbers (positive 31-bit integers). `heads[slot]` is FREE, HOLLOW, an article
 * number (> 0, the key's only posting) or `-(node + 1)` (a list in the node pool).
 *
 * @example
 * const postings = new KeyPostings(256);
 * postings.add(0xdeadbeef, 1);
 * postings.collect(0xdeadbeef, (n) => console.log(n)); // 1
 */
export class KeyPostings {
  readonly #maxPerKey: number;
  /** Slot s is table[2s] (the key, as int32) and table[2s + 1] (its head): one cache line per probe. */
  #table: Int32Array;
  #mask: number;
  #occupied = 0;
  #nodeArticle = new Int32Array(1024);
  #nodeNext = new Int32Array(1024);
  #nodeCount = 0;
  #freeNode = -1;

  /** @param maxPerKey - most article numbers kept per key (oldest dropped first). */
  constructor(maxPerKey: number, initialCapacity = 1024) {
    this.#maxPerKey = Math.max(1, maxPerKey);
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.#table = new Int32Array(2 * capacity);
    this.#mask = capacity - 1;
  }

  /** Number of distinct keys held (including keys whose postings were all removed). */
  get size(): number {
    return this.#occupied;
  }

  /** Index in the table of the head of `key`'s slot, or of the free slot where it would go. */
  #slot(key: number): number {
    const table = this.#table;
    const mask = this.#mask;
    const k = key | 0;
    let s = mix32(key) & mask;
    while (table[2 * s + 1] !== FREE && table[2 * s] !== k) s = (s + 1) & mask;
    return 2 * s + 1;
  }

  /** Record article `n` under `key`; no effect when it is already there. */
  add(key: number, n: number): void {
    const k = key >>> 0;
    let s = this.#slot(k);
    const head = this.#table[s] ?? FREE;
    if (head === FREE) {
      if ((this.#occupied + 1) / (this.#mask + 1) > MAX_LOAD) {
        this.#grow();
        s = this.#slot(k);
      }
      this.#table[s - 1] = k | 0;
      this.#table[s] = n;
      this.#occupied++;
    } else if (head === HOLLOW) {
      this.#table[s] = n;
    } else if (head > 0) {
      if (head === n) return;
      if (this.#maxPerKey === 1) this.#table[s] = n;
      else this.#table[s] = -(this.#node(n, this.#node(head, -1)) + 1);
    } else {
      this.#table[s] = this.#prepend(-head - 1, n);
    }
  }

  /** Prepend `n` to the list at `first` unless present, dropping the oldest beyond the bound; returns the new head value. */
  #prepend(first: number, n: number): number {
    let count = 0;
    let beforeLast = -1;
    let last = -1;
    for (let node = first; node !== -1; node = this.#nodeNext[node] ?? -1) {
      if (this.#nodeArticle[node] === n) return -(first + 1);
      beforeLast = last;
      last = node;
      count++;
    }
    const head = this.#node(n, first);
    if (count + 1 > this.#maxPerKey && last !== -1) {
      // The list ends at `last` (the oldest); with one element before the new head it is `first`.
      this.#nodeNext[beforeLast === -1 ? head : beforeLast] = -1;
      this.#release(last);
    }
    return -(head + 1);
  }

  /** Remove article `n` from `key`'s postings (no effect when absent). */
  remove(key: number, n: number): void {
    const s = this.#slot(key >>> 0);
    const head = this.#table[s] ?? FREE;
    if (head === FREE || head === HOLLOW) return;
    if (head > 0) {
      if (head === n) this.#table[s] = HOLLOW;
      return;
    }
    let previous = -1;
    for (let node = -head - 1; node !== -1; node = this.#nodeNext[node] ?? -1) {
      if (this.#nodeArticle[node] !== n) {
        previous = node;
        continue;
      }
      const next = this.#nodeNext[node] ?? -1;
      if (previous === -1) this.#table[s] = next === -1 ? HOLLOW : -(next + 1);
      else this.#nodeNext[previous] = next;
      this.#release(node);
      return;
    }
  }

  /** Call `visit` with every article number under `key`, newest first. */
  collect(key: number, visit: (n: number) => void): void {
    const s = this.#slot(key >>> 0);
    const head = this.#table[s] ?? FREE;
    if (head === FREE || head === HOLLOW) return;
    if (head > 0) {
      visit(head);
      return;
    }
    for (let node = -head - 1; node !== -1; node = this.#nodeNext[node] ?? -1) visit(this.#nodeArticle[node] ?? 0);
  }

  /**
   * The ids of the articles under any of `keys`, by article number in `ids` (a number whose id
   * is undefined was removed): what a persisted index answers as its candidates.
   */
  idsUnder(keys: ArrayLike<number>, ids: readonly (string | undefined)[]): Set<string> {
    const out = new Set<string>();
    const visit = (n: number): void => {
      const id = ids[n];
      if (id !== undefined) out.add(id);
    };
    for (let i = 0; i < keys.length; i++) this.collect(keys[i] ?? 0, visit);
    return out;
  }

  #node(n: number, next: number): number {
    let node = this.#freeNode;
    if (node !== -1) this.#freeNode = this.#nodeNext[node] ?? -1;
    else {
      if (this.#nodeCount === this.#nodeArticle.length) {
        const grown = this.#nodeCount * 2;
        const article = new Int32Array(grown);
        article.set(this.#nodeArticle);
        const nextArr = new Int32Array(grown);
        nextArr.set(this.#nodeNext);
        this.#nodeArticle = article;
        this.#nodeNext = nextArr;
      }
      node = this.#nodeCount++;
    }
    this.#nodeArticle[node] = n;
    this.#nodeNext[node] = next;
    return node;
  }

  #release(node: number): void {
    this.#nodeNext[node] = this.#freeNode;
    this.#freeNode = node;
  }

  /** Double the table; hollow keys are dropped on the way. */
  #grow(): void {
    const old = this.#table;
    const capacity = (this.#mask + 1) * 2;
    this.#table = new Int32Array(2 * capacity);
    this.#mask = capacity - 1;
    this.#occupied = 0;
    for (let i = 0; i < old.length; i += 2) {
      const head = old[i + 1] ?? FREE;
      if (head === FREE || head === HOLLOW) continue;
      const key = old[i] ?? 0;
      const s = this.#slot(key >>> 0);
      this.#table[s - 1] = key;
      this.#table[s] = head;
      this.#occupied++;
    }
  }
}
