/**
 * char-accuracy: character accuracy of an extracted text against its truth,
 * 1 − (Levenshtein distance over code points) / (truth length), floored at 0.
 */

/** Levenshtein distance over Unicode code points (two-row dynamic programme). */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * Character accuracy of `actual` against `truth` (1 when equal; 1 for two empty strings).
 * @example charAccuracy('稳增长', '稳增') // 0.666…
 */
export function charAccuracy(truth: string, actual: string): number {
  const length = Array.from(truth).length;
  if (length === 0) return actual === '' ? 1 : 0;
  return Math.max(0, 1 - editDistance(truth, actual) / length);
}
