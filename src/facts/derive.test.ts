import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveSteps } from '../derive/derive-pending.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { testDbSpec } from '../../test/support/backends.js';
import { makeArticle } from '../../test/support/make-article.js';
import { corpusFiles } from '../../test/corpus.js';
import { processPath } from '../ingest/process-document.js';
import { extractPending } from './derive.js';

describe('extractPending', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caixun-facts-derive-'));
    store = await openStore(await testDbSpec(dir));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is registered as a derive step that runs beside stories and search', () => {
    expect(deriveSteps.find((s) => s.name === 'facts')?.alongside).toBe(true);
  });

  it('looks only at articles changed since a minute before the last complete run began; wipe starts over', async () => {
    const facts = store.facts();
    expect(await facts.watermark()).toBe('');
    await store.upsertArticles([makeArticle({ id: 't:1', text: '北向资金净流入超40亿元。' }), makeArticle({ id: 't:2', text: '没有数字。' })]);
    expect(await extractPending(store)).toBe(2);
    const mark = await facts.watermark();
    expect(mark).not.toBe('');
    expect(mark).toBe(await facts.newestChange());
    // A change stamped more than a minute before the watermark is not looked at (a watermark far
    // ahead stands for one), one within the minute is.
    await store.upsertArticles([makeArticle({ id: 't:2', text: '北向资金净流入超50亿元。' })]);
    const changedAt = Date.parse(await facts.newestChange());
    await facts.setWatermark(new Date(changedAt + 61_000).toISOString());
    expect(await facts.countPending()).toBe(1);
    expect(await extractPending(store)).toBe(0);
    await facts.setWatermark(new Date(changedAt + 59_000).toISOString());
    expect(await extractPending(store)).toBe(1);
    await facts.wipe();
    expect(await facts.watermark()).toBe('');
    expect(await extractPending(store)).toBe(2);
  });

  it('extracts new and changed articles only, in batches', async () => {
    await store.upsertArticles([
      makeArticle({ id: 't:1', text: '1—11月份，规模以上工业企业实现利润总额79750.1亿元，同比增长38.0%。' }),
      makeArticle({ id: 't:2', text: '北向资金净流入超40亿元。' }),
      makeArticle({ id: 't:3', text: '没有数字。' }),
    ]);
    const progress: [number, number][] = [];
    expect(await extractPending(store, { batchSize: 2, onProgress: (d, t) => progress.push([d, t]) })).toBe(3);
    expect(progress).toEqual([
      [2, 3],
      [3, 3],
    ]);
    const rows = await store.facts().listClaims();
    expect(rows.map((r) => [r.articleId, r.value, r.unit, r.subjectKey, r.period])).toEqual([
      ['t:1', 7975010000000, '元', '规上工业企业利润总额', '2021-01/2021-11'],
      ['t:1', 38, '%', '规上工业企业利润总额', '2021-01/2021-11'],
      ['t:2', 4000000000, '元', '北向资金净流入', null],
    ]);
    expect(await extractPending(store)).toBe(0);
    await store.upsertArticles([makeArticle({ id: 't:2', text: '北向资金净流入超50亿元。' })]);
    expect(await extractPending(store)).toBe(1);
    expect((await store.facts().listClaims({ articleIds: ['t:2'] })).map((r) => r.value)).toEqual([5000000000]);
  });

  it('stores the same claims extracting on a worker thread as in this thread, over the corpus', async () => {
    const files = [...corpusFiles('jekyll'), ...corpusFiles('hexo')];
    const articles = [];
    for (const f of files) {
      const r = await processPath(f, '2026-11-30T00:00:00.000Z');
      if (r.ok) articles.push(...r.articles);
    }
    await store.upsertArticles(articles);
    const stored = await store.countArticles();
    const claimsOf = async (): Promise<unknown[]> => (await store.facts().listClaims()).map(({ storyId: _, ...c }) => c);
    expect(await extractPending(store, { threaded: false, batchSize: 50 })).toBe(stored);
    const here = await claimsOf();
    expect(here.length).toBeGreaterThan(500);
    await store.facts().wipe();
    expect(await extractPending(store, { threaded: true, batchSize: 50 })).toBe(stored);
    expect(await claimsOf()).toEqual(here);
  });
});
