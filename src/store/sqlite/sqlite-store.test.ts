import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../../../test/support/make-article.js';
import { StoreError } from '../../util/errors.js';
import { migrations } from './migrations.js';
import { SqliteStore } from './sqlite-store.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-store-'));
  dbPath = join(dir, 'test.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteStore', () => {
  it('creates a WAL database at the schema version of the last migration', async () => {
    const store = new SqliteStore(dbPath);
    await store.close();
    const db = new Database(dbPath);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('round-trips every field of an article', async () => {
    const store = new SqliteStore(dbPath);
    const a = makeArticle({ digest: '摘要一句', images: ['https://example.org/a.jpg'], flags: [{ code: 'bad-date', message: 'x' }] });
    expect(await store.upsertArticles([a])).toEqual(['new']);
    await store.close();
    const reopened = new SqliteStore(dbPath);
    expect(await reopened.getArticle(a.id)).toEqual(a);
    await reopened.close();
  });

  it('reports the same article twice as unchanged, and a changed one as updated with the old revision kept', async () => {
    const store = new SqliteStore(dbPath);
    const v1 = makeArticle();
    const v2 = makeArticle({ text: '某市一季度工业增加值同比增长5.2%。' });
    expect(await store.upsertArticles([v1, v1])).toEqual(['new', 'unchanged']);
    expect(await store.upsertArticles([v2])).toEqual(['updated']);
    expect((await store.getArticle(v1.id))?.text).toBe(v2.text);
    const revisions = await store.getRevisions(v1.id);
    expect(revisions.map((r) => [r.revision, r.contentHash, r.article.text])).toEqual([[1, v1.contentHash, v1.text]]);
    // both stored versions seen again: no flip-flop between them
    expect(await store.upsertArticles([v1, v2])).toEqual(['unchanged', 'unchanged']);
    expect(await store.countArticles()).toBe(1);
    await store.close();
  });

  it('writes a batch all or nothing', async () => {
    const store = new SqliteStore(dbPath);
    const good = makeArticle({ id: 't:good' });
    const bad = { ...makeArticle({ id: 't:bad' }), title: null as unknown as string };
    await expect(store.upsertArticles([good, bad])).rejects.toBeInstanceOf(StoreError);
    expect(await store.countArticles()).toBe(0);
    await store.close();
  });

  it('pages newest first with a stable cursor, articles without a date ordered by fetch time', async () => {
    const store = new SqliteStore(dbPath);
    const articles = Array.from({ length: 7 }, (_, i) =>
      makeArticle({ id: `t:${i}`, publishedAt: `2021-12-0${i + 1}T10:00:00+08:00` }),
    );
    articles.push(makeArticle({ id: 't:undated', publishedAt: null, fetchedAt: '2021-12-04T12:00:00.000Z' }));
    await store.upsertArticles(articles);
    const ids: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await store.listArticles({ limit: 3, ...(after ? { after } : {}) });
      ids.push(...page.articles.map((a) => a.id));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(ids).toEqual(['t:6', 't:5', 't:4', 't:undated', 't:3', 't:2', 't:1', 't:0']);
    await expect(store.listArticles({ after: 'garbage' })).rejects.toThrow(/invalid cursor/);
    await store.close();
  });

  it('refuses a database made by a newer caixun', async () => {
    const db = new Database(dbPath);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    expect(() => new SqliteStore(dbPath)).toThrow(/newer than this caixun/);
  });

  it('says so when asked to read a database that does not exist', () => {
    expect(() => new SqliteStore(join(dir, 'missing.db'), { mustExist: true })).toThrow(/no database at/);
  });
});
