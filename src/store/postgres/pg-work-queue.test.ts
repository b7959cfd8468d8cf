/** The PostgreSQL work queue on a fresh database of the test server (only its own table). */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshPgDatabase } from '../../../test/support/postgres.js';
import { PgWorkQueue, workQueuePgMigration } from './pg-work-queue.js';

let url: string;
let queues: PgWorkQueue[] = [];

function open(): PgWorkQueue {
  const queue = PgWorkQueue.connect(url);
  queues.push(queue);
  return queue;
}

beforeEach(async () => {
  url = await freshPgDatabase('queue');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(workQueuePgMigration.sql);
  } finally {
    await client.end();
  }
});
afterEach(async () => {
  await Promise.all(queues.map((q) => q.close()));
  queues = [];
});

const past = '2020-01-01T00:00:00.000Z';
const future = '2999-01-01T00:00:00.000Z';
const claimAll = { keys: ['a', 'b', 'c', 'd'], limit: 10, leaseMs: 60_000 };

describe('PgWorkQueue', () => {
  it('a source enqueued due now is due by the database time read after it (microseconds kept)', async () => {
    const q = open();
    // now() of the insert and the time read after it often share a millisecond: a time cut to
    // milliseconds lies before the due time, and a `--once` pass claimed nothing
    for (let i = 0; i < 30; i++) {
      const key = `k${i}`;
      await q.enqueue([{ key, dueAt: null }]);
      const dueBy = await q.databaseTime();
      expect(await q.claim({ owner: 'w1', keys: [key], limit: 1, leaseMs: 60_000, dueBy }), dueBy).toHaveLength(1);
    }
  });

  it('enqueues missing sources only; queued ones keep their schedule and round', async () => {
    const q = open();
    expect(await q.enqueue([{ key: 'a', dueAt: past }, { key: 'b', dueAt: future }])).toBe(2);
    const [lease] = await q.claim({ owner: 'w1', ...claimAll });
    expect(lease).toMatchObject({ key: 'a', owner: 'w1', round: 0, dueAt: past });
    expect(await q.complete(lease!, future)).toBe(true);
    expect(await q.enqueue([{ key: 'a' }, { key: 'b', dueAt: past }, { key: 'c' }])).toBe(1);
    const rows = await q.list();
    expect(rows.map((r) => [r.key, r.dueAt, r.round, r.leaseOwner])).toEqual([
      ['a', future, 1, null],
      ['b', future, 0, null],
      ['c', rows[2]!.dueAt, 0, null],
    ]);
    // `c` was due "now" on the database clock.
    expect(Date.parse(rows[2]!.dueAt)).toBeLessThanOrEqual(Date.parse(await q.databaseTime()));
  });

  it('claims due sources among its keys, earliest first, up to the limit', async () => {
    const q = open();
    await q.enqueue([
      { key: 'a', dueAt: '2021-01-03T00:00:00.000Z' },
      { key: 'b', dueAt: '2021-01-01T00:00:00.000Z' },
      { key: 'c', dueAt: '2021-01-02T00:00:00.000Z' },
      { key: 'd', dueAt: future },
      { key: 'x', dueAt: past },
    ]);
    const first = await q.claim({ owner: 'w1', ...claimAll, limit: 2 });
    expect(first.map((l) => l.key)).toEqual(['b', 'c']);
    // Leased sources are not claimable; `d` is not due; `x` is not among the keys.
    const second = await q.claim({ owner: 'w2', ...claimAll });
    expect(second.map((l) => [l.key, l.owner])).toEqual([['a', 'w2']]);
    expect(await q.claim({ owner: 'w3', ...claimAll })).toEqual([]);
    expect(await q.claim({ owner: 'w3', ...claimAll, keys: [] })).toEqual([]);
  });

  it('claims only sources due by `dueBy` (a --once pass)', async () => {
    const q = open();
    await q.enqueue([
      { key: 'a', dueAt: '2021-01-01T00:00:00.000Z' },
      { key: 'b', dueAt: '2021-01-05T00:00:00.000Z' },
    ]);
    const leases = await q.claim({ owner: 'w1', ...claimAll, dueBy: '2021-01-02T00:00:00.000Z' });
    expect(leases.map((l) => l.key)).toEqual(['a']);
  });

  it('never hands one source to two of many concurrent claimers', async () => {
    const keys = Array.from({ length: 60 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    const setup = open();
    await setup.enqueue(keys.map((key) => ({ key, dueAt: past })));
    const claimers = Array.from({ length: 6 }, () => open());
    const claimed: string[] = [];
    await Promise.all(
      claimers.map(async (q, i) => {
        for (;;) {
          const leases = await q.claim({ owner: `w${i}`, keys, limit: 3, leaseMs: 60_000 });
          if (leases.length === 0) return;
          for (const lease of leases) {
            claimed.push(lease.key);
            expect(await q.complete(lease, future)).toBe(true);
          }
        }
      }),
    );
    expect(claimed.sort()).toEqual(keys);
    expect((await setup.list()).map((r) => r.round)).toEqual(keys.map(() => 1));
  });

  it('lets another worker take a source whose lease expired, and fences the old owner', async () => {
    const q = open();
    await q.enqueue([{ key: 'a', dueAt: past }]);
    const [old] = await q.claim({ owner: 'dead', ...claimAll, leaseMs: 1000 });
    expect(await q.claim({ owner: 'w2', ...claimAll })).toEqual([]);
    const wait = await q.msUntilClaimable(['a']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1000);
    await sleep(1100);
    expect(await q.msUntilClaimable(['a'])).toBe(0);
    const [taken] = await q.claim({ owner: 'w2', ...claimAll });
    expect(taken).toMatchObject({ key: 'a', owner: 'w2', round: 0 });
    // The first owner wakes up: its renewal, completion and release all fail and change nothing.
    expect(await q.extend(old!, 60_000)).toBe(false);
    expect(await q.complete(old!, future)).toBe(false);
    expect(await q.release(old!)).toBe(false);
    expect(await q.complete(taken!, future)).toBe(true);
    expect((await q.list()).map((r) => [r.round, r.dueAt, r.leaseOwner])).toEqual([[1, future, null]]);
  });

  it('keeps an extended lease past its first expiry', async () => {
    const q = open();
    await q.enqueue([{ key: 'a', dueAt: past }]);
    const [lease] = await q.claim({ owner: 'w1', ...claimAll, leaseMs: 200 });
    expect(await q.extend(lease!, 60_000)).toBe(true);
    await sleep(300);
    expect(await q.claim({ owner: 'w2', ...claimAll })).toEqual([]);
    expect(await q.msUntilClaimable(['a'])).toBeGreaterThan(50_000);
  });

  it('releases a source without completing its round, due again at once or later', async () => {
    const q = open();
    await q.enqueue([{ key: 'a', dueAt: past }]);
    const [lease] = await q.claim({ owner: 'w1', ...claimAll });
    expect(await q.release(lease!)).toBe(true);
    const [again] = await q.claim({ owner: 'w2', ...claimAll });
    expect(again).toMatchObject({ key: 'a', owner: 'w2', round: 0, dueAt: past });
    expect(await q.release(again!, future)).toBe(true);
    expect(await q.claim({ owner: 'w3', ...claimAll })).toEqual([]);
    expect((await q.list()).map((r) => [r.round, r.dueAt, r.leaseOwner])).toEqual([[0, future, null]]);
  });

  it('says how long until the first source can be claimed', async () => {
    const q = open();
    expect(await q.msUntilClaimable(['a'])).toBeUndefined();
    const soon = new Date(Date.parse(await q.databaseTime()) + 30_000).toISOString();
    await q.enqueue([{ key: 'a', dueAt: soon }, { key: 'b', dueAt: future }]);
    const ms = await q.msUntilClaimable(['a', 'b']);
    expect(ms).toBeGreaterThan(25_000);
    expect(ms).toBeLessThanOrEqual(30_000);
    expect(await q.msUntilClaimable(['b'])).toBeGreaterThan(30_000);
  });
});
