/**
 * LSH banding over MinHash signatures, and the candidate index the clusterer queries.
 *
 * Band layout (measured, see the report): 128 hashes = 42 bands × 3 rows (the last 2 hashes are
 * unused). A pair with Jaccard s becomes a candidate with probability 1 − (1 − s³)^42:
 * 0.996 at s = 0.5, 0.68 at s = 0.3, 0.04 at s = 0.1 — recall ≥ 0.99 at the 0.5 threshold
 * while unrelated texts rarely collide.
 */
import { mix32, toHex32 } from './hash.js';

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
 * Where band keys are stored. Keys are short ASCII strings (fit a TEXT column); ids are article
 * ids. The lead's SQLite version is a table `(bandKey TEXT, articleId TEXT)` indexed on bandKey.
 */
export interface LshIndex {
  /** Record that article `id` has these keys. Adding the same pair twice has no effect. */
  add(id: string, bandKeys: readonly string[]): void;
  /** Ids recorded under at least one of the keys (never includes unrecorded ids). */
  candidates(bandKeys: readonly string[]): Set<string>;
}

/**
 * Band keys of a signature: `b<band index>:<64-bit hash of the band rows as hex>`,
 * e.g. `b17:0a3c…`. Two signatures share a key exactly when (up to a 2⁻⁶⁴ collision) one band
 * of rows is identical.
 *
 * @example
 * bandKeys(signature).length // 42
 */
export function bandKeys(signature: Uint32Array, options: Readonly<LshOptions> = DEFAULT_LSH_OPTIONS): string[] {
  const { bands, rows } = options;
  if (bands * rows > signature.length) {
    throw new RangeError(`lsh: ${bands}×${rows} needs ${bands * rows} hashes, signature has ${signature.length}`);
  }
  const keys = new Array<string>(bands);
  for (let b = 0; b < bands; b++) {
    let hi = 0x3c6ef372 ^ b;
    let lo = 0x7f4a7c15 ^ Math.imul(b, 0x2545f491);
    for (let r = 0; r < rows; r++) {
      const v = signature[b * rows + r] ?? 0;
      hi = mix32(hi ^ v);
      lo = mix32(Math.imul(lo, 0x01000193) ^ v);
    }
    keys[b] = `b${b}:${toHex32(hi)}${toHex32(lo)}`;
  }
  return keys;
}

/** Options of {@link MemoryLshIndex}. */
export interface MemoryLshIndexOptions {
  /**
   * Most ids kept per key, newest last; older ones are dropped. Bounds the cost of keys shared
   * by boilerplate (a portal's footer paragraph) at a million articles. Default 256.
   */
  maxPerKey: number;
}

/** In-memory {@link LshIndex}: a map from key to the ids recorded under it, in insertion order. */
export class MemoryLshIndex implements LshIndex {
  readonly #postings = new Map<string, string[]>();
  readonly #maxPerKey: number;

  /** @param options - see {@link MemoryLshIndexOptions}. */
  constructor(options: Partial<MemoryLshIndexOptions> = {}) {
    this.#maxPerKey = options.maxPerKey ?? 256;
  }

  /** @inheritdoc */
  add(id: string, keys: readonly string[]): void {
    for (const key of keys) {
      let list = this.#postings.get(key);
      if (list === undefined) {
        list = [];
        this.#postings.set(key, list);
      }
      if (list[list.length - 1] === id || list.includes(id)) continue;
      list.push(id);
      if (list.length > this.#maxPerKey) list.shift();
    }
  }

  /** @inheritdoc */
  candidates(keys: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const key of keys) {
      const list = this.#postings.get(key);
      if (list !== undefined) for (const id of list) out.add(id);
    }
    return out;
  }

  /** Number of distinct keys held. */
  get size(): number {
    return this.#postings.size;
  }
}
