/**
 * Articles stored out of publication order (polls and imports bring older articles after newer
 * ones were clustered) end in the stories of clustering every article in publication order: the
 * stories a late article could change re-open (src/store/rewind-plan.ts). On the suite's backend.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { clusterPending } from '../../src/stories/cluster-store.js';
import { testDbSpec } from '../support/backends.js';
import { importCorpus, type ImportedCorpus } from './load-corpus.js';
import { shuffled } from '../support/shuffle.js';

let corpus: ImportedCorpus;
let dir: string;
beforeAll(async () => {
  corpus = await importCorpus([]);
  await clusterPending(corpus.store, { workers: 0 });
  dir = mkdtempSync(join(tmpdir(), 'caixun-late-'));
});
afterAll(async () => {
  await corpus.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Seeds whose arrival orders split stories when late arrivals are clustered late (checked). */
const SEEDS = (process.env.LATE_SEEDS ?? '2,8,9,11,13').split(',').map(Number);

/** Each story as `id: sorted member ids` (the id too: it is named after its earliest member). */
async function partition(store: Store): Promise<string[]> {
  const tables = store.stories();
  return (await tables.listStories(10_000)).map((s) => `${s.id}: ${s.members.map((m) => m.id).sort().join(' ')}`).sort();
}

/** Store `articles` in batches of `size` in the given order, clustering after each batch. */
async function storeInOrder(articles: readonly Article[], size: number, name: string): Promise<Store> {
  const store = await openStore(await testDbSpec(dir, name));
  for (let i = 0; i < articles.length; i += size) {
    await store.upsertArticles(articles.slice(i, i + size));
    await clusterPending(store, { workers: 0 });
  }
  return store;
}

describe('late arrivals', () => {
  it('give the stories (and story ids) of in-order clustering, newest first or shuffled', async () => {
    const reference = await partition(corpus.store);
    const byTime = [...corpus.articles].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || (a.id < b.id ? -1 : 1));
    // Newest first, and shuffles (seeded): each a different arrival order.
    const orders: Record<string, Article[]> = { reversed: [...byTime].reverse() };
    for (const seed of SEEDS) orders[`shuffle ${seed}`] = shuffled(byTime, seed);
    const differing: string[] = [];
    for (const [name, order] of Object.entries(orders)) {
      const store = await storeInOrder(order, 7, `${name.replace(' ', '-')}.db`);
      try {
        expect(await store.stories().countPending()).toBe(0);
        if (JSON.stringify(await partition(store)) !== JSON.stringify(reference)) differing.push(name);
      } finally {
        await store.close();
      }
    }
    expect(differing).toEqual([]);
  });
});
