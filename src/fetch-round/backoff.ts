/** When a source is next due: its interval after a success, exponential backoff to a ceiling after failures. */

/** Inputs of {@link nextDueAt}. */
export interface NextDueInput {
  /** ms since epoch of this attempt. */
  now: number;
  /** The source's poll interval, ms. */
  every: number;
  /** Failures in a row, this one included; 0 after a success. */
  consecutiveFailures: number;
  /** Longest wait, ms. */
  ceiling: number;
  /** Delay the server asked for (Retry-After), ms. */
  retryAfterMs?: number | undefined;
  /** Random extra wait as a fraction of `every` (0.1 = up to +10 %). Default 0. */
  jitter?: number | undefined;
  /** A number in [0, 1) drawn for the jitter. Default Math.random(). */
  random?: number | undefined;
}

/**
 * The ISO time a source is next due. After n failures in a row the wait is
 * `every × 2^(n-1)`, at least any Retry-After, never more than the ceiling (nor less than `every`),
 * plus the jitter.
 * @example nextDueAt({ now: 0, every: 60_000, consecutiveFailures: 3, ceiling: 3_600_000 }) // +4 min
 */
export function nextDueAt(input: NextDueInput): string {
  const { now, every, consecutiveFailures, ceiling } = input;
  let wait = every;
  if (consecutiveFailures > 0) {
    const exponent = Math.min(consecutiveFailures - 1, 30);
    wait = Math.max(every * 2 ** exponent, input.retryAfterMs ?? 0);
    wait = Math.max(every, Math.min(wait, ceiling));
  }
  // Jitter spreads sources configured with the same interval so they do not poll in lockstep.
  const jitter = input.jitter ?? 0;
  if (jitter > 0) wait += Math.floor(every * jitter * (input.random ?? Math.random()));
  return new Date(now + wait).toISOString();
}
