/**
 * Pruning on the suite's backend: raw inputs dropped with the articles kept whole otherwise, and
 * old articles deleted with their stories, search documents, claims and revisions, the story
 * that kept a member clustered again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDbSpec } from '../../test/support/backends.js';
import { makeArticle } from '../../test/support/make-article.js';
import { derivePending } from '../derive/derive-pending.js';
import type { Article } from '../model/article.js';
import { searchArticles } from '../search/search.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { UsageError } from '../util/errors.js';
import { parseAge, pruneArticles, pruneRawInputs } from './prune-archive.js';

const HOUR = 3_600_000;
const NOW = new Date('2026-06-01T00:00:00.000Z');
const hoursAgo = (h: number): string => new Date(NOW.getTime() - h * HOUR).toISOString();

const OLD_TEXT = '甲省今年一季度钢铁产量同比下降7%，主要受环保限产影响。\n\n业内人士预计二季度产量将逐步恢复。';
const EDGE_TEXT = '乙市港口集装箱吞吐量前五个月同比增长12%，创历史同期新高。\n\n港口方面表示将继续扩建码头。';
const NEW_TEXT = '丙县新能源汽车销量同比增长30%，充电桩建设同步提速。';

const article = (id: string, text: string, publishedAt: string, title = text.slice(0, 12)): Article =>
  makeArticle({ id, outletKey: id.split(':')[0]!, title, text, html: `<p>${text}</p>`, publishedAt });

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-prune-'));
  store = await openStore(await testDbSpec(dir));
  await store.upsertArticles([
    // one story entirely older than 48 h
    article('a:1', OLD_TEXT, hoursAgo(240)),
    article('b:1', OLD_TEXT, hoursAgo(239)),
    // a story across the 48 h line: one member goes, one stays
    article('a:2', EDGE_TEXT, hoursAgo(50)),
    article('b:2', EDGE_TEXT, hoursAgo(47)),
    article('c:3', NEW_TEXT, hoursAgo(1)),
  ]);
  // a revision of an old article
  await store.upsertArticles([article('a:1', OLD_TEXT, hoursAgo(240), '甲省钢铁产量下降')]);
  await derivePending(store);
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const storyGroups = async (): Promise<string[][]> =>
  (await store.stories().listStories(100)).map((s) => s.members.map((m) => m.id).sort()).sort();

describe('pruneArticles', () => {
  it('counts without deleting in a dry run', async () => {
    expect(await pruneArticles(store, 48 * HOUR, NOW, { dryRun: true })).toEqual({
      before: hoursAgo(48),
      articlesDeleted: 3,
      storiesDissolved: 0,
      reclustered: 0,
    });
    expect(await store.countArticles()).toBe(5);
  });

  it('deletes old articles with their stories, search documents, claims and revisions', async () => {
    expect(await storyGroups()).toEqual([['a:1', 'b:1'], ['a:2', 'b:2'], ['c:3']]);
    expect((await store.facts().listClaims()).map((c) => c.articleId).sort()).toEqual(['a:1', 'a:2', 'b:1', 'b:2', 'c:3']);
    expect(await store.getRevisions('a:1')).toHaveLength(1);
    const progress: string[] = [];
    const result = await pruneArticles(store, 48 * HOUR, NOW, { onProgress: (p) => progress.push(p.step) });
    // clustered again: b:2, and c:3, which clustering in publication order takes again after it
    expect(result).toEqual({ before: hoursAgo(48), articlesDeleted: 3, storiesDissolved: 2, reclustered: 2 });
    expect(progress).toContain('articles');

    expect((await store.listArticles()).articles.map((a) => a.id).sort()).toEqual(['b:2', 'c:3']);
    expect(await store.getRevisions('a:1')).toEqual([]);
    // the story across the line kept its newer member, clustered again; nothing is pending
    expect(await storyGroups()).toEqual([['b:2'], ['c:3']]);
    expect(await store.stories().countMembers()).toBe(2);
    expect(await store.stories().countPending()).toBe(0);
    expect((await store.facts().listClaims()).map((c) => c.articleId).sort()).toEqual(['b:2', 'c:3']);
    expect(await store.facts().countPending()).toBe(0);
    expect(await store.search().countDocuments()).toBe(2);
    expect((await searchArticles(store, { q: '钢铁' })).total).toBe(0);
    expect((await searchArticles(store, { q: '集装箱' })).results.map((h) => h.articleId)).toEqual(['b:2']);
    // pruning again finds nothing
    expect((await pruneArticles(store, 48 * HOUR, NOW)).articlesDeleted).toBe(0);
  });
});

describe('pruneRawInputs', () => {
  it('drops raw inputs stored before the age, of articles and their earlier versions, and keeps everything else', async () => {
    const before = await store.getArticle('c:3');
    expect(before!.raw.body).not.toBe('');
    // every row was written just now: an hour-old cutoff seen from two hours ahead covers them all
    const later = new Date(Date.now() + 2 * HOUR);
    expect(await pruneRawInputs(store, HOUR, NOW)).toEqual({
      before: new Date(NOW.getTime() - HOUR).toISOString(),
      rawDropped: 0,
      revisionRawDropped: 0,
    });
    const revision = (await store.getRevisions('a:1'))[0]!.article;
    expect(revision.raw.body).not.toBe('');
    expect(await pruneRawInputs(store, HOUR, later, { dryRun: true })).toMatchObject({ rawDropped: 5, revisionRawDropped: 1 });
    expect((await store.getArticle('c:3'))!.raw.body).toBe(before!.raw.body);
    expect((await store.getRevisions('a:1'))[0]!.article).toEqual(revision);
    expect(await pruneRawInputs(store, HOUR, later)).toMatchObject({ rawDropped: 5, revisionRawDropped: 1 });
    expect(await store.getArticle('c:3')).toEqual({ ...before, raw: { ...before!.raw, body: '' } });
    // the earlier version keeps everything but its raw input
    expect((await store.getRevisions('a:1'))[0]!.article).toEqual({ ...revision, raw: { ...revision.raw, body: '' } });
    expect(await pruneRawInputs(store, HOUR, later)).toMatchObject({ rawDropped: 0, revisionRawDropped: 0 });
    // nothing derived has to change: no article counts as changed
    expect(await store.search().countChangedSince('')).toBe(5);
    expect(await derivePending(store)).toEqual({ stories: 0, search: 0, facts: 0 });
  });
});

describe('parseAge', () => {
  it('reads hours, days, weeks and years', () => {
    expect(parseAge('--x', '90d')).toBe(90 * 24 * HOUR);
    expect(parseAge('--x', '12w')).toBe(12 * 7 * 24 * HOUR);
    expect(parseAge('--x', '2y')).toBe(730 * 24 * HOUR);
    expect(parseAge('--x', '36h')).toBe(36 * HOUR);
  });

  it.each(['', '90', 'd', '-3d', '1.5y', '0d', '3 months', '90D'])('refuses %j with a usage error naming the option', (text) => {
    expect(() => parseAge('--raw-older-than', text)).toThrow(UsageError);
    expect(() => parseAge('--raw-older-than', text)).toThrow(/--raw-older-than must be an age such as 90d/);
  });
});
