import { describe, expect, it } from 'vitest';
import { BACKENDS, freshDbSpec } from '../../test/support/backends.js';
import { makeArticle } from '../../test/support/make-article.js';
import { openStore } from '../store/open-store.js';
import { categoryToken, outletToken } from './fts-expression.js';
import { corpusFiles } from '../../test/corpus.js';
import { processPath } from '../ingest/process-document.js';
import { countUnindexed, indexPending, reindexAll, searchDocumentOf } from './index-articles.js';
import { searchArticles } from './search.js';
import type { Article } from '../model/article.js';

describe('searchDocumentOf', () => {
  it('segments title and text into grams and words, and filters into meta tokens', () => {
    expect(searchDocumentOf({ title: 'A股碳达峰', text: '推进5G基站。', outlet_key: 'cls', categories: '["金融","金融","深度"]' })).toEqual({
      title: 'a 股碳 碳达 达峰 峰',
      body: '推进 进 5g 基站 站',
      titleWords: '碳达峰 a股',
      bodyWords: '5g基站',
      meta: `${outletToken('cls')} ${categoryToken('金融')} ${categoryToken('深度')}`,
    });
  });
});

describe.each(BACKENDS)('indexPending on %s', (backend) => {
  it('indexes new and changed articles once, in batches, and reports progress', async () => {
    const store = await openStore(await freshDbSpec(backend));
    try {
      expect(await countUnindexed(store)).toBe(0);
      await store.upsertArticles([1, 2, 3].map((n) => makeArticle({ id: `t:${n}`, title: `第${n}篇 碳达峰` })));
      const progress: [number, number][] = [];
      expect(await indexPending(store, { batchSize: 2, onProgress: (d, t) => progress.push([d, t]) })).toEqual({ indexed: 3, unchanged: 0, documents: 3 });
      expect(progress).toEqual([
        [2, 3],
        [3, 3],
      ]);
      // within the watermark's slack the same articles are looked at again, and skipped by hash;
      // they are not unindexed (what decides a worker thread for the run)
      expect(await countUnindexed(store)).toBe(0);
      expect(await indexPending(store)).toEqual({ indexed: 0, unchanged: 3, documents: 3 });
      await store.upsertArticles([makeArticle({ id: 't:2', title: '第2篇 改过了' })]);
      expect(await countUnindexed(store)).toBe(1);
      expect(await indexPending(store)).toMatchObject({ indexed: 1, documents: 3 });
      expect(await reindexAll(store)).toEqual({ indexed: 3, unchanged: 0, documents: 3 });
    } finally {
      await store.close();
    }
  });
});

describe.each(BACKENDS)('indexPending segmenting on a worker thread on %s', (backend) => {
  it('finds the same articles with the same scores as segmenting in this thread, over the corpus', async () => {
    const articles: Article[] = [];
    for (const f of [...corpusFiles('jekyll'), ...corpusFiles('hexo')]) {
      const r = await processPath(f, '2026-11-30T00:00:00.000Z');
      if (r.ok) articles.push(...r.articles);
    }
    const results = async (threaded: boolean): Promise<unknown[]> => {
      const store = await openStore(await freshDbSpec(backend));
      try {
        await store.upsertArticles(articles);
        const counts = await indexPending(store, { threaded, batchSize: 25 });
        expect(counts).toEqual({ indexed: await store.countArticles(), unchanged: 0, documents: await store.countArticles() });
        const found = [];
        for (const q of ['人民币', '碳', '5G', '股市']) found.push(await searchArticles(store, { q, pageSize: 100 }));
        return found;
      } finally {
        await store.close();
      }
    };
    const here = (await results(false)) as { total: number }[];
    expect(here.map((r) => r.total)).toEqual([8, 4, 2, 2]);
    expect(await results(true)).toEqual(here);
  });
});
