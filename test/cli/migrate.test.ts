/**
 * End to end: the real CLI imports the Jekyll corpus into SQLite, `caixun migrate` copies it into
 * PostgreSQL, and every read command gives the same answers against the URL as against the file.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgStore } from '../../src/store/postgres/pg-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { corpusDir } from '../corpus.js';
import { runCli, type CliResult } from '../support/cli.js';
import { makeArticle } from '../support/make-article.js';
import { freshPgDatabase } from '../support/postgres.js';

let dir: string;
let file: string;
let url: string;
let migrated: CliResult;
let editedId: string;


/** Rows of `sql` in the SQLite file and in the PostgreSQL database. */
async function bothSides(sql: string): Promise<[unknown[], unknown[]]> {
  const db = new Database(file, { readonly: true });
  const left = db.prepare(sql).all();
  db.close();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const right = (await client.query(sql)).rows as unknown[];
  await client.end();
  return [left, right];
}

const sqliteCount = (table: string): number => {
  const db = new Database(file, { readonly: true });
  const n = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  db.close();
  return n;
};

/** A search response without its scores (BM25 on SQLite, ts_rank on PostgreSQL). */
const withoutScores = (stdout: string): unknown => {
  const response = JSON.parse(stdout) as { results: Record<string, unknown>[] };
  return { ...response, results: response.results.map(({ score: _score, ...rest }) => rest) };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-migrate-'));
  file = join(dir, 'archive.db');
  const imported = await runCli(['import', join(corpusDir, 'jekyll'), '--db', file, '--json', '--no-progress']);
  expect(imported.status).toBe(0);
  // One edited article (so there is a revision to copy), one polled source and a fingerprint.
  const store = new SqliteStore(file);
  const first = (await store.listArticles({ limit: 1 })).articles[0]!;
  editedId = first.id;
  const edited = { ...first, text: `${first.text}\n\n（更正）`, contentHash: `${first.contentHash}-edited` };
  expect(await store.upsertArticles([edited])).toEqual(['updated']);
  await store.sourceStates().putSourceState({
    key: 'eastmoney-feed', etag: '"e1"', lastModified: null, lastAttemptAt: '2026-11-29T00:00:00.000Z',
    lastSuccessAt: '2026-11-29T00:00:00.000Z', lastFailureAt: null, lastErrorKind: null, lastError: null,
    consecutiveFailures: 0, nextDueAt: '2026-11-29T00:05:00.000Z', itemsFetched: 70, outlet: '东方财富', kind: 'feed',
  });
  await store.sourceStates().addFingerprints([{ fingerprint: 'fp-1', articleId: editedId }]);
  await store.close();
  // Bring the file's stories, search and facts up to date with the edit.
  expect((await runCli(['recluster', '--db', file, '--no-progress'])).status).toBe(0);
  url = await freshPgDatabase('migrate');
  migrated = await runCli(['migrate', '--from', file, '--to', url, '--json', '--no-progress']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caixun migrate', () => {
  it('copies the archive and prints the verified counts as one JSON object', () => {
    expect(migrated.stderr).toBe('');
    expect(migrated.status).toBe(0);
    const summary = JSON.parse(migrated.stdout) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(['articles', 'revisions', 'stories', 'members', 'claims', 'sourceStates', 'verified', 'seconds']);
    expect(summary).toMatchObject({
      articles: 70,
      revisions: 1,
      stories: sqliteCount('stories'),
      members: 70,
      claims: sqliteCount('fact_claims'),
      sourceStates: 1,
      verified: true,
    });
    expect(summary.stories).toBeGreaterThan(40);
    expect(summary.claims).toBeGreaterThan(100);
    expect(typeof summary.seconds).toBe('number');
  });

  it('keeps revisions, revision numbers and timestamps exactly', async () => {
    const [a, b] = await bothSides('SELECT id, revision, content_hash, created_at, updated_at FROM articles ORDER BY id');
    expect(b).toEqual(a);
    const [ra, rb] = await bothSides('SELECT * FROM article_revisions ORDER BY article_id, revision');
    expect(rb).toEqual(ra);
    expect(ra).toHaveLength(1);
    const [fa, fb] = await bothSides('SELECT * FROM article_fingerprints ORDER BY fingerprint');
    expect(fb).toEqual(fa);
  });

  it.each([
    [['stories', '--json', '--limit', '1000']],
    [['articles', '--json', '--limit', '1000']],
    [['export']],
    [['facts', '--json']],
  ])('gives the same output for %j against the URL as against the file', async (args) => {
    const [fromFile, fromUrl] = await Promise.all([runCli([...args, '--db', file]), runCli([...args, '--db', url])]);
    expect(fromFile.status).toBe(0);
    expect(fromUrl.stderr).toBe('');
    expect(fromUrl.stdout).toBe(fromFile.stdout);
    expect(fromFile.stdout.length).toBeGreaterThan(10);
  });

  it('shows the same story, diffs included', async () => {
    const stories = (await runCli(['stories', '--json', '--limit', '1000', '--db', file])).stdout.trim().split('\n');
    const multi = stories.map((l) => JSON.parse(l) as { id: string; articleIds: string[] }).find((s) => s.articleIds.length > 1)!;
    const [fromFile, fromUrl] = await Promise.all([
      runCli(['story', multi.id, '--json', '--db', file]),
      runCli(['story', multi.id, '--json', '--db', url]),
    ]);
    expect(fromFile.status).toBe(0);
    expect(fromUrl.stdout).toBe(fromFile.stdout);
  });

  it.each(['工业', '人民币', '期货', '央行 利率'])('finds the same results for %s (scores aside)', async (query) => {
    const [fromFile, fromUrl] = await Promise.all([
      runCli(['search', ...query.split(' '), '--json', '--db', file]),
      runCli(['search', ...query.split(' '), '--json', '--db', url]),
    ]);
    expect(fromUrl.status).toBe(0);
    expect(withoutScores(fromUrl.stdout)).toEqual(withoutScores(fromFile.stdout));
  });

  it('runs again without duplicating anything, and says so in plain text', async () => {
    const again = await runCli(['migrate', '--from', file, '--to', url.replace('caixun@', 'caixun:s3cret@'), '--no-progress']);
    expect(again.status).toBe(0);
    const lines = again.stdout.trim().split('\n');
    expect(lines.slice(0, 6).map((l) => l.split(/\s+/))).toEqual([
      ['articles', '70', '→', '70'],
      ['revisions', '1', '→', '1'],
      ['stories', String(sqliteCount('stories')), '→', String(sqliteCount('stories'))],
      ['members', '70', '→', '70'],
      ['claims', String(sqliteCount('fact_claims')), '→', String(sqliteCount('fact_claims'))],
      ['sourceStates', '1', '→', '1'],
    ]);
    expect(lines[6]).toMatch(new RegExp(`^copied and verified into ${url.replace(/[.?]/g, '\\$&')} in \\d+\\.\\d s$`));
    expect(again.stdout + again.stderr).not.toContain('s3cret');
  });

  it('refuses a target holding other articles unless --force, which replaces them', async () => {
    const other = await freshPgDatabase('migrate');
    const store = await PgStore.open(other);
    await store.upsertArticles([makeArticle({ id: 'elsewhere:1' })]);
    await store.close();
    const refused = await runCli(['migrate', '--from', file, '--to', other, '--json', '--no-progress']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      `caixun: migrate: ${other} already holds other articles (elsewhere:1 is not in ${file}); use --force to replace them\n`,
    );
    const forced = await runCli(['migrate', '--from', file, '--to', other, '--json', '--no-progress', '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ articles: 70, revisions: 1, verified: true });
    const check = await PgStore.open(other);
    expect(await check.getArticle('elsewhere:1')).toBeUndefined();
    expect((await check.getRevisions(editedId)).map((r) => r.revision)).toEqual([1]);
    await check.close();
  });

  it('explains a target it cannot reach without showing the password, and a bad pair of arguments', async () => {
    const refused = await runCli(['migrate', '--from', file, '--to', 'postgres://caixun:s3cret@127.0.0.1:1/x', '--no-progress']);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(/^caixun: store: cannot connect to postgres:\/\/caixun@127\.0\.0\.1:1\/x: .*ECONNREFUSED/);
    expect(refused.stderr).not.toContain('s3cret');
    const swapped = await runCli(['migrate', '--from', file, '--to', join(dir, 'other.db')]);
    expect(swapped.status).toBe(2);
    expect(swapped.stderr).toBe('caixun: migrate: --to must be a PostgreSQL URL (postgres://…)\n');
    const missing = await runCli(['migrate', '--from', join(dir, 'missing.db'), '--to', url]);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/no database at/);
  });
});
