/**
 * `caixun prune` end to end on the suite's backend: a dry run counts, a run deletes and drops,
 * --json prints one object, progress goes to stderr only, and a bad age is a usage error (exit 2)
 * before the database is touched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { testDbSpec } from '../support/backends.js';
import { runCli } from '../support/cli.js';
import { makeArticle } from '../support/make-article.js';

let dir: string;
let db: string;
const DAY = 86_400_000;
const daysAgo = (d: number): string => new Date(Date.now() - d * DAY).toISOString();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-prune-cli-'));
  db = await testDbSpec(dir);
  const store = await openStore(db);
  await store.upsertArticles([
    makeArticle({ id: 't:old', publishedAt: daysAgo(800), text: '旧闻一则，某厂产量增长3%。' }),
    makeArticle({ id: 't:new', publishedAt: daysAgo(10), text: '新闻一则，某港吞吐量增长8%。' }),
  ]);
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caixun prune', () => {
  it('refuses a bad age or nothing to prune with a usage error', async () => {
    for (const args of [['--raw-older-than', '90'], ['--articles-older-than', '2 years'], []]) {
      const r = await runCli(['prune', '--db', db, ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(args.length === 0 ? /say what to prune/ : /must be an age such as 90d/);
    }
  });

  it('counts in a dry run, then deletes old articles and drops raw inputs, with a JSON summary', async () => {
    const dry = await runCli(['prune', '--db', db, '--articles-older-than', '2y', '--raw-older-than', '1h', '--dry-run', '--json']);
    expect(dry.status).toBe(0);
    const summary = JSON.parse(dry.stdout) as Record<string, { articlesDeleted?: number; rawDropped?: number }>;
    expect(summary['dryRun']).toBe(true);
    expect(summary['articles']?.articlesDeleted).toBe(1);
    // rows were written just now: none is an hour old
    expect(summary['raw']?.rawDropped).toBe(0);

    const run = await runCli(['prune', '--db', db, '--articles-older-than', '2y']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^deleted 1 articles published before \d{4}-\d\d-\d\dT/);
    const list = await runCli(['articles', '--db', db, '--json']);
    expect(list.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['t:new']);
  });
});
