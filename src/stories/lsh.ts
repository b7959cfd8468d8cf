/**
 * LSH banding over MinHash signatures, and the candidate index the clusterer queries.
 *
 * Band layout (measured, see the report): 128 hashes = 42 bands × 3 rows (the last 2 hashes are
 * unused). A pair with Jaccard s becomes a candidate with probability 1 − (1 − s³)^42:
 * 0.996 at s = 0.5, 0.68 at s = 0.3, 0.04 at s = 0.1 — recall ≥ 0.99 at the 0.5 threshold
 * while unrelated texts rarely collide.
 *
 * Keys are 32-bit numbers, not strings: at a million articles the index holds ~50 M of them,
 * and numbers keep it in typed arrays (see key-postings.ts).
 */
import { hashCodeUnits, mix32 } from './hash.js';
import { KeyPostings } from './key-postings.js';

/** How a signature is cut into bands. */
export interface LshOptions {
  /** Number of bands. Default 42. */
  bands: number;
  /** Signature values per band. Default 3. */
  rows: number;
}

/** The defaults chosen by measurement (see the module comment). */
export const DEFAULT_LSH_OPTIONS: Readonly<LshOptions> = Object.freeze({ bands: 42, rows: 3 });

/**
 * Where index keys are kept. Keys are unsigned 32-bit numbers ({@link bandKeys},
 * {@link textKey}); ids are article ids. Two keys that collide by chance only add a candidate,
 * which the clusterer then judges and rejects: they can never join unrelated articles.
 */
export interface LshIndex {
  /** Record that article `id` has these keys. Adding the same pair twice has no effect. */
  add(id: string, keys: ArrayLike<number>): void;
  /** Ids recorded under at least one of the keys (never includes unrecorded ids). */
  candidates(keys: ArrayLike<number>): Set<string>;
  /** Forget every key of article `id` (its text changed or its story is rebuilt). */
  remove(id: string): void;
}

/**
 * Band keys of a signature: one unsigned 32-bit hash per band of `rows` values, seeded by the
 * band index, so two signatures share a key when one band of rows is identical (or, with
 * probability 2⁻³² per pair of keys, by chance: a spurious candidate the clusterer rejects).
 *
 * @example
 * bandKeys(signature).length // 42
 */
export function bandKeys(signature: Uint32Array, options: Readonly<LshOptions> = DEFAULT_LSH_OPTIONS): Uint32Array {
  const { bands, rows } = options;
  if (bands * rows > signature.length) {
    throw new RangeError(`lsh: ${bands}×${rows} needs ${bands * rows} hashes, signature has ${signature.length}`);
  }
  const keys = new Uint32Array(bands);
  for (let b = 0; b < bands; b++) {
    let h = mix32(0x3c6ef372 ^ Math.imul(b + 1, 0x9e3779b1));
    for (let r = 0; r < rows; r++) h = mix32(Math.imul(h, 0x01000193) ^ (signature[b * rows + r] ?? 0));
    keys[b] = h;
  }
  return keys;
}

/**
 * The index key of a text key such as `p:<paragraph hash>`, `x:<exact hash>` or
 * `f:<day>:<figure>` (prefixes keep the kinds apart).
 *
 * @example
 * textKey('x:0a1b') === textKey('x:0a1b') // true
 */
export function textKey(key: string): number {
  return hashCodeUnits(key, 0, key.length, 0x27d4eb2f);
}

/**
 * Default bound of a key's posting list: 32 newest articles. A candidate article only leads to
 * its story, and any one member finds a story, so a key shared by one story's many copies loses
 * nothing; a key shared across stories is boilerplate, where only recent articles matter. At
 * 256 the bench's query cost grew 3.6× from 100 k to 1 M articles as shared keys filled up
 * (walking and collecting their lists); the bound caps that walk.
 */
export const DEFAULT_MAX_PER_KEY = 32;

/** Options of {@link MemoryLshIndex}. */
export interface MemoryLshIndexOptions {
  /**
   * Most ids kept per key; older ones are dropped. Bounds the cost of keys shared by boilerplate
   * (a portal's footer paragraph) at a million articles. Default {@link DEFAULT_MAX_PER_KEY}.
   */
  maxPerKey: number;
}

/** In-memory {@link LshIndex} over {@link KeyPostings}; remembers each article's keys for `remove`. */
export class MemoryLshIndex implements LshIndex {
  readonly #postings: KeyPostings;
  readonly #numbers = new Map<string, number>();
  readonly #ids: (string | undefined)[] = [''];
  readonly #keysOf = new Map<number, Set<number>>();

  /** @param options - see {@link MemoryLshIndexOptions}. */
  constructor(options: Partial<MemoryLshIndexOptions> = {}) {
    this.#postings = new KeyPostings(options.maxPerKey ?? DEFAULT_MAX_PER_KEY);
  }

  /** @inheritdoc */
  add(id: string, keys: ArrayLike<number>): void {
    let n = this.#numbers.get(id);
    if (n === undefined) {
      n = this.#ids.length;
      this.#ids.push(id);
      this.#numbers.set(id, n);
      this.#keysOf.set(n, new Set());
    }
    const own = this.#keysOf.get(n);
    for (let i = 0; i < keys.length; i++) {
      const k = (keys[i] ?? 0) >>> 0;
      own?.add(k);
      this.#postings.add(k, n);
    }
  }

  /** @inheritdoc */
  candidates(keys: ArrayLike<number>): Set<string> {
    const out = new Set<string>();
    const visit = (n: number): void => {
      const id = this.#ids[n];
      if (id !== undefined) out.add(id);
    };
    for (let i = 0; i < keys.length; i++) this.#postings.collect(keys[i] ?? 0, visit);
    return out;
  }

  /** @inheritdoc */
  remove(id: string): void {
    const n = this.#numbers.get(id);
    if (n === undefined) return;
    for (const k of this.#keysOf.get(n) ?? []) this.#postings.remove(k, n);
    this.#keysOf.delete(n);
    this.#numbers.delete(id);
    this.#ids[n] = undefined;
  }

  /** Number of distinct keys held. */
  get size(): number {
    return this.#postings.size;
  }
}
