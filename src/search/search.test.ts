import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, freshDbSpec } from '../../test/support/backends.js';
import { makeArticle } from '../../test/support/make-article.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { ROWIDS_PER_SECOND } from '../store/tables.js';
import { indexPending } from './index-articles.js';
import { recencyFactor, searchArticles } from './search.js';

const NOW = new Date('2021-12-31T00:00:00Z');
const nowSec = NOW.getTime() / 1000;

describe('recencyFactor', () => {
  it('is 1.5 now, 1.25 after the 30-day half-life, and tends to 1', () => {
    expect(recencyFactor(nowSec * ROWIDS_PER_SECOND, nowSec)).toBe(1.5);
    expect(recencyFactor((nowSec - 30 * 86_400) * ROWIDS_PER_SECOND + 5, nowSec)).toBeCloseTo(1.25, 6);
    expect(recencyFactor((nowSec - 3650 * 86_400) * ROWIDS_PER_SECOND, nowSec)).toBeCloseTo(1, 6);
    expect(recencyFactor((nowSec + 86_400) * ROWIDS_PER_SECOND, nowSec)).toBe(1.5);
  });
});

describe.each(BACKENDS)('searchArticles on %s', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(await freshDbSpec(backend));
    await store.upsertArticles([
      makeArticle({ id: 't:body', title: '一季度经济数据', text: '新能源汽车产销两旺，新能源汽车出口增长。', publishedAt: '2021-12-30T10:00:00+08:00' }),
      makeArticle({ id: 't:title', title: '新能源汽车产销两旺', text: '一季度产销数据公布。', publishedAt: '2021-12-01T10:00:00+08:00' }),
      makeArticle({ id: 't:old', title: '新能源汽车产销两旺', text: '一季度产销数据公布。', publishedAt: '2020-12-01T10:00:00+08:00' }),
      // articles without the term, so that it is not in every document (BM25's IDF)
      ...[1, 2, 3, 4].map((n) => makeArticle({ id: `t:other${n}`, title: `其他新闻${n}`, text: '股市收盘。' })),
    ]);
    await indexPending(store);
  });
  afterAll(() => store.close());

  it('ranks a title match above body matches, and a recent one above an old one', async () => {
    const res = await searchArticles(store, { q: '新能源汽车' }, { now: NOW });
    const order = res.results.map((h) => h.articleId);
    expect(order[0]).toBe('t:title');
    // same text, a year older: only the recency factor separates them
    expect(order.indexOf('t:title')).toBeLessThan(order.indexOf('t:old'));
    // 30 days old (×1.25) against 395 days old (×1.00)
    expect(res.results[0]!.score / res.results.find((h) => h.articleId === 't:old')!.score).toBeCloseTo(1.25, 2);
    expect(res).toMatchObject({ total: 3, totalExact: true, page: 1, pageSize: 20 });
    expect(order).toHaveLength(3);
  });

  it('validates paging', async () => {
    await expect(searchArticles(store, { q: '新能源汽车', pageSize: 101 })).rejects.toThrow(/pageSize must be a whole number from 1 to 100/);
    await expect(searchArticles(store, { q: '新能源汽车', page: 1.5 })).rejects.toThrow(/page must be a whole number/);
  });

  it('returns an empty page past the end', async () => {
    const res = await searchArticles(store, { q: '新能源汽车', page: 2 }, { now: NOW });
    expect(res.results).toEqual([]);
    expect(res.total).toBe(3);
  });
});
