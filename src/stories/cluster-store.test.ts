import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testDbSpec } from '../../test/support/backends.js';
import { makeArticle } from '../../test/support/make-article.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { printArticle } from './article-print.js';
import { clusterPending, reclusterAll } from './cluster-store.js';

// Invented texts: a work-conference report and an unrelated tourism report.
const report = [
  '本市今日召开年度工作会议，会议总结了全年工作成绩，部署了明年的重点任务。',
  '会议指出，全年新增就业岗位十二万个，城镇调查失业率控制在百分之五以内，完成年度目标。',
  '会议强调，要持续优化营商环境，推动重点项目早开工、早见效，全年计划新开工项目三百个。',
].join('\n\n');
const tourism = [
  '某省今日发布旅游市场数据，春节假期全省接待游客总量同比增长，旅游收入创历史新高。',
  '数据显示，全省重点景区接待人数较去年同期明显增加，乡村旅游和冰雪旅游成为新的热点。',
].join('\n\n');
const at = (hh: string): string => `2023-03-01T${hh}:00:00+08:00`;

const articles = [
  makeArticle({ id: 'gov:1', outletKey: 'gov', title: '年度工作会议召开', text: report, publishedAt: at('09') }),
  makeArticle({ id: 'portal:1', outletKey: 'portal', title: '本市部署明年任务', text: `${report}\n\n责任编辑：某某`, publishedAt: at('10') }),
  makeArticle({ id: 'tour:1', outletKey: 'tour', title: '春节旅游数据', text: tourism, publishedAt: at('11') }),
  makeArticle({ id: 'paper:1', outletKey: 'paper', title: '工作会议', text: report.split('\n\n').slice(0, 2).join('\n\n'), publishedAt: at('08') }),
];

/** Stores opened by the running test (with their directories), closed after it even when an assertion failed. */
const opened: { store: Store; dir: string }[] = [];
afterEach(async () => {
  for (const { store, dir } of opened.splice(0)) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
/** A fresh, empty store of the suite's backend. */
async function freshStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'caixun-cluster-'));
  const store = await openStore(await testDbSpec(dir));
  opened.push({ store, dir });
  return store;
}

async function grouping(store: Store): Promise<string[][]> {
  return (await store.stories().listStories(100))
    .map((s) => s.members.map((m) => m.id).sort())
    .sort();
}

describe('clusterPending', () => {
  it('clusters every unclustered article in publication order and reports counts', async () => {
    const store = await freshStore();
    await store.upsertArticles(articles);
    expect(await clusterPending(store)).toEqual({ clustered: 4, stories: 2, joined: 2 });
    expect(await grouping(store)).toEqual([['gov:1', 'paper:1', 'portal:1'], ['tour:1']]);
    // the earliest article (paper:1, 08:00) founded the story
    const story = await store.stories().repository.storyOf('paper:1');
    expect((await store.stories().getStory(story ?? ''))?.firstSeen).toBe(at('08'));
    expect(await clusterPending(store)).toEqual({ clustered: 0, stories: 2, joined: 0 });
  });

  it('resumes after a run that died between batches, ending with the same stories', async () => {
    const reference = await freshStore();
    await reference.upsertArticles(articles);
    await clusterPending(reference);
    const store = await freshStore();
    await store.upsertArticles(articles);
    const dying = clusterPending(store, {
      batchSize: 1,
      onProgress: (p) => {
        if (p.done === 2) throw new Error('killed');
      },
    });
    await expect(dying).rejects.toThrow('killed');
    expect(await store.stories().countPending()).toBe(2);
    const progress: number[] = [];
    expect(await clusterPending(store, { batchSize: 1, onProgress: (p) => progress.push(p.done) })).toMatchObject({ clustered: 2, stories: 2 });
    expect(progress).toEqual([1, 2]);
    expect(await grouping(store)).toEqual(await grouping(reference));
  });

  it('re-clusters an article whose text changed, and the rest of its old story', async () => {
    const store = await freshStore();
    await store.upsertArticles(articles);
    await clusterPending(store);
    // the portal replaces its copy with the tourism report
    const changed = makeArticle({ id: 'portal:1', outletKey: 'portal', text: tourism, publishedAt: at('10') });
    expect(await store.upsertArticles([changed])).toEqual(['updated']);
    const counts = await clusterPending(store);
    expect(counts.clustered).toBe(3); // the changed article and the two others of its old story
    expect(await grouping(store)).toEqual([['gov:1', 'paper:1'], ['portal:1', 'tour:1']]);
    expect(await store.stories().changedArticleIds()).toEqual([]);
    expect(await store.stories().countMembers()).toBe(4);
    // The portal's old keys are gone (its old text's exact key finds nothing); its new ones are in.
    const oldKeys = printArticle({ title: '', text: `${report}\n\n责任编辑：某某`, publishedAt: at('10') }).keys;
    expect(store.stories().index.candidates([oldKeys.exact])).toEqual(new Set());
    expect(store.stories().index.candidates(printArticle({ title: '', text: tourism, publishedAt: at('10') }).keys.stored)).toEqual(new Set(['portal:1', 'tour:1']));
  });
});

describe('clusterPending with a print worker', () => {
  it('builds the same stories as without one, through several pipelined batches', async () => {
    const plain = await freshStore();
    const pooled = await freshStore();
    await Promise.all([plain.upsertArticles(articles), pooled.upsertArticles(articles)]);
    expect(await clusterPending(plain, { workers: 0, batchSize: 3 })).toEqual({ clustered: 4, stories: 2, joined: 2 });
    expect(await clusterPending(pooled, { workers: 1, batchSize: 3 })).toEqual({ clustered: 4, stories: 2, joined: 2 });
    expect(await pooled.stories().listStories(100)).toEqual(await plain.stories().listStories(100));
  });
});

describe('reclusterAll', () => {
  it('rebuilds the same stories from scratch', async () => {
    const store = await freshStore();
    await store.upsertArticles(articles);
    await clusterPending(store);
    const before = await store.stories().listStories(100);
    expect(await reclusterAll(store)).toEqual({ clustered: 4, stories: 2, joined: 2 });
    expect(await store.stories().listStories(100)).toEqual(before);
  });
});
