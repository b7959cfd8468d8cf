import { describe, expect, it } from 'vitest';
import { createHostLimiter } from './host-limiter.js';

describe('createHostLimiter', () => {
  it('limits concurrency per host name and spaces request starts', async () => {
    let clock = 0;
    const waits: number[] = [];
    const limiter = createHostLimiter({
      hosts: {
        'a.example': { concurrency: 2, minDelay: 100 },
        default: { concurrency: 1, minDelay: 0 },
      },
      clock: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    let active = 0;
    let peak = 0;
    const task = async (): Promise<void> => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    };
    await Promise.all(
      [1, 2, 3, 4].map((i) => limiter.run(`https://a.example:${8000 + i}/x`, task)),
    );
    expect(peak).toBe(2);
    expect(waits).toEqual([100, 100, 100]);

    active = 0;
    peak = 0;
    await Promise.all([1, 2, 3].map(() => limiter.run('https://b.example/y', task)));
    expect(peak).toBe(1);
  });

  it('releases the slot when a task throws', async () => {
    const limiter = createHostLimiter({ hosts: { default: { concurrency: 1, minDelay: 0 } } });
    await expect(
      limiter.run('https://c.example/', () => Promise.reject(new Error('x'))),
    ).rejects.toThrow('x');
    await expect(limiter.run('https://c.example/', () => Promise.resolve(1))).resolves.toBe(1);
  });
});
