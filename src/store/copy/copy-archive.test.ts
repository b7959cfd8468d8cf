/**
 * copyArchive on small invented archives: an interrupted copy resumes without duplicates, every
 * copied table arrives unchanged (blobs, floats, the `end` column), and a target holding
 * another archive is refused unless forced.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../../../test/support/make-article.js';
import { freshPgDatabase } from '../../../test/support/postgres.js';
import { UsageError } from '../../util/errors.js';
import { PgStore } from '../postgres/pg-store.js';
import { SqliteStore } from '../sqlite/sqlite-store.js';
import { copyArchive, targetCounts } from './copy-archive.js';
import { SqliteArchiveSource } from './sqlite-source.js';

let dir: string;
let file: string;
let target: PgStore;
let source: SqliteArchiveSource;

/** 23 articles (one edited twice), two stories with key sets, claims on three articles, a source. */
async function buildArchive(path: string): Promise<void> {
  const store = new SqliteStore(path);
  const articles = Array.from({ length: 23 }, (_, i) => makeArticle({ id: `t:${String(i).padStart(2, '0')}`, text: `第${i}篇。` }));
  await store.upsertArticles(articles);
  await store.upsertArticles([makeArticle({ id: 't:05', text: '改一' })]);
  await store.upsertArticles([makeArticle({ id: 't:05', text: '改二' })]);
  await store.facts().replaceClaims(
    ['t:01', 't:02', 't:07'].map((id, k) => ({
      articleId: id,
      contentHash: `h${k}`,
      claims: [
        { value: 6.3512 + k, high: k ? 7.1 : null, shape: 'single', unit: '%', subject: '增加值', subjectKey: '增加值', kind: 'growth',
          direction: k === 1 ? 'down' : 'up', baseline: k === 2 ? 'two-year-avg' : 'yoy', qualifier: null, period: '2021', deadline: null, text: '6.35%', sentence: '增长6.35%。', start: 2, end: 7, sentenceStart: 0 },
      ],
    })),
  );
  await store.sourceStates().putSourceState({
    key: 'feed-a', etag: null, lastModified: 'Mon, 29 Nov 2026 00:00:00 GMT', lastAttemptAt: null, lastSuccessAt: null,
    lastFailureAt: '2026-11-29T00:00:00.000Z', lastErrorKind: 'timeout', lastError: 'fetch: slow', consecutiveFailures: 3,
    nextDueAt: null, itemsFetched: 2 ** 40, outlet: 'A', kind: 'feed',
  });
  await store.close();
  const db = new Database(path);
  db.exec(`INSERT INTO stories (id, first_seen, first_seen_ms, last_seen_ms, state) VALUES
      ('st-1', '2021-12-20T20:21:15+08:00', 1640002875000, 1640002875000, '{"a":1}'), ('st-2', NULL, NULL, NULL, '{}');
    INSERT INTO story_members (article_id, story_id, content_hash) VALUES ('t:00', 'st-1', 'x'), ('t:01', 'st-1', NULL), ('t:02', 'st-2', 'y');`);
  db.prepare('INSERT INTO story_key_sets (n, article_id, keys) VALUES (?, ?, ?)').run(1, 't:00', Buffer.from([1, 0, 0, 0, 255, 255, 255, 255]));
  db.prepare('INSERT INTO story_key_sets (n, article_id, keys) VALUES (?, ?, ?)').run(3, 't:01', Buffer.alloc(0));
  db.close();
}

async function tableRows(table: string, order: string): Promise<[unknown[], unknown[]]> {
  const db = new Database(file, { readonly: true });
  const left = db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
  db.close();
  const right = (await target.pool.query(`SELECT * FROM ${table} ORDER BY ${order}`)).rows as unknown[];
  return [left, right];
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-copy-'));
  file = join(dir, 'a.db');
  await buildArchive(file);
  source = await SqliteArchiveSource.open(file);
  target = await PgStore.open(await freshPgDatabase('copy'));
});
afterEach(async () => {
  source.close();
  await target.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('copyArchive', () => {
  it('copies every table unchanged', async () => {
    await copyArchive(source, target, { batchSize: 5 });
    expect(await targetCounts(target)).toEqual(source.counts());
    expect(source.counts()).toEqual({ articles: 23, revisions: 2, stories: 2, members: 3, claims: 3, sourceStates: 1 });
    for (const [table, order] of [
      ['articles', 'id'],
      ['article_revisions', 'article_id, revision'],
      ['source_state', 'key'],
      ['stories', 'id'],
      ['story_members', 'article_id'],
      ['story_key_sets', 'n'],
      ['fact_articles', 'article_key'],
      ['fact_subjects', 'id'],
      ['fact_claims', 'id'],
    ] as const) {
      const [left, right] = await tableRows(table, order);
      expect(right, table).toEqual(left);
    }
    // New key sets are numbered after the copied ones.
    expect((await target.pool.query(`SELECT nextval('story_key_sets_n') AS n`)).rows).toEqual([{ n: 4 }]);
  });

  it('resumes an interrupted copy without duplicating anything', async () => {
    let batches = 0;
    const interrupted = copyArchive(source, target, {
      batchSize: 5,
      onProgress: (done) => {
        if (done > 0 && ++batches === 2) throw new Error('killed');
      },
    });
    await expect(interrupted).rejects.toThrow('killed');
    expect((await targetCounts(target)).articles).toBe(10);
    const progress: number[] = [];
    await copyArchive(source, target, { batchSize: 5, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([0, 5, 10, 15, 20, 23]);
    expect(await targetCounts(target)).toEqual(source.counts());
    await copyArchive(source, target);
    expect(await targetCounts(target)).toEqual(source.counts());
  });

  it('refuses a target holding another archive, and replaces it when forced', async () => {
    await target.upsertArticles([makeArticle({ id: 't:00', text: '别的版本' })]);
    const refused = await copyArchive(source, target).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UsageError);
    expect((refused as Error).message).toMatch(/already holds other articles \(t:00 is not in .*a\.db\); use --force to replace them$/);
    expect((await targetCounts(target)).articles).toBe(1);
    await copyArchive(source, target, { force: true });
    expect(await targetCounts(target)).toEqual(source.counts());
    expect((await target.getArticle('t:00'))?.text).toBe('第0篇。');
  });

  it('copies the archive as it was when opened, while another process keeps writing to it', async () => {
    const writer = new SqliteStore(file);
    await writer.upsertArticles([makeArticle({ id: 't:late' }), makeArticle({ id: 't:05', text: '改三' })]);
    await writer.close();
    await copyArchive(source, target);
    expect(await targetCounts(target)).toEqual(source.counts());
    expect(source.counts().articles).toBe(23);
    expect((await target.getArticle('t:05'))?.text).toBe('改二');
  });

  it('accepts a target holding an older version of the same archive', async () => {
    await target.upsertArticles([makeArticle({ id: 't:05', text: '第5篇。' })]);
    await copyArchive(source, target);
    expect((await target.getArticle('t:05'))?.text).toBe('改二');
    expect((await target.getRevisions('t:05')).map((r) => r.article.text)).toEqual(['第5篇。', '改一']);
  });
});
