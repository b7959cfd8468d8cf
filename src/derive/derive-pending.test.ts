/**
 * Derive steps shared by several processes: the named locks of both backends, and
 * `runUnlessBusy`, which lets one worker run a step while the others skip it without leaving
 * their articles behind. Two stores opened on one database stand for two worker processes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, freshDbSpec } from '../../test/support/backends.js';
import { makeArticle } from '../../test/support/make-article.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { derivePending, runUnlessBusy, type DeriveStep } from './derive-pending.js';

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function twoProcesses(spec: string): Promise<[Store, Store]> {
  const a = await openStore(spec);
  opened.push(a);
  const b = await openStore(spec);
  opened.push(b);
  return [a, b];
}

describe.each(BACKENDS)('named locks and runUnlessBusy on %s', (backend) => {
  it('a named lock has one holder across connections, and is free again once released', async () => {
    const [a, b] = await twoProcesses(await freshDbSpec(backend));
    const held = await a.tryLock('derive-search');
    expect(held).toBeTypeOf('function');
    expect(await b.tryLock('derive-search')).toBeUndefined();
    expect(await a.tryLock('derive-search')).toBeUndefined();
    const other = await b.tryLock('derive-facts');
    expect(other).toBeTypeOf('function');
    await held!();
    const again = await b.tryLock('derive-search');
    expect(again).toBeTypeOf('function');
    await again!();
    await other!();
  });

  it('a worker that finds the step busy skips it, and the holder runs it again for what that worker stored', async () => {
    const [a, b] = await twoProcesses(await freshDbSpec(backend));
    const pending: string[] = [];
    const done: string[] = [];
    const take = async (): Promise<number> => {
      const batch = pending.splice(0);
      done.push(...batch);
      return batch.length;
    };
    let bRan = false;
    let bCount = -1;
    // A's first run finds nothing; meanwhile B stores an article and tries the step.
    const aCount = await runUnlessBusy(a, 'facts', async () => {
      const n = await take();
      if (bCount === -1) {
        pending.push('stored-by-b');
        bCount = await runUnlessBusy(b, 'facts', async () => {
          bRan = true;
          return take();
        });
      }
      return n;
    });
    expect(bRan).toBe(false);
    expect(bCount).toBe(0);
    expect(aCount).toBe(1);
    expect(done).toEqual(['stored-by-b']);
    expect(pending).toEqual([]);
  });

  it('derivePending with whenBusy skip derives what two stores wrote, each step once per article', async () => {
    const [a, b] = await twoProcesses(await freshDbSpec(backend));
    await a.upsertArticles([makeArticle({ id: 'a1', title: '央行下调存款准备金率0.5个百分点' })]);
    await b.upsertArticles([makeArticle({ id: 'b1', title: '前三季度国内生产总值增长5.2%' })]);
    const [countsA, countsB] = await Promise.all([derivePending(a, { whenBusy: 'skip' }), derivePending(b, { whenBusy: 'skip' })]);
    for (const step of ['stories', 'search', 'facts']) expect(countsA[step]! + countsB[step]!).toBe(2);
    expect(await a.stories().countPending()).toBe(0);
    expect(await a.facts().countPending()).toBe(0);
  });
});

describe('clustering follows the other writers', () => {
  const at = (iso: string): number => Date.parse(iso) / 1000;
  const story = (id: string, publishedAt: string, n: number): ReturnType<typeof makeArticle> =>
    makeArticle({
      id,
      publishedAt,
      url: `https://example.org/${id}`,
      title: `第${n}号：某省前三季度地区生产总值同比增长${n}.1%`,
      text: `第${n}号消息。某省统计局发布，前三季度全省地区生产总值同比增长${n}.1%，规模以上工业增加值增长${n}.4%，固定资产投资增长${n}.7%。`,
    });

  it('on PostgreSQL a registered writer’s latest batch is how far the others cluster; its own, stale and departed writers hold nobody back', async () => {
    const [a, b] = await twoProcesses(await freshDbSpec('postgres'));
    const leaveA = await a.registerWriter();
    const leaveB = await b.registerWriter();
    expect(await a.writersHorizon(60)).toBeUndefined(); // b has stored nothing yet
    await a.upsertArticles([story('a1', '2024-01-02T00:00:00Z', 1)]);
    expect(await b.writersHorizon(60)).toBe(at('2024-01-02T00:00:00Z'));
    expect(await a.writersHorizon(60)).toBeUndefined(); // its own progress is left out
    // An undated article sorts at its fetch time, which says nothing about the stream's progress.
    await b.upsertArticles([story('b1', '2024-01-01T00:00:00Z', 2), makeArticle({ id: 'b2', publishedAt: null, url: 'https://example.org/b2' })]);
    expect(await a.writersHorizon(60)).toBe(at('2024-01-01T00:00:00Z'));
    expect(await a.writersHorizon(0)).toBeUndefined(); // nobody stored within 0 s
    await leaveB();
    expect(await a.writersHorizon(60)).toBeUndefined();
    await leaveA();
    expect(await b.writersHorizon(60)).toBeUndefined();
  });

  it('on PostgreSQL clustering with followWriters stops before the others’ progress, clusters the rest once they leave, and the stories are those of clustering everything at once', async () => {
    const spec = await freshDbSpec('postgres');
    const [a, b] = await twoProcesses(spec);
    await a.registerWriter();
    const leaveB = await b.registerWriter();
    // Three reprinted stories; b's stream is at the second one when a clusters.
    const articles = [1, 2, 3].flatMap((n) => [story(`s${n}-x`, `2024-0${n}-01T00:00:00Z`, n), story(`s${n}-y`, `2024-0${n}-01T06:00:00Z`, n)]);
    await b.upsertArticles(articles.filter((x) => x.id.startsWith('s2')));
    await a.upsertArticles(articles.filter((x) => !x.id.startsWith('s2')));
    await derivePending(a, { followWriters: true });
    // b's batch reached 2024-02-01 06:00: s1-x, s1-y and s2-x precede it; s2-y and s3 wait.
    expect(await a.stories().countPending()).toBe(3);
    await leaveB();
    await derivePending(a, { followWriters: true });
    expect(await a.stories().countPending()).toBe(0);
    const groups = (await a.stories().listStories(10)).map((s) => s.members.map((m) => m.id).sort().join('+')).sort();
    expect(groups).toEqual(['s1-x+s1-y', 's2-x+s2-y', 's3-x+s3-y']);
  });

  it('on SQLite (one writer at a time) followWriters changes nothing', async () => {
    const [a] = await twoProcesses(await freshDbSpec('sqlite'));
    await (await a.registerWriter())();
    await a.registerWriter();
    await a.upsertArticles([story('x', '2024-01-01T00:00:00Z', 1)]);
    expect(await a.writersHorizon(60)).toBeUndefined();
    await derivePending(a, { followWriters: true });
    expect(await a.stories().countPending()).toBe(0);
  });
});

describe('steps beside the others', () => {
  /** A promise and the function that resolves it. */
  function signal(): { promise: Promise<void>; resolve: () => void } {
    let resolve = (): void => {};
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it('runs a step marked alongside while the chain runs, and counts every step in step order', async () => {
    const besideStarted = signal();
    const firstStarted = signal();
    const ended: string[] = [];
    const steps: DeriveStep[] = [
      // Ends only once the step beside it has started: without concurrency this never resolves.
      { name: 'first', run: async () => (firstStarted.resolve(), await besideStarted.promise, ended.push('first'), 1) },
      { name: 'beside', alongside: true, run: async () => (besideStarted.resolve(), await firstStarted.promise, ended.push('beside'), 2) },
      { name: 'second', run: async () => (ended.push('second'), 3) },
    ];
    const counts = await derivePending({} as Store, { steps });
    expect(Object.entries(counts)).toEqual([
      ['first', 1],
      ['beside', 2],
      ['second', 3],
    ]);
    expect(ended.sort()).toEqual(['beside', 'first', 'second']);
  });

  it('a failing step beside the chain lets the chain finish, then its error is thrown', async () => {
    const ran: string[] = [];
    const steps: DeriveStep[] = [
      { name: 'first', run: async () => (ran.push('first'), 1) },
      {
        name: 'beside',
        alongside: true,
        run: async () => {
          throw new Error('beside failed');
        },
      },
      { name: 'second', run: async () => (ran.push('second'), 1) },
    ];
    await expect(derivePending({} as Store, { steps })).rejects.toThrow('beside failed');
    expect(ran).toEqual(['first', 'second']);
  });

  it('a failing step in the chain stops the steps after it, while the one beside runs to its end', async () => {
    const ran: string[] = [];
    const firstFailed = signal();
    const steps: DeriveStep[] = [
      {
        name: 'first',
        run: async () => {
          firstFailed.resolve();
          throw new Error('first failed');
        },
      },
      { name: 'beside', alongside: true, run: async () => (await firstFailed.promise, ran.push('beside'), 1) },
      { name: 'second', run: async () => (ran.push('second'), 1) },
    ];
    await expect(derivePending({} as Store, { steps })).rejects.toThrow('first failed');
    expect(ran).toEqual(['beside']);
  });
});
