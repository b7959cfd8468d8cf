import { describe, expect, it } from 'vitest';
import { nextDueAt } from './backoff.js';

const minute = 60_000;
const at = (ms: number): string => new Date(ms).toISOString();

describe('nextDueAt', () => {
  it.each([
    [0, undefined, at(5 * minute)],
    [1, undefined, at(5 * minute)],
    [2, undefined, at(10 * minute)],
    [4, undefined, at(40 * minute)],
    [10, undefined, at(60 * minute)],
    [1, 30 * minute, at(30 * minute)],
    [1, 5 * 3_600_000, at(60 * minute)],
  ])('after %i failures (Retry-After %s) is due at %s', (failures, retryAfterMs, expected) => {
    expect(
      nextDueAt({
        now: 0,
        every: 5 * minute,
        consecutiveFailures: failures,
        ceiling: 60 * minute,
        retryAfterMs,
      }),
    ).toBe(expected);
  });

  it('never waits less than the interval, even with a lower ceiling', () => {
    expect(
      nextDueAt({ now: 0, every: 2 * 3_600_000, consecutiveFailures: 3, ceiling: 3_600_000 }),
    ).toBe(at(2 * 3_600_000));
  });

  it('adds up to `jitter × every` of random wait', () => {
    const base = { now: 0, every: 10 * minute, ceiling: 60 * minute, jitter: 0.1 };
    expect(nextDueAt({ ...base, consecutiveFailures: 0, random: 0 })).toBe(at(10 * minute));
    expect(nextDueAt({ ...base, consecutiveFailures: 0, random: 0.5 })).toBe(at(10.5 * minute));
    expect(nextDueAt({ ...base, consecutiveFailures: 2, random: 0.5 })).toBe(at(20.5 * minute));
  });
});
