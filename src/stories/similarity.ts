/**
 * Similarity of two texts: Jaccard for same-length copies, containment for a trimmed copy inside
 * a longer version, estimated from MinHash signatures or exact from shingle sets, plus
 * paragraph-level containment from paragraph hashes.
 */

/** Fraction of signature positions where two signatures agree: the MinHash Jaccard estimate. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const k = Math.min(a.length, b.length);
  if (k === 0) return 0;
  let equal = 0;
  for (let i = 0; i < k; i++) if (a[i] === b[i]) equal++;
  return equal / k;
}

/**
 * Containment |A ∩ B| / |A| derived from a Jaccard value and both set sizes:
 * |A ∩ B| = J (|A| + |B|) / (1 + J). Clamped to [0, 1].
 */
export function containmentFromJaccard(jaccard: number, sizeA: number, sizeB: number): number {
  if (sizeA === 0) return 0;
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, Math.max(0, intersection / sizeA));
}

/** Size of the intersection of two sorted, duplicate-free sequences (shingle hashes, figures). */
export function intersectionSize<T extends string | number>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Exact Jaccard of two sorted shingle sets (see `shingleSet`). Two empty sets give 0. */
export function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  const inter = intersectionSize(a, b);
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

/** Exact containment |A ∩ B| / |A| of two sorted shingle sets; 0 when A is empty. */
export function exactContainment(a: Uint32Array, b: Uint32Array): number {
  return a.length === 0 ? 0 : intersectionSize(a, b) / a.length;
}

/** A paragraph hash with the length of the paragraph it came from. */
export interface WeightedParagraphs {
  /** Paragraph hashes in document order. */
  hashes: readonly string[];
  /** Length (code units) of each paragraph. */
  lengths: readonly number[];
}

/**
 * Share of A's text, by length, that sits in paragraphs also present verbatim (after folding) in
 * B. Paragraphs shorter than `minLength` are ignored on both sides so short boilerplate
 * lines (编辑：…) do not count as shared text.
 *
 * @example
 * paragraphContainment({ hashes: ['x', 'y'], lengths: [30, 10] }, { hashes: ['x'], lengths: [30] }) // 0.75
 */
export function paragraphContainment(a: WeightedParagraphs, b: WeightedParagraphs, minLength = 0): number {
  const inB = new Set<string>();
  b.hashes.forEach((h, i) => {
    if ((b.lengths[i] ?? 0) >= minLength) inB.add(h);
  });
  let total = 0;
  let shared = 0;
  a.hashes.forEach((h, i) => {
    const len = a.lengths[i] ?? 0;
    if (len < minLength) return;
    total += len;
    if (inB.has(h)) shared += len;
  });
  return total === 0 ? 0 : shared / total;
}
