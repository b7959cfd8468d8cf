import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../../../test/support/make-article.js';
import type { ClaimInput } from '../tables.js';
import { migrations } from './migrations.js';
import { SqliteStore } from './sqlite-store.js';

const claim = (over: Partial<ClaimInput> = {}): ClaimInput => ({
  value: 5,
  high: null,
  shape: 'single',
  unit: '%',
  subject: '工业增加值',
  subjectKey: '工业增加值',
  kind: 'growth',
  qualifier: null,
  period: '2021-Q1',
  deadline: null,
  text: '5%',
  sentence: '某市一季度工业增加值同比增长5%。',
  start: 14,
  end: 16,
  sentenceStart: 0,
  ...over,
});

describe('SqliteFactsStore', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'caixun-facts-'));
    store = new SqliteStore(join(dir, 'x.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is a migration step after the search tables', () => {
    const names = migrations.map((m) => m.name);
    const facts = names.indexOf('numeric claims per article');
    expect(facts).toBeGreaterThan(-1);
    expect(names.findIndex((n) => /search/i.test(n))).toBeLessThan(facts);
  });

  it('lists pending articles until their claims are stored, and again when they change', async () => {
    await store.upsertArticles([makeArticle({ id: 't:1' }), makeArticle({ id: 't:2', text: '另一篇。' })]);
    const facts = store.facts();
    expect(await facts.countPending()).toBe(2);
    expect((await facts.pendingAfter('', 10)).map((r) => r.id)).toEqual(['t:1', 't:2']);
    const [a, b] = await facts.pendingAfter('', 10);
    await facts.replaceClaims([
      { articleId: a!.id, contentHash: a!.content_hash, claims: [claim()] },
      { articleId: b!.id, contentHash: b!.content_hash, claims: [] },
    ]);
    expect(await facts.countPending()).toBe(0);
    expect(await facts.countClaims()).toBe(1);
    await store.upsertArticles([makeArticle({ id: 't:1', text: '某市一季度工业增加值同比增长6%。' })]);
    expect((await facts.pendingAfter('', 10)).map((r) => r.id)).toEqual(['t:1']);
  });

  it('replaces the claims of an article and reads them back with their article and story', async () => {
    await store.upsertArticles([makeArticle({ id: 't:1' })]);
    const facts = store.facts();
    await facts.replaceClaims([{ articleId: 't:1', contentHash: 'h1', claims: [claim(), claim({ value: 7, subject: '营业收入', subjectKey: '营业收入' })] }]);
    await facts.replaceClaims([{ articleId: 't:1', contentHash: 'h2', claims: [claim({ value: 6 })] }]);
    const rows = await facts.listClaims();
    expect(rows.map((r) => [r.articleId, r.seq, r.value, r.subject, r.storyId, r.outletKey])).toEqual([['t:1', 0, 6, '工业增加值', null, 'testoutlet']]);
    expect(rows[0]!.publishedAt).toBe('2021-12-20T20:21:15+08:00');
  });

  it.each([
    [{ subjectContains: '增加值' }, [5]],
    [{ subjectContains: '利润' }, []],
    [{ subjectKey: '营业收入' }, [7]],
    [{ kind: 'target' }, [9]],
    [{ articleIds: ['t:2'] }, [9]],
    [{ articleIds: [] }, []],
  ])('filters %j', async (query, values) => {
    await store.upsertArticles([makeArticle({ id: 't:1' }), makeArticle({ id: 't:2', publishedAt: '2022-01-01T00:00:00+08:00' })]);
    await store.facts().replaceClaims([
      { articleId: 't:1', contentHash: 'h', claims: [claim(), claim({ value: 7, subject: '营业收入', subjectKey: '营业收入' })] },
      { articleId: 't:2', contentHash: 'h', claims: [claim({ value: 9, kind: 'target', subject: '企业', subjectKey: '企业' })] },
    ]);
    expect((await store.facts().listClaims(query)).map((r) => r.value)).toEqual(values);
  });
});
