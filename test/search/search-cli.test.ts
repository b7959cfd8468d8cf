/** End to end: `caixun import` indexes the corpus; `caixun search` and `caixun reindex` through the real CLI. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/search/types.js';
import { corpusDir } from '../corpus.js';
import { runCli } from '../support/cli.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-search-cli-'));
  db = join(dir, 'corpus.db');
  const imported = await runCli(['import', join(corpusDir, 'jekyll'), join(corpusDir, 'hexo'), '--db', db, '--json', '--no-progress']);
  expect(imported.status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caixun search', () => {
  it('prints the SearchResponse with --json, grouped by story', async () => {
    const r = await runCli(['search', '北向资金', '--db', db, '--json']);
    expect(r.status).toBe(0);
    const res = JSON.parse(r.stdout) as SearchResponse;
    expect(Object.keys(res)).toEqual(['total', 'totalExact', 'page', 'pageSize', 'results', 'facets']);
    expect(res).toMatchObject({ total: 1, totalExact: true, page: 1, pageSize: 20 });
    expect(Object.keys(res.results[0] ?? {}).sort()).toEqual(
      ['alsoMatched', 'articleId', 'outlet', 'outletKey', 'publishedAt', 'score', 'snippet', 'storyId', 'title'].sort(),
    );
    expect(res.results[0]?.alsoMatched).toHaveLength(3);
    expect(res.facets.outlets).toEqual([{ key: 'eastmoney', name: '东方财富', count: 1 }]);
  });

  it('joins the query words (after --, so -word is not read as an option) and applies the filters', async () => {
    const r = await runCli(['search', '--db', db, '--from', '2022-01-01', '--outlet', 'sina-finance', '--json', '--', '本土无新增', '-北京']);
    expect(r.status).toBe(0);
    const res = JSON.parse(r.stdout) as SearchResponse;
    expect(res.results.map((h) => h.title)).toEqual(['0！上海昨日本土无新增']);
  });

  it('prints readable results without --json', async () => {
    const r = await runCli(['search', '瑞德西韦', '--db', db]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('1 results (page 1)');
    expect(lines[2]).toBe('1. 吉利德两批瑞德西韦因有玻璃颗粒被召回');
    expect(lines[3]).toMatch(/^ {3}东方财富 {2}2021-12-08T10:44:58\+08:00 {2}\[eastmoney:202112082206753163\] story st-/);
    expect(lines[4]).toContain('【瑞德西韦】');
  });

  it('rejects a bad date with exit code 2 and no stack', async () => {
    const r = await runCli(['search', '碳', '--db', db, '--from', '2021-02-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('caixun: search: from must be a day (2021-12-01) or an ISO 8601 time with offset, not "2021-02-30"\n');
  });

  it('says how many articles are not indexed yet: all before the first indexing, then those changed since', async () => {
    const noIndex = join(dir, 'no-index.db');
    const imported = await runCli(['import', join(corpusDir, 'jekyll'), '--db', noIndex, '--no-stories', '--no-progress', '--json']);
    expect(imported.status).toBe(0);
    const r = await runCli(['search', '茅台', '--db', noIndex]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('0 results (page 1)\n');
    const importedNew = (JSON.parse(imported.stdout) as { new: number }).new;
    expect(r.stderr).toBe(`search: ${importedNew} articles are not indexed yet; run \`caixun reindex\`\n`);
    expect((await runCli(['reindex', '--db', noIndex, '--no-progress'])).status).toBe(0);
    expect((await runCli(['search', '茅台', '--db', noIndex])).stderr).toBe('');

    // An article changed since it was indexed counts too, though the index still holds a row for
    // it (counting articles against indexed rows missed it).
    const posts = join(corpusDir, 'jekyll', '_posts');
    const post = readdirSync(posts).find((f) => f.startsWith('2021-') && readFileSync(join(posts, f), 'utf8').includes('\n\n<http'))!;
    // The same place under its archive's root (`_posts/`), so it is read as the same post.
    const changed = mkdtempSync(join(dir, 'changed-'));
    mkdirSync(join(changed, '_posts'));
    const text = readFileSync(join(posts, post), 'utf8');
    writeFileSync(join(changed, '_posts', post), text.replace('\n\n<http', '\n\n更正：本文有更新。\n\n<http'));
    const update = await runCli(['import', changed, '--db', noIndex, '--no-stories', '--no-progress', '--json']);
    expect(JSON.parse(update.stdout)).toMatchObject({ new: 0, updated: 1 });
    expect((await runCli(['search', '茅台', '--db', noIndex])).stderr).toBe('search: 1 articles are not indexed yet; run `caixun reindex`\n');
  });

  it('fails with exit code 3 without a database', async () => {
    const r = await runCli(['search', '碳', '--db', join(dir, 'missing.db')]);
    expect(r.status).toBe(3);
  });
});

describe('caixun reindex', () => {
  it('rebuilds the index and search still works', async () => {
    const r = await runCli(['reindex', '--db', db, '--json', '--no-progress']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ indexed: 82, unchanged: 0, documents: 82 });
    const s = JSON.parse(((await runCli(['search', '北向资金', '--db', db, '--json']))).stdout) as SearchResponse;
    expect(s.total).toBe(1);
  });
});
