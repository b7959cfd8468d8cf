/**
 * Per-host politeness: at most `concurrency` requests in flight to one host, and request
 * starts at least `minDelay` apart. Hosts are told apart by host name (ports ignored).
 */
import type { HostLimit } from '../config/schema.js';

/** Options of {@link createHostLimiter}. */
export interface HostLimiterOptions {
  /** Limits by host name; `default` applies to hosts not listed. */
  hosts: Readonly<Record<string, HostLimit>>;
  /** Waits; tests replace it. Default: a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Clock in ms. Default Date.now. */
  clock?: () => number;
}

/** Runs tasks under the per-host limits. */
export interface HostLimiter {
  /** Runs `task` once `url`'s host has a free slot and its minimum delay has passed. */
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
}

/** Used when the configuration names neither the host nor `default`. */
export const DEFAULT_HOST_LIMIT: HostLimit = { concurrency: 2, minDelay: 1000 };

interface Gate {
  limit: HostLimit;
  active: number;
  waiting: (() => void)[];
  nextStart: number;
}

const sleepFor = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Creates a limiter.
 * @example const limiter = createHostLimiter({ hosts: config.network.hosts });
 * await limiter.run(url, () => client.fetch(url));
 */
export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const gates = new Map<string, Gate>();
  const sleep = options.sleep ?? sleepFor;
  const clock = options.clock ?? Date.now;

  function gateFor(url: string): Gate {
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      host = url;
    }
    let gate = gates.get(host);
    if (!gate) {
      const limit = options.hosts[host] ?? options.hosts['default'] ?? DEFAULT_HOST_LIMIT;
      gate = { limit, active: 0, waiting: [], nextStart: 0 };
      gates.set(host, gate);
    }
    return gate;
  }

  async function acquire(gate: Gate): Promise<void> {
    if (gate.active < gate.limit.concurrency) gate.active++;
    // release() hands its slot straight to the next waiter, so `active` stays counted.
    else await new Promise<void>((resolve) => gate.waiting.push(resolve));
    const now = clock();
    const startAt = Math.max(now, gate.nextStart);
    gate.nextStart = startAt + gate.limit.minDelay;
    if (startAt > now) await sleep(startAt - now);
  }

  function release(gate: Gate): void {
    const next = gate.waiting.shift();
    if (next) next();
    else gate.active--;
  }

  return {
    async run(url, task) {
      const gate = gateFor(url);
      await acquire(gate);
      try {
        return await task();
      } finally {
        release(gate);
      }
    },
  };
}
