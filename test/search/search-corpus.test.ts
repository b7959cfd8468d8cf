/**
 * Search on the real corpus, on both backends: the jekyll and hexo folders go through the real
 * importer into a temporary SQLite file or a fresh PostgreSQL database, then the real derive
 * steps (stories, then search) run. Expected results were written from reading the corpus; the
 * same relevance table holds on both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivePending, deriveSteps } from '../../src/derive/derive-pending.js';
import { importPaths } from '../../src/ingest/import-job.js';
import type { Article } from '../../src/model/article.js';
import { indexPending, reindexAll } from '../../src/search/index-articles.js';
import { parseQuery } from '../../src/search/query-parse.js';
import { searchArticles, type SearchTuning } from '../../src/search/search.js';
import type { SearchOptions, SearchResponse } from '../../src/search/types.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { clusterPending } from '../../src/stories/cluster-store.js';
import { corpusDir } from '../corpus.js';
import { BACKENDS, freshDbSpec } from '../support/backends.js';
import { makeArticle } from '../support/make-article.js';

const NOW: SearchTuning = { now: new Date('2026-11-30T00:00:00Z') };
const SINA = 'hexo/金融/新浪财经/新浪财经－国內';
const CLS = 'hexo/金融/财联社/深度';

describe.each(BACKENDS)('search on the corpus (%s)', (backend) => {
  let dir: string;
  let store: Store;
  let articles: Article[];
  let derived: Record<string, number>;
  let idOf: (relativePath: string) => string;

  const search = (options: SearchOptions): Promise<SearchResponse> => searchArticles(store, { pageSize: 100, ...options }, NOW);
  /** Every matched article id of a response, group by group. */
  const groupsOf = (res: SearchResponse): string[][] => res.results.map((h) => [h.articleId, ...h.alsoMatched]);
  const matchedIds = (res: SearchResponse): string[] => groupsOf(res).flat().sort();
  const normalized = (s: string): string => s.normalize('NFKC').toLowerCase();
  /** Brute force: the articles whose title or text contains `term`. */
  const containing = (term: string): string[] =>
    articles.filter((a) => normalized(`${a.title}\n${a.text}`).includes(normalized(term))).map((a) => a.id).sort();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caixun-search-'));
    store = await openStore(await freshDbSpec(backend, dir, 'corpus.db'));
    await importPaths([join(corpusDir, 'jekyll'), join(corpusDir, 'hexo')], store, { workers: 0 });
    derived = await derivePending(store, { steps: deriveSteps.filter((s) => s.name === 'stories' || s.name === 'search') });
    articles = [];
    for await (const a of store.iterateArticles()) articles.push(a);
    const byOrigin = new Map(articles.map((a) => [a.raw.origin, a.id] as const));
    idOf = (p) => byOrigin.get(join(corpusDir, p)) ?? `missing:${p}`;
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('the search derive step', () => {
    it('runs after stories and indexes every article', async () => {
      expect(deriveSteps.map((s) => s.name).indexOf('search')).toBe(deriveSteps.map((s) => s.name).indexOf('stories') + 1);
      expect(derived['search']).toBe(articles.length);
      expect(await store.search().countDocuments()).toBe(articles.length);
    });

    it('indexes nothing when nothing changed', async () => {
      expect(await indexPending(store)).toMatchObject({ indexed: 0, documents: articles.length });
    });
  });

  describe('relevance on the corpus', () => {
    // query → the articles of the first result group (a story's matching versions), as read in the corpus
    const table: [string, () => string[]][] = [
      ['北向资金', () => ['eastmoney:202112082206742097', 'eastmoney:202112082206757673', 'eastmoney:202112082206761079', 'eastmoney:202112082206777086']],
      ['人民币 汇率', () => ['eastmoney:202112082206778173']],
      ['债务上限', () => ['eastmoney:202112082206735022', 'eastmoney:202112082206736198', 'eastmoney:202112082206882385']],
      ['工业企业 利润', () => [`${SINA}/1-11月规模以上工业企业中，私营企业实现利润总额249843亿元，增长279%.md`, `${SINA}/1-11月全国规模以上工业企业实现利润总额797501亿元 同比增长380%.md`, `${SINA}/1-11月份全国规模以上工业企业利润同比增长380% 两年平均增长189%.md`].map(idOf)],
      ['上海 房地产', () => [`${SINA}/1-5月上海市房地产开发投资同比下降180%.md`, `${SINA}/1-5月上海房地产开发投资比去年同期下降180%。.md`].map(idOf)],
      ['港交所 目标价', () => ['eastmoney:202112082206736819', 'eastmoney:202112082206808923']],
      ['北交所', () => [`${CLS}/10只新股最高猛涨500% 头部公募：全方位备战 锁定投资机会.md`, `${CLS}/10只新股全线高开，最高猛涨500%，头部公募：全方位备战，锁定投资机会.md`].map(idOf)],
      ['瑞德西韦', () => ['eastmoney:202112082206753163']],
      ['iPhone', () => ['eastmoney:202112082206786275']],
      ['知识产权 专利', () => ['eastmoney:202112082206735975', 'eastmoney:202112082206883363']],
    ];
    it.each(table)('%s → the expected story first', async (q, expected) => {
      const res = await search({ q });
      expect([...(groupsOf(res)[0] ?? [])].sort()).toEqual(expected().sort());
    });

    it('ranks a title match of the figure 6.3512 first, inside its story', async () => {
      const res = await search({ q: '6.3512' });
      expect(res.results[0]?.articleId).toBe('eastmoney:202112082206781916');
      expect(res.results[0]?.snippet).toContain('<mark>6.3512</mark>');
    });
  });

  describe('one- and two-character queries find every occurrence', () => {
    it.each(['碳', '股市', '指数', '新股', '涨'])('%s matches exactly the articles containing it', async (q) => {
      const res = await search({ q });
      expect(res.totalExact).toBe(true);
      expect(matchedIds(res)).toEqual(containing(q));
      expect(containing(q).length).toBeGreaterThan(0);
    });

    it('finds 碳 inside 碳达峰 and 碳排放权', async () => {
      const ids = matchedIds(await search({ q: '碳' }));
      expect(ids).toContain('eastmoney:202112082206768417');
      expect(ids).toContain('eastmoney:202112082206865340');
    });
  });

  describe('query language', () => {
    const beijing = (): string => idOf(`${SINA}/0！北京昨日本土无新增.md`);
    const shanghai = (): string => idOf(`${SINA}/0！上海昨日本土无新增.md`);

    it('matches a quoted phrase exactly', async () => {
      expect(matchedIds(await search({ q: '"本土无新增"' }))).toEqual([beijing(), shanghai()].sort());
      expect(matchedIds(await search({ q: '"北京昨日本土"' }))).toEqual([beijing()]);
      expect(matchedIds(await search({ q: '"无新增北京"' }))).toEqual([]);
    });

    it('excludes -words', async () => {
      expect(matchedIds(await search({ q: '"本土无新增" -北京' }))).toEqual([shanghai()]);
    });

    it('filters by outlet: in the query and by option', async () => {
      const cls = matchedIds(await search({ q: '茅台 outlet:cls' }));
      expect(cls).toEqual(containing('茅台').filter((id) => id.startsWith('cls:')));
      expect(cls).toHaveLength(2);
      const em = await search({ q: '茅台', outlet: 'eastmoney' });
      expect(matchedIds(em)).toEqual(containing('茅台').filter((id) => id.startsWith('eastmoney:')));
      expect(em.facets.outlets.map((f) => f.key)).toEqual(['eastmoney']);
    });

    it('filters by days in Asia/Shanghai', async () => {
      // 北京 was published 2022-07-10T07:54+08:00, which is still 9 July in UTC
      expect(matchedIds(await search({ q: '本土无新增', from: '2022-07-10', to: '2022-07-10' }))).toEqual([beijing()]);
      expect(matchedIds(await search({ q: '本土无新增', to: '2022-07-09' }))).toEqual([]);
      expect(matchedIds(await search({ q: '茅台', to: '2021-11-30' }))).toEqual(containing('茅台').filter((id) => id.startsWith('cls:')));
    });

    it('filters by category', async () => {
      const res = await search({ q: '茅台', category: '深度' });
      expect(matchedIds(res)).toEqual(containing('茅台').filter((id) => id.startsWith('cls:')));
      expect(res.facets.categories.map((f) => f.key)).toEqual(['深度', '财联社', '金融']);
    });

    it('returns nothing for an empty query or one with only exclusions', async () => {
      expect((await search({ q: '' })).total).toBe(0);
      expect((await search({ q: '-北京' })).results).toEqual([]);
    });

    it('rejects a bad page or date with a clear error', async () => {
      await expect(search({ q: '碳', page: 0 })).rejects.toThrow(/page must be/);
      await expect(search({ q: '碳', from: '2022-02-30' })).rejects.toThrow(/from must be a day/);
    });
  });

  describe('bounded cost for common terms', () => {
    it('ranks among the newest and the best candidates and estimates the total', async () => {
      const all = await search({ q: '涨' });
      expect(all.totalExact).toBe(true);
      const bounded = await searchArticles(store, { q: '涨', pageSize: 2 }, { ...NOW, candidateLimit: 5, countLimit: 1000 });
      expect(bounded.totalExact).toBe(false);
      // the best-scoring group is found although it is not among the newest five matches
      const tables = store.search();
      const newest = await tables.newestMatches(tables.compile(parseQuery('涨'))!, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 5);
      expect(newest.map((r) => r.article_id)).not.toContain(all.results[0]?.articleId);
      expect(bounded.results[0]?.articleId).toBe(all.results[0]?.articleId);
      expect(bounded.total).toBeGreaterThan(0);
      // counting stops at 8: only the newest five are candidates, the total a lower-bound estimate
      const capped = await searchArticles(store, { q: '涨', pageSize: 2 }, { ...NOW, candidateLimit: 5, countLimit: 8 });
      expect(capped.totalExact).toBe(false);
      expect(capped.results).toHaveLength(2);
      expect(capped.total).toBeGreaterThanOrEqual(5);
      expect(capped.total).toBeLessThanOrEqual(8);
    });
  });

  describe('deep pages', () => {
    it('score more candidates, so every page up to the total has results', async () => {
      const all = await search({ q: '涨' });
      const tuning = { ...NOW, candidateLimit: 2, countLimit: 3 };
      const page3 = await searchArticles(store, { q: '涨', page: 3, pageSize: 2 }, tuning);
      expect(page3.results).toHaveLength(2);
      expect(page3.total).toBeGreaterThanOrEqual(6);
      expect(page3.total).toBeLessThanOrEqual(all.total);
    });
  });

  describe('grouping by story', () => {
    it('gives reprints of one story as one result, with the other versions in alsoMatched', async () => {
      const res = await search({ q: '北向资金' });
      expect(res.total).toBe(1);
      expect(res.results[0]?.storyId).toMatch(/\S/);
      expect(res.results[0]?.alsoMatched).toHaveLength(3);
    });

    it('pages story groups and counts facets per group', async () => {
      const all = await search({ q: '茅台' });
      expect(all.total).toBe(all.results.length);
      const second = await search({ q: '茅台', page: 2, pageSize: 1 });
      expect(second.results.map((h) => h.articleId)).toEqual([all.results[1]?.articleId]);
      expect(second.total).toBe(all.total);
      const outletGroups = new Map<string, number>();
      for (const h of all.results) {
        const keys = new Set([h.articleId, ...h.alsoMatched].map((id) => articles.find((a) => a.id === id)?.outletKey));
        for (const k of keys) if (k) outletGroups.set(k, (outletGroups.get(k) ?? 0) + 1);
      }
      expect(Object.fromEntries(all.facets.outlets.map((f) => [f.key, f.count]))).toEqual(Object.fromEntries(outletGroups));
      expect(all.facets.outlets.find((f) => f.key === 'cls')?.name).toBe('财联社');
    });
  });

  describe('fixtures of our own', () => {
    const mixed = makeArticle({
      id: 'testoutlet:mixed',
      title: '<script>alert(1)</script>某地推进ＩＰｖ６规模部署',
      text: '某地推进IPv6规模部署和5G基站建设，"千兆光网"覆盖<img src=x onerror=alert(1)>全市。',
      publishedAt: '2021-12-20T20:21:15+08:00',
    });

    beforeAll(async () => {
      await store.upsertArticles([mixed]);
      expect((await indexPending(store)).indexed).toBe(1);
    });

    it.each(['IPv6', 'ipv6', 'IPV6', 'ＩＰｖ６', '5G基站', '5G', '基站', '千兆光网', '"5G基站建设"'])('finds mixed scripts: %s', async (q) => {
      expect(matchedIds(await search({ q }))).toContain('testoutlet:mixed');
    });

    it('escapes the snippet: only <mark> is markup', async () => {
      const hit = (await search({ q: '千兆光网' })).results.find((h) => h.articleId === 'testoutlet:mixed');
      expect(hit?.snippet).toBe(
        '某地推进IPv6规模部署和5G基站建设，&quot;<mark>千兆光网</mark>&quot;覆盖&lt;img src=x onerror=alert(1)&gt;全市。',
      );
      expect(hit?.title).toBe(mixed.title);
    });

    it('re-indexes a changed article and only it', async () => {
      const changed = makeArticle({ ...mixed, text: '某地推进新基建。', contentHash: '' });
      expect(await store.upsertArticles([changed])).toEqual(['updated']);
      expect(await indexPending(store)).toMatchObject({ indexed: 1 });
      expect(matchedIds(await search({ q: '千兆光网' }))).not.toContain('testoutlet:mixed');
      expect(matchedIds(await search({ q: '新基建' }))).toEqual(['testoutlet:mixed']);
      expect((await indexPending(store)).indexed).toBe(0);
    });
  });

  describe('story membership is read when the query runs', () => {
    it('groups correctly after the stories are rebuilt, without re-indexing', async () => {
      const stories = store.stories();
      await stories.wipe();
      const unclustered = await search({ q: '北向资金' });
      expect(unclustered.total).toBe(4);
      expect(unclustered.results.every((h) => h.storyId === null && h.alsoMatched.length === 0)).toBe(true);
      await clusterPending(store);
      const regrouped = await search({ q: '北向资金' });
      expect(regrouped.total).toBe(1);
      expect(regrouped.results[0]?.storyId).toBe(await stories.repository.storyOf('eastmoney:202112082206742097'));
    });
  });

  describe('reindexAll', () => {
    it('rebuilds the same index', async () => {
      const before = await search({ q: '碳' });
      const counts = await reindexAll(store);
      expect(counts.indexed).toBe(articles.length + 1);
      // the same results; BM25 scores move a little (the changed fixture changed the mean length)
      const withoutScores = (r: SearchResponse) => ({ ...r, results: r.results.map(({ score: _score, ...h }) => h) });
      expect(withoutScores(await search({ q: '碳' }))).toEqual(withoutScores(before));
    });
  });
});
