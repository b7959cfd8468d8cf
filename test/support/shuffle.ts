/** Seeded randomness for tests: a linear congruential generator (the same seed, the same sequence). */

/** A generator of fractions in [0, 1) from a seed (0 counts as 1). */
function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A generator of whole numbers in [0, n) from a seed. */
export function seededInts(seed: number): (n: number) => number {
  const rand = lcg(seed);
  return (n) => Math.floor(rand() * n);
}

/** A seeded Fisher–Yates shuffle. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rand = lcg(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
