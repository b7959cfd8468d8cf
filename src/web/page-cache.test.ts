import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageCache, SignedPageCache } from './page-cache.js';

// A fake clock (Date only: promise callbacks and setImmediate stay real), so no test depends on
// how fast a loaded machine runs it.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-01T00:00:00Z'));
});
afterEach(() => vi.useRealTimers());
const advance = (ms: number): void => {
  vi.setSystemTime(Date.now() + ms);
};

describe('PageCache', () => {
  it('renders once within the TTL, never caches with TTL 0, and forgets failed renders', async () => {
    let n = 0;
    const render = async (): Promise<string> => `page ${++n}`;
    const cache = new PageCache({ ttlMs: 2_000 });
    expect([await cache.get('a', render), await cache.get('a', render), await cache.get('b', render)]).toEqual(['page 1', 'page 1', 'page 2']);
    const off = new PageCache({ ttlMs: 0 });
    expect([await off.get('a', render), await off.get('a', render)]).toEqual(['page 3', 'page 4']);
    await expect(cache.get('c', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await new Promise((r) => setImmediate(r));
    expect(await cache.get('c', render)).toBe('page 5');
  });

  it('renders again once the TTL has passed, not a millisecond before', async () => {
    let n = 0;
    const render = async (): Promise<string> => `page ${++n}`;
    const cache = new PageCache({ ttlMs: 2_000 });
    expect(await cache.get('a', render)).toBe('page 1');
    advance(1_999);
    expect(await cache.get('a', render)).toBe('page 1');
    advance(1);
    expect(await cache.get('a', render)).toBe('page 2');
  });

  it('keeps at most maxEntries pages, dropping the oldest stored', async () => {
    let n = 0;
    const render = async (): Promise<string> => `page ${++n}`;
    const cache = new PageCache({ ttlMs: 60_000, maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, render);
    expect([await cache.get('c', render), await cache.get('b', render), await cache.get('a', render)]).toEqual(['page 3', 'page 2', 'page 4']);
  });
});

describe('SignedPageCache', () => {
  it('reuses a page while its signature holds and drops the least recently used beyond the bound', async () => {
    let n = 0;
    const render = async (): Promise<string> => `page ${++n}`;
    const cache = new SignedPageCache(2);
    expect(await cache.get('a', 's1', render)).toBe('page 1');
    expect(await cache.get('a', 's1', render)).toBe('page 1');
    expect(await cache.get('a', 's2', render)).toBe('page 2');
    await cache.get('b', 's', render);
    await cache.get('a', 's2', render);
    await cache.get('c', 's', render);
    expect(await cache.get('a', 's2', render)).toBe('page 2');
    expect(await cache.get('b', 's', render)).toBe('page 5');
  });

  it('renders a page again after maxAgeMs even when its signature holds', async () => {
    let n = 0;
    const render = async (): Promise<string> => `page ${++n}`;
    const cache = new SignedPageCache(10, 60_000);
    expect(await cache.get('a', 's', render)).toBe('page 1');
    advance(59_999);
    expect(await cache.get('a', 's', render)).toBe('page 1');
    advance(1);
    expect(await cache.get('a', 's', render)).toBe('page 2');
  });
});
