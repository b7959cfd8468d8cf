/**
 * Fingerprints of an article's matching text: an exact hash, per-paragraph hashes and a MinHash
 * signature over character n-grams.
 *
 * Choice of n and of the number of hashes (measured on the labelled corpus clusters with
 * `test/stories/measure-shingles.ts`; figures in the module report):
 * - n = 4 code units. n = 2 and 3 give different reports sharing stock phrases (人民币兑美元,
 *   北向资金净流入) Jaccard 0.2–0.4, so the negatives crowd the threshold; n = 5 and 6 lose
 *   reprints with light edits (numbers re-typed, 新冠疫苗 → 新冠肺炎疫苗) because each edit
 *   breaks n shingles. n = 4 gave the widest gap between the lowest same-story reprint pair
 *   and the highest different-story pair.
 * - 128 hashes. The signature uses one-permutation hashing with optimal densification
 *   (Shrivastava 2017): every shingle is hashed once and lands in one of 128 bins, so the cost
 *   is O(length + 128) instead of O(length × 128). The standard error of the Jaccard estimate
 *   is about sqrt(J(1−J)/128) ≤ 0.044, small against the 0.5 decision threshold, and 128 splits
 *   into 42 bands of 3 rows for LSH (see lsh.ts).
 */
import { createHash } from 'node:crypto';
import { hashString64, mix32 } from './hash.js';
import { foldParagraphs, type FoldedText } from './normalize.js';

/** Parameters of the fingerprint; changing any of them invalidates stored signatures. */
export interface FingerprintOptions {
  /** Shingle length in UTF-16 code units. Default 4. */
  shingleSize: number;
  /** Signature length (number of MinHash bins). Must be a power of two. Default 128. */
  numHashes: number;
  /** Seed of the shingle hash. Default 0x9e3779b9. */
  seed: number;
}

/** The defaults chosen by measurement (see the module comment). */
export const DEFAULT_FINGERPRINT_OPTIONS: Readonly<FingerprintOptions> = Object.freeze({
  shingleSize: 4,
  numHashes: 128,
  seed: 0x9e3779b9,
});

/** Everything the stories stage stores about one text. */
export interface Fingerprint {
  /** SHA-1 (hex) of the matching text: equal exactly when the folded texts are equal. */
  exactHash: string;
  /** 64-bit hash (16 hex digits) of each non-empty matching paragraph, in document order. */
  paragraphHashes: string[];
  /** Length in code units of each matching paragraph (same order as `paragraphHashes`). */
  paragraphLengths: number[];
  /** MinHash signature, `numHashes` unsigned 32-bit values. */
  signature: Uint32Array;
  /** Number of distinct shingles (for containment estimates). */
  shingleCount: number;
  /** Length of the whole matching text in code units. */
  length: number;
}

const EMPTY_BIN = 0xffffffff;
let scratch = new Uint32Array(4096);

/**
 * Hash every n-gram of `text` into `out` (grown when needed) and return how many there are.
 * Texts shorter than n yield one shingle of the whole text so they still have a fingerprint.
 */
function hashShingles(
  text: string,
  n: number,
  seed: number,
): { hashes: Uint32Array; count: number } {
  const count = text.length === 0 ? 0 : Math.max(1, text.length - n + 1);
  if (scratch.length < count) scratch = new Uint32Array(Math.max(count, scratch.length * 2));
  const width = Math.min(n, text.length);
  const base = (0x811c9dc5 ^ seed) | 0;
  const out = scratch;
  // hashCodeUnits(text, i, width, seed) written out: this loop runs once per character.
  for (let i = 0; i < count; i++) {
    let h = base;
    for (let j = i; j < i + width; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
    h ^= width;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[i] = h;
  }
  return { hashes: out, count };
}

/**
 * The sorted set of distinct shingle hashes of a matching text (for exact similarity).
 *
 * @example
 * shingleSet('人民币升值', 4).length // 2
 */
export function shingleSet(
  matchingText: string,
  shingleSize = DEFAULT_FINGERPRINT_OPTIONS.shingleSize,
  seed = DEFAULT_FINGERPRINT_OPTIONS.seed,
): Uint32Array {
  const { hashes, count } = hashShingles(matchingText, shingleSize, seed);
  const sorted = hashes.slice(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i] ?? 0;
  }
  return sorted.slice(0, distinct);
}

/**
 * One-permutation MinHash with optimal densification of a matching text.
 * Identical texts give identical signatures; an empty text gives all-EMPTY bins.
 */
export function minHashSignature(
  matchingText: string,
  options: Readonly<FingerprintOptions> = DEFAULT_FINGERPRINT_OPTIONS,
): Uint32Array {
  const { hashes, count } = hashShingles(matchingText, options.shingleSize, options.seed);
  return signatureFromHashes(hashes, count, options.numHashes);
}

/** Bin each shingle hash by its top bits, keep the minimum of a remix per bin, then densify. */
function signatureFromHashes(hashes: Uint32Array, count: number, k: number): Uint32Array {
  const bits = Math.log2(k);
  if (!Number.isInteger(bits)) {
    throw new RangeError(`fingerprint: numHashes must be a power of two, got ${k}`);
  }
  const sig = new Uint32Array(k).fill(EMPTY_BIN);
  const shift = 32 - bits;
  for (let i = 0; i < count; i++) {
    const h = hashes[i] ?? 0;
    const bin = bits === 0 ? 0 : h >>> shift;
    // The low bits rank shingles inside a bin; remixing keeps them independent of the bin bits.
    let v = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
    v = (v ^ (v >>> 16)) >>> 1; // mix32(h) >>> 1
    if (v < (sig[bin] ?? EMPTY_BIN)) sig[bin] = v;
  }
  if (count > 0) densify(sig);
  return sig;
}

/** Fill each empty bin from a non-empty one chosen by a per-bin hash sequence (optimal densification). */
function densify(sig: Uint32Array): void {
  const k = sig.length;
  const filled = sig.slice();
  for (let j = 0; j < k; j++) {
    if (filled[j] !== EMPTY_BIN) continue;
    for (let attempt = 1; ; attempt++) {
      const donor = mix32(Math.imul(j + 1, 0x9e3779b1) ^ attempt) % k;
      const value = filled[donor] ?? EMPTY_BIN;
      if (value !== EMPTY_BIN) {
        sig[j] = value;
        break;
      }
    }
  }
}

let seenValues = new Uint32Array(8192);
let seenStamps = new Uint32Array(8192);
let stamp = 0;

/**
 * Number of distinct values among hashes[0, count): an open-addressing set whose slots are
 * cleared by bumping a stamp (no sort, no clearing pass).
 */
function countDistinct(hashes: Uint32Array, count: number): number {
  let size = 16;
  while (size < count * 2) size *= 2;
  if (seenValues.length < size) {
    seenValues = new Uint32Array(size);
    seenStamps = new Uint32Array(size);
    stamp = 0;
  }
  stamp = (stamp + 1) >>> 0;
  if (stamp === 0) {
    seenStamps.fill(0);
    stamp = 1;
  }
  const mask = size - 1;
  // Locals, not the module bindings, inside the loop (measured faster under V8).
  const values = seenValues;
  const stamps = seenStamps;
  const current = stamp;
  let distinct = 0;
  for (let i = 0; i < count; i++) {
    const h = hashes[i] ?? 0;
    let slot = Math.imul(h, 0x9e3779b1) & mask;
    for (;;) {
      if (stamps[slot] !== current) {
        stamps[slot] = current;
        values[slot] = h;
        distinct++;
        break;
      }
      if (values[slot] === h) break;
      slot = (slot + 1) & mask;
    }
  }
  return distinct;
}

/**
 * Fingerprint a text: exact hash, paragraph hashes and MinHash signature of its matching form.
 *
 * @example
 * const fp = fingerprintText('第一段。\n\n第二段！');
 * fp.paragraphHashes.length // 2
 */
export function fingerprintText(
  text: string,
  options: Readonly<FingerprintOptions> = DEFAULT_FINGERPRINT_OPTIONS,
): Fingerprint {
  return fingerprintFolded(foldParagraphs(text), options);
}

/** {@link fingerprintText} of a text already folded by `foldParagraphs`. */
export function fingerprintFolded(
  folded: FoldedText,
  options: Readonly<FingerprintOptions> = DEFAULT_FINGERPRINT_OPTIONS,
): Fingerprint {
  const { paragraphs, matching } = folded;
  const { hashes, count } = hashShingles(matching, options.shingleSize, options.seed);
  const signature = signatureFromHashes(hashes, count, options.numHashes);
  const distinct = countDistinct(hashes, count);
  return {
    exactHash: createHash('sha1').update(matching).digest('hex'),
    paragraphHashes: paragraphs.map(hashString64),
    paragraphLengths: paragraphs.map((p) => p.length),
    signature,
    shingleCount: distinct,
    length: matching.length,
  };
}
