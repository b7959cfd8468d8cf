/** `caixun facts` through the real CLI on the corpus imported by `caixun import` (the suite's store backend). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDir } from '../corpus.js';
import { testDbSpec } from '../support/backends.js';
import { runCli } from '../support/cli.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-facts-cli-'));
  db = await testDbSpec(dir, 'x.db');
  const r = await runCli(['import', join(corpusDir, 'jekyll'), join(corpusDir, 'hexo'), '--db', db, '--no-progress', '--json', '--workers', '0']);
  expect(r.status).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (stdout: string): Record<string, unknown>[] =>
  stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('caixun facts', () => {
  it('--subject --json: one claim per line with the interface fields, multipliers applied', async () => {
    const r = await runCli(['facts', '--db', db, '--subject', '房地产开发投资', '--json']);
    expect(r.status).toBe(0);
    const claims = lines(r.stdout);
    expect(claims.length).toBeGreaterThan(0);
    expect(Object.keys(claims[0]!)).toEqual(['articleId', 'storyId', 'value', 'unit', 'subject', 'kind', 'qualifier', 'period', 'sentence', 'direction', 'baseline']);
    expect(claims.map((c) => [c.value, c.unit, c.kind, c.period, c.direction, c.baseline])).toContainEqual([-18, '%', 'growth', '2022-01/2022-05', 'down', 'yoy']);
  });

  it('--story: the merged facts, conflicts marked with !', async () => {
    const stories = lines(((await runCli(['stories', '--db', db, '--json', '--limit', '200']))).stdout);
    const story = stories.find((s) => (s.articleIds as string[]).includes('eastmoney:202112082206742097'));
    const r = await runCli(['facts', '--db', db, '--story', String(story!.id)]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[1]).toBe('! -                 北向资金净流入  达到30亿元 (1/4) vs 超过40亿元 (2/4) vs 超过50亿元 (1/4)  [level]');
  });

  it('--targets --json: one target per line', async () => {
    const r = await runCli(['facts', '--db', db, '--targets', '--json']);
    expect(r.status).toBe(0);
    for (const t of lines(r.stdout)) {
      expect(Object.keys(t)).toEqual(['subject', 'value', 'unit', 'deadline', 'status', 'evidence']);
      expect(['met', 'pending', 'missed']).toContain(t.status);
    }
  });

  it('an unknown story is a usage error (exit 2) with a clear message', async () => {
    const r = await runCli(['facts', '--db', db, '--story', 'st-nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('caixun: facts: no story "st-nope" (list them with `caixun stories`)\n');
  });

  it('a missing database is a store error (exit 3)', async () => {
    // one caixun never wrote: no file (SQLite), an empty database (PostgreSQL)
    expect(((await runCli(['facts', '--db', await testDbSpec(dir, 'none.db')]))).status).toBe(3);
  });
});
