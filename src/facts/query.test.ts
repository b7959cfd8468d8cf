import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeArticle } from '../../test/support/make-article.js';
import { testDbSpec } from '../../test/support/backends.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { clusterPending } from '../stories/cluster-store.js';
import { ensureFacts, queryClaims, storyFacts, subjectFacts, targetReports, toClaimLine, toTargetLine } from './query.js';

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-facts-query-'));
  store = await openStore(await testDbSpec(dir));
  await store.upsertArticles([
    makeArticle({ id: 't:1', title: '规划', publishedAt: '2021-12-01T10:00:00+08:00', text: '力争到2022年底，建成5G基站超过200万个。' }),
    makeArticle({ id: 't:2', title: '通报一', publishedAt: '2022-03-01T10:00:00+08:00', text: '截至2月底，全国5G基站达到150万个。' }),
    makeArticle({ id: 't:3', title: '通报二', publishedAt: '2023-01-20T10:00:00+08:00', text: '2022年，全国规模以上工业企业利润下降4.0%。5G基站累计达到231万个。' }),
  ]);
  await clusterPending(store);
  expect(await ensureFacts(store)).toBe(3);
  expect(await ensureFacts(store)).toBe(0);
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('facts queries', () => {
  it('finds claims by subject through its normalised form (规模以上 → 规上)', async () => {
    expect((await queryClaims(store, { subject: '规模以上工业企业' })).map(toClaimLine).map((c) => [c.articleId, c.value, c.kind, c.period])).toEqual([
      ['t:3', -4, 'growth', '2022'],
    ]);
  });

  it('checks the target against the later reports', async () => {
    expect((await targetReports(store)).map(toTargetLine)).toEqual([
      { subject: '5G基站', value: 2000000, unit: '个', deadline: '2022-12-31', status: 'met', evidence: ['t:1', 't:3', 't:2'] },
    ]);
  });

  it('a subject’s series and targets', async () => {
    const { series, targets } = await subjectFacts(store, '5G基站');
    expect(series.map((s) => [s.subject, s.points.map((p) => p.value)])).toEqual([['5G基站', [1500000, 2310000]]]);
    expect(targets.map((t) => t.status)).toEqual(['met']);
  });

  it('an unknown story is a usage error', async () => {
    await expect(storyFacts(store, 'st-nope')).rejects.toThrow('facts: no story "st-nope"');
  });
});
