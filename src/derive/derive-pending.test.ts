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
import { derivePending, runUnlessBusy } from './derive-pending.js';

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
