/**
 * One set of store assertions run on BOTH backends: articles and revisions, paging, iteration,
 * schema checks, source state and fingerprints, and the facts tables. The SQLite store is the
 * reference behaviour; the PostgreSQL store must give the same answers.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, type BackendName, freshDbSpec } from '../../test/support/backends.js';
import { makeArticle } from '../../test/support/make-article.js';
import { makeStory, storyHour } from '../../test/support/make-story.js';
import { InvalidCursorError, StoreError } from '../util/errors.js';
import { openStore } from './open-store.js';
import { textOf } from './packed-text.js';
import { pgMigrations } from './postgres/migrations.js';
import type { SourceState } from './source-state.js';
import { migrations } from './sqlite/migrations.js';
import type { Store } from './store.js';
import type { StoryState } from '../stories/story-state.js';
import { storyStateText, unpackStoryState } from './story-state-text.js';
import type { ClaimInput } from './tables.js';

const state: SourceState = {
  key: 'sina',
  etag: '"v1"',
  lastModified: null,
  lastAttemptAt: '2021-12-21T00:00:00.000Z',
  lastSuccessAt: '2021-12-21T00:00:00.000Z',
  lastFailureAt: null,
  lastErrorKind: null,
  lastError: null,
  consecutiveFailures: 0,
  nextDueAt: '2021-12-21T00:05:00.000Z',
  itemsFetched: 12,
  outlet: '新浪财经',
  kind: 'feed',
};

const claim = (over: Partial<ClaimInput> = {}): ClaimInput => ({
  value: 5,
  high: null,
  shape: 'single',
  unit: '%',
  subject: '工业增加值',
  subjectKey: '工业增加值',
  kind: 'growth',
  direction: 'up',
  baseline: 'yoy',
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

/** Mark the database as made by a caixun one schema step ahead of this one. */
async function bumpSchema(backend: BackendName, spec: string): Promise<void> {
  if (backend === 'sqlite') {
    const db = new Database(spec);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: spec });
  await client.connect();
  await client.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, 'from the future')`, [pgMigrations.length + 1]);
  await client.end();
}

/** Run one statement (the same SQL on both backends) outside the store. */
async function execSql(backend: BackendName, spec: string, sql: string): Promise<void> {
  if (backend === 'sqlite') {
    const db = new Database(spec);
    db.exec(sql);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: spec });
  await client.connect();
  await client.query(sql);
  await client.end();
}

/** Rows of one query (the same SQL on both backends) outside the store; bytes come back as Buffers. */
async function querySql(backend: BackendName, spec: string, sql: string): Promise<Record<string, unknown>[]> {
  if (backend === 'sqlite') {
    const db = new Database(spec, { readonly: true });
    try {
      return db.prepare<[], Record<string, unknown>>(sql).all();
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: spec });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(sql)).rows;
  } finally {
    await client.end();
  }
}

const sqlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

describe.each(BACKENDS)('store contract on %s', (backend) => {
  const open: Store[] = [];
  async function fresh(): Promise<{ store: Store; spec: string }> {
    const spec = await freshDbSpec(backend);
    const store = await openStore(spec);
    open.push(store);
    return { store, spec };
  }
  async function reopen(spec: string): Promise<Store> {
    const store = await openStore(spec);
    open.push(store);
    return store;
  }
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  it('says which backend it is and where, and closes twice without harm', async () => {
    const { store } = await fresh();
    expect(store.kind).toBe(backend);
    expect(store.location.length).toBeGreaterThan(0);
    await store.close();
    await store.close();
  });

  it('round-trips every field of an article, across reopening', async () => {
    const { store, spec } = await fresh();
    const a = makeArticle({ digest: '摘要一句', images: ['https://example.org/a.jpg'], flags: [{ code: 'bad-date', message: 'x' }] });
    const b = makeArticle({ id: 't:nulls', url: null, publishedAt: null, provenance: {}, categories: [], tags: [] });
    expect(await store.upsertArticles([a, b])).toEqual(['new', 'new']);
    await store.close();
    const reopened = await reopen(spec);
    expect(await reopened.getArticle(a.id)).toEqual(a);
    expect(await reopened.getArticle(b.id)).toEqual(b);
    expect(await reopened.getArticle('t:missing')).toBeUndefined();
  });

  it('reports the same article twice as unchanged, and a changed one as updated with the old revision kept', async () => {
    const { store } = await fresh();
    const v1 = makeArticle();
    const v2 = makeArticle({ text: '某市一季度工业增加值同比增长5.2%。' });
    const v3 = makeArticle({ text: '某市一季度工业增加值同比增长5.3%。' });
    expect(await store.upsertArticles([v1, v1])).toEqual(['new', 'unchanged']);
    expect(await store.upsertArticles([v2])).toEqual(['updated']);
    expect((await store.getArticle(v1.id))?.text).toBe(v2.text);
    const revisions = await store.getRevisions(v1.id);
    expect(revisions.map((r) => [r.articleId, r.revision, r.contentHash, r.article])).toEqual([[v1.id, 1, v1.contentHash, v1]]);
    expect(revisions[0]!.replacedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // both stored versions seen again: no flip-flop between them
    expect(await store.upsertArticles([v1, v2])).toEqual(['unchanged', 'unchanged']);
    // one batch with a new version then an old one then another new one
    expect(await store.upsertArticles([v3, v1, v3])).toEqual(['updated', 'unchanged', 'unchanged']);
    expect((await store.getRevisions(v1.id)).map((r) => [r.revision, r.contentHash])).toEqual([
      [1, v1.contentHash],
      [2, v2.contentHash],
    ]);
    expect(await store.countArticles()).toBe(1);
  });

  it('keeps article bodies (text, html, raw input) and revisions compressed, and reads rows written before that as before', async () => {
    const { store, spec } = await fresh();
    const body = `<p>${'某市一季度工业增加值同比增长5%，“稳增长”政策持续发力。'.repeat(40)}</p>\n😀 tab\t end`;
    const v1 = makeArticle({ raw: { origin: 'https://example.org/a', mediaType: 'text/html', body } });
    const v2 = makeArticle({ title: '第二版', raw: v1.raw });
    expect(await store.upsertArticles([v1])).toEqual(['new']);
    expect(await store.upsertArticles([v2])).toEqual(['updated']);
    const [row] = await querySql(backend, spec, 'SELECT raw_body, html, text, body_br FROM articles');
    expect([row!['raw_body'], row!['html'], row!['text']]).toEqual(['', '', '']);
    // text, HTML and raw input in one stream: the text and HTML cost little beside the raw input
    expect((row!['body_br'] as Buffer).length).toBeLessThan(Buffer.byteLength(body) / 4);
    const [rev] = await querySql(backend, spec, 'SELECT article_json, article_json_br FROM article_revisions');
    expect(rev!['article_json']).toBe('');
    expect(Buffer.isBuffer(rev!['article_json_br'])).toBe(true);
    expect(await store.getArticle(v1.id)).toEqual(v2);
    expect((await store.getRevisions(v1.id)).map((r) => r.article)).toEqual([v1]);
    expect((await store.stories().pendingAfter(null, 10)).map(textOf)).toEqual([v2.text]);
    expect((await store.facts().pendingAfter('', 10)).map(textOf)).toEqual([v2.text]);
    expect((await store.search().changedAfter({ updatedAt: '', id: '' }, 10)).map(textOf)).toEqual([v2.text]);
    expect((await store.search().hitRow(v1.id))?.text).toBe(v2.text);

    // Rows as a caixun before the compressed columns wrote them: text in the plain columns.
    await execSql(
      backend,
      spec,
      `UPDATE articles SET raw_body = ${sqlText('旧的原文')}, html = ${sqlText('<p>旧的</p>')}, text = ${sqlText('旧的正文')},
         body_br = NULL;
       UPDATE article_revisions SET article_json = ${sqlText(JSON.stringify(v1))}, article_json_br = NULL`,
    );
    expect(await store.getArticle(v1.id)).toEqual({ ...v2, html: '<p>旧的</p>', text: '旧的正文', raw: { ...v2.raw, body: '旧的原文' } });
    // every derive step reads the text of older rows too
    expect((await store.stories().pendingAfter(null, 10)).map(textOf)).toEqual(['旧的正文']);
    expect((await store.facts().pendingAfter('', 10)).map(textOf)).toEqual(['旧的正文']);
    expect((await store.search().changedAfter({ updatedAt: '', id: '' }, 10)).map(textOf)).toEqual(['旧的正文']);
    expect((await store.search().hitRow(v1.id))?.text).toBe('旧的正文');
    expect((await store.getRevisions(v1.id)).map((r) => r.article)).toEqual([v1]);
    expect((await store.listArticles()).articles.map((a) => a.raw.body)).toEqual(['旧的原文']);
  });

  it('keeps every version when one batch brings a new article and two changes of it', async () => {
    const { store } = await fresh();
    const v1 = makeArticle({ id: 't:b' });
    const v2 = makeArticle({ id: 't:b', title: '第二版' });
    const v3 = makeArticle({ id: 't:b', title: '第三版' });
    expect(await store.upsertArticles([v1, v2, v3, v2])).toEqual(['new', 'updated', 'updated', 'unchanged']);
    expect(await store.getArticle('t:b')).toEqual(v3);
    expect((await store.getRevisions('t:b')).map((r) => [r.revision, r.article])).toEqual([
      [1, v1],
      [2, v2],
    ]);
  });

  it('writes a batch all or nothing', async () => {
    const { store } = await fresh();
    await store.upsertArticles([makeArticle({ id: 't:old' })]);
    const good = makeArticle({ id: 't:good' });
    const changed = makeArticle({ id: 't:old', title: '改了' });
    const bad = { ...makeArticle({ id: 't:bad' }), title: null as unknown as string };
    await expect(store.upsertArticles([good, changed, bad])).rejects.toBeInstanceOf(StoreError);
    expect(await store.countArticles()).toBe(1);
    expect((await store.getArticle('t:old'))?.title).toBe(makeArticle().title);
    expect(await store.getRevisions('t:old')).toEqual([]);
    expect(await store.upsertArticles([])).toEqual([]);
  });

  it('pages newest first with a stable cursor, articles without a date ordered by fetch time', async () => {
    const { store } = await fresh();
    const articles = Array.from({ length: 7 }, (_, i) =>
      makeArticle({ id: `t:${i}`, outletKey: i % 2 ? 'odd' : 'even', publishedAt: `2021-12-0${i + 1}T10:00:00+08:00` }),
    );
    articles.push(makeArticle({ id: 't:undated', publishedAt: null, fetchedAt: '2021-12-04T12:00:00.000Z' }));
    await store.upsertArticles(articles);
    const pageIds = async (outletKey?: string): Promise<string[]> => {
      const ids: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await store.listArticles({ limit: 3, ...(after ? { after } : {}), ...(outletKey ? { outletKey } : {}) });
        ids.push(...page.articles.map((a) => a.id));
        if (!page.nextCursor) return ids;
        after = page.nextCursor;
      }
    };
    expect(await pageIds()).toEqual(['t:6', 't:5', 't:4', 't:undated', 't:3', 't:2', 't:1', 't:0']);
    expect(await pageIds('odd')).toEqual(['t:5', 't:3', 't:1']);
    expect((await store.listArticles()).articles).toHaveLength(8);
    await expect(store.listArticles({ after: 'garbage' })).rejects.toThrow(/invalid cursor/);
  });

  it('throws a typed InvalidCursorError, which is a StoreError, for a cursor no list gave', async () => {
    const { store } = await fresh();
    for (const bad of ['garbage', Buffer.from('[1]').toString('base64url'), Buffer.from('["x","y"]').toString('base64url')]) {
      const err = await store.listArticles({ after: bad }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidCursorError);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as InvalidCursorError).cursor).toBe(bad);
    }
  });

  it('filters a list by category (exact name, not a substring), paging with the same cursor', async () => {
    const { store } = await fresh();
    await store.upsertArticles([
      makeArticle({ id: 't:1', categories: ['宏观', '财经'], publishedAt: '2021-12-01T10:00:00+08:00' }),
      makeArticle({ id: 't:2', categories: ['宏观经济'], publishedAt: '2021-12-02T10:00:00+08:00' }),
      makeArticle({ id: 't:3', categories: ['宏观'], publishedAt: '2021-12-03T10:00:00+08:00', outletKey: 'other' }),
      makeArticle({ id: 't:4', categories: [], publishedAt: '2021-12-04T10:00:00+08:00' }),
      makeArticle({ id: 't:5', categories: ['"宏观"'], publishedAt: '2021-12-05T10:00:00+08:00' }),
    ]);
    const first = await store.listArticles({ category: '宏观', limit: 1 });
    expect(first.articles.map((a) => a.id)).toEqual(['t:3']);
    const second = await store.listArticles({ category: '宏观', limit: 1, after: first.nextCursor! });
    expect(second.articles.map((a) => a.id)).toEqual(['t:1']);
    expect(second.nextCursor).toBeNull();
    expect((await store.listArticles({ category: '宏观', outletKey: 'testoutlet' })).articles.map((a) => a.id)).toEqual(['t:1']);
    expect((await store.listArticles({ category: '"宏观"' })).articles.map((a) => a.id)).toEqual(['t:5']);
    expect((await store.listArticles({ category: '不存在' })).articles).toEqual([]);
  });

  it('pages the story list by keyset from any position, undated stories last, ties on time by id', async () => {
    const { store } = await fresh();
    const tables = store.stories();
    const at = storyHour;
    const story = (id: string, first: string | null): StoryState => makeStory(id, first, first, [`m-${id}`]);
    const stories = [story('s-a', at(1)), story('s-b', at(3)), story('s-c', at(3)), story('s-d', null), story('s-e', null), story('s-f', at(2))];
    for (const s of stories) await tables.repository.put(s);
    const order = (await tables.listStories(100)).map((s) => s.id);
    expect(order).toEqual(['s-c', 's-b', 's-f', 's-a', 's-e', 's-d']);
    for (const [i, s] of (await tables.listStories(100)).entries()) {
      const position = { ms: s.firstSeen === null ? null : Date.parse(s.firstSeen), id: s.id };
      expect((await tables.listStoriesAfter(position, 100)).map((x) => x.id)).toEqual(order.slice(i + 1));
      expect((await tables.listStoriesAfter(position, 2)).map((x) => x.id)).toEqual(order.slice(i + 1, i + 3));
    }
  });

  it('stores a story state compressed, and reads states stored as base64 or plain JSON as before', async () => {
    const { store, spec } = await fresh();
    const tables = store.stories();
    const story = makeStory('s-a', storyHour(1), storyHour(2), ['m-1', 'm-2']);
    story.representative.signature = [0, 1, 0xffffffff, 123_456_789, 2 ** 31];
    story.representative.bigrams = [0x4e004e01, 0x4e014e02, 7, 0x9fff9fff];
    await tables.repository.put(story);
    const [row] = await querySql(backend, spec, 'SELECT state, state_br FROM stories');
    expect(row!['state']).toBe('');
    expect(unpackStoryState(row!['state_br'] as Buffer)).toEqual(story);
    expect(await tables.repository.get('s-a')).toEqual(story);
    expect(await tables.listStories(10)).toEqual([story]);
    expect(await tables.repository.storiesSeenBetween(Date.parse(storyHour(0)), Date.parse(storyHour(3)))).toEqual([story]);

    // A state as a caixun before the compressed column wrote it (signature and bigrams as base64).
    const base64 = { ...story, members: story.members.slice(0, 1) };
    await execSql(backend, spec, `UPDATE stories SET state = ${sqlText(storyStateText(base64))}, state_br = NULL`);
    expect(await tables.repository.get('s-a')).toEqual(base64);
    expect(await tables.listStories(10)).toEqual([base64]);
    // And before the base64 encoding.
    const older = { ...story, members: story.members.slice(1) };
    await execSql(backend, spec, `UPDATE stories SET state = ${sqlText(JSON.stringify(older))}, state_br = NULL`);
    expect(await tables.repository.get('s-a')).toEqual(older);
    expect(await tables.listStories(10)).toEqual([older]);
  });

  it('counts articles by outlet with the newest name and newest publication time, most first', async () => {
    const { store } = await fresh();
    expect(await store.countArticlesByOutlet()).toEqual([]);
    await store.upsertArticles([
      makeArticle({ id: 'b:1', outletKey: 'b', outlet: '乙报旧名', publishedAt: '2021-12-01T10:00:00+08:00' }),
      makeArticle({ id: 'b:2', outletKey: 'b', outlet: '乙报', publishedAt: '2021-12-03T10:00:00+08:00' }),
      makeArticle({ id: 'b:3', outletKey: 'b', outlet: '乙报', publishedAt: null, fetchedAt: '2021-12-02T00:00:00.000Z' }),
      makeArticle({ id: 'a:1', outletKey: 'a', outlet: '甲报', publishedAt: '2021-12-02T10:00:00+08:00' }),
      makeArticle({ id: 'c:1', outletKey: 'c', outlet: '丙报', publishedAt: null }),
    ]);
    expect(await store.countArticlesByOutlet()).toEqual([
      { outletKey: 'b', outlet: '乙报', articleCount: 3, latestAt: '2021-12-03T10:00:00+08:00' },
      { outletKey: 'a', outlet: '甲报', articleCount: 1, latestAt: '2021-12-02T10:00:00+08:00' },
      { outletKey: 'c', outlet: '丙报', articleCount: 1, latestAt: null },
    ]);
  });

  it('iterates every article in id order, past one batch', async () => {
    const { store } = await fresh();
    const ids = Array.from({ length: 1203 }, (_, i) => `t:${String(i).padStart(5, '0')}`);
    const shuffled = [...ids].sort((a, b) => (a.slice(-1) + a).localeCompare(b.slice(-1) + b));
    for (let i = 0; i < shuffled.length; i += 400) {
      await store.upsertArticles(shuffled.slice(i, i + 400).map((id) => makeArticle({ id, text: id })));
    }
    const seen: string[] = [];
    for await (const a of store.iterateArticles()) seen.push(a.id);
    expect(seen).toEqual(ids);
    expect(await store.countArticles()).toBe(1203);
  });

  it('refuses a database made by a newer caixun', async () => {
    const { store, spec } = await fresh();
    await store.close();
    await bumpSchema(backend, spec);
    await expect(openStore(spec)).rejects.toThrow(/newer than this caixun/);
  });

  it('says so when asked to read a database that does not exist', async () => {
    const spec = await freshDbSpec(backend);
    await expect(openStore(spec, { mustExist: true })).rejects.toThrow(/no (caixun )?database at/);
  });

  describe('source state', () => {
    it('round-trips and replaces a state, and survives reopening', async () => {
      const { store, spec } = await fresh();
      const repo = store.sourceStates();
      expect(await repo.getSourceState('sina')).toBeUndefined();
      await repo.putSourceState(state);
      await repo.putSourceState({ ...state, consecutiveFailures: 2, lastErrorKind: 'timeout', lastError: 'fetch: slow' });
      await repo.putSourceState({ ...state, key: 'cls', outlet: undefined, kind: undefined } as unknown as SourceState);
      await store.close();
      const reopened = await reopen(spec);
      const again = { ...state, consecutiveFailures: 2, lastErrorKind: 'timeout', lastError: 'fetch: slow' };
      expect(await reopened.sourceStates().listSourceStates()).toEqual([
        { ...state, key: 'cls', outlet: null, kind: null },
        again,
      ]);
      expect(await reopened.sourceStates().getSourceState('sina')).toEqual(again);
      expect((await reopened.sourceStates().listSourceHealth()).map((h) => [h.key, h.lastError])).toEqual([
        ['cls', null],
        ['sina', 'timeout: fetch: slow'],
      ]);
    });

    it('finds articles by fingerprint, keeping the first article of a fingerprint', async () => {
      const { store } = await fresh();
      const repo = store.sourceStates();
      await repo.addFingerprints([{ fingerprint: 'f1', articleId: 'a:1' }]);
      await repo.addFingerprints([
        { fingerprint: 'f1', articleId: 'a:2' },
        { fingerprint: 'f3', articleId: 'a:3' },
        { fingerprint: 'f3', articleId: 'a:4' },
      ]);
      await repo.addFingerprints([]);
      expect(await repo.findArticleIdByFingerprint('f1')).toBe('a:1');
      expect(await repo.findArticleIdByFingerprint('f3')).toBe('a:3');
      expect(await repo.findArticleIdByFingerprint('f2')).toBeUndefined();
    });

    it('finds the oldest article stored with a URL', async () => {
      const { store } = await fresh();
      const repo = store.sourceStates();
      await store.upsertArticles([makeArticle({ id: 't:z', url: 'https://x.example/a' })]);
      // created_at has millisecond resolution: let the second article be stored later
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.upsertArticles([makeArticle({ id: 't:a', url: 'https://x.example/a' })]);
      expect(await repo.findArticleIdByUrl('https://x.example/a')).toBe('t:z');
      expect(await repo.findArticleIdByUrl('https://x.example/none')).toBeUndefined();
    });
  });

  describe('search tables', () => {
    it('reads the text only of changed articles: one the index holds as it is comes with an empty text', async () => {
      const { store } = await fresh();
      await store.upsertArticles([makeArticle({ id: 't:1' }), makeArticle({ id: 't:2', text: '另一篇。' })]);
      const search = store.search();
      const [first] = await search.changedAfter({ updatedAt: '', id: '' }, 10);
      await search.put(first!, { title: 'a', body: 'b', titleWords: '', bodyWords: '', meta: '' });
      const texts = async (): Promise<string[]> => (await search.changedAfter({ updatedAt: '', id: '' }, 10)).map((r) => `${r.id}=${textOf(r)}`);
      expect(await texts()).toEqual(['t:1=', 't:2=另一篇。']);
      await store.upsertArticles([makeArticle({ id: 't:1', text: '改过的正文。' })]);
      expect((await texts()).sort()).toEqual(['t:1=改过的正文。', 't:2=另一篇。']);
    });
  });

  describe('facts tables', () => {
    it('lists pending articles until their claims are stored, and again when they change', async () => {
      const { store } = await fresh();
      await store.upsertArticles([makeArticle({ id: 't:1' }), makeArticle({ id: 't:2', text: '另一篇。' })]);
      const facts = store.facts();
      expect(await facts.countPending()).toBe(2);
      expect((await facts.pendingAfter('', 10)).map((r) => r.id)).toEqual(['t:1', 't:2']);
      expect((await facts.pendingAfter('t:1', 10)).map((r) => r.id)).toEqual(['t:2']);
      const [a, b] = await facts.pendingAfter('', 10);
      expect(textOf(a!)).toBe(makeArticle().text);
      expect(a).toEqual({
        id: 't:1',
        text: expect.any(String),
        body_br: expect.any(Uint8Array),
        published_at: '2021-12-20T20:21:15+08:00',
        content_hash: makeArticle({ id: 't:1' }).contentHash,
        updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
      // The same articles in (updated_at, id) order, those changed at or after a time only.
      const changed = await facts.pendingChangedAfter('', null, 10);
      expect(changed.map((r) => r.id).sort()).toEqual(['t:1', 't:2']);
      expect(changed.map((r) => [r.updated_at, r.id])).toEqual(changed.map((r) => [r.updated_at, r.id]).sort());
      expect(await facts.pendingChangedAfter('', { updatedAt: changed[0]!.updated_at, id: changed[0]!.id }, 10)).toEqual(changed.slice(1));
      const later = new Date(Date.parse(a!.updated_at) + 1000).toISOString();
      expect(await facts.pendingChangedAfter(later, null, 10)).toEqual([]);
      expect(await facts.countPending(later)).toBe(0);
      await facts.replaceClaims([
        { articleId: a!.id, contentHash: a!.content_hash, claims: [claim()] },
        { articleId: b!.id, contentHash: b!.content_hash, claims: [] },
      ]);
      expect(await facts.countPending()).toBe(0);
      expect(await facts.countClaims()).toBe(1);
      await store.upsertArticles([makeArticle({ id: 't:1', text: '某市一季度工业增加值同比增长6%。' })]);
      expect((await facts.pendingAfter('', 10)).map((r) => r.id)).toEqual(['t:1']);
      await facts.wipe();
      expect(await facts.countClaims()).toBe(0);
      expect(await facts.countPending()).toBe(2);
    });

    it('replaces the claims of an article and reads them back with their article and story', async () => {
      const { store } = await fresh();
      await store.upsertArticles([makeArticle({ id: 't:1' })]);
      const facts = store.facts();
      await facts.replaceClaims([{ articleId: 't:1', contentHash: 'h1', claims: [claim(), claim({ value: 7, subject: '营业收入', subjectKey: '营业收入' })] }]);
      await facts.replaceClaims([{ articleId: 't:1', contentHash: 'h2', claims: [claim({ value: -6.3512, high: -7.25, direction: 'down', baseline: 'two-year-avg', qualifier: '约', deadline: '2025' })] }]);
      const rows = await facts.listClaims();
      expect(rows).toEqual([
        {
          ...claim({ value: -6.3512, high: -7.25, direction: 'down', baseline: 'two-year-avg', qualifier: '约', deadline: '2025' }),
          articleId: 't:1',
          seq: 0,
          storyId: null,
          publishedAt: '2021-12-20T20:21:15+08:00',
          outletKey: 'testoutlet',
          title: makeArticle().title,
        },
      ]);
    });

    it('stores where a claim sentence is, not the sentence, and reads it back from the article text', async () => {
      const { store, spec } = await fresh();
      const text = '导语。😀第二句说营业收入增长7%，利润增长5%。末句。';
      const article = makeArticle({ id: 't:1', text });
      await store.upsertArticles([article]);
      const sentence = '😀第二句说营业收入增长7%，利润增长5%。';
      const sentenceStart = text.indexOf(sentence);
      const at = (figure: string): { start: number; end: number } => {
        const start = text.indexOf(figure);
        return { start, end: start + figure.length };
      };
      const claims = [
        claim({ value: 7, text: '7%', sentence, sentenceStart, ...at('7%') }),
        claim({ value: 5, text: '5%', sentence, sentenceStart, ...at('5%') }),
      ];
      await store.facts().replaceClaims([{ articleId: 't:1', contentHash: article.contentHash, claims }]);
      // Neither the sentence nor the figure is copied into the row.
      const rows = await querySql(backend, spec, 'SELECT detail, sentence_length FROM fact_claims ORDER BY id');
      expect(rows).toEqual([
        { detail: '{"direction":"up","baseline":"yoy","period":"2021-Q1"}', sentence_length: sentence.length },
        { detail: '{"direction":"up","baseline":"yoy","period":"2021-Q1"}', sentence_length: sentence.length },
      ]);
      const read = await store.facts().listClaims();
      expect(read.map((r) => [r.text, r.sentence, r.sentenceStart])).toEqual([
        ['7%', sentence, sentenceStart],
        ['5%', sentence, sentenceStart],
      ]);

      // A row written before the 'compact claim rows' step: the figure kept; older still, the
      // sentence copied, no length.
      await execSql(backend, spec, `UPDATE fact_claims SET detail = '{"text":"7%","sentence":"旧的句子"}', sentence_length = NULL
        WHERE id % 65536 = 0`);
      expect((await store.facts().listClaims()).map((r) => [r.text, r.sentence])).toEqual([['7%', '旧的句子'], ['5%', sentence]]);
      await execSql(backend, spec, `UPDATE fact_claims SET detail = '{"text":"7%"}', sentence_length = ${sentence.length} WHERE id % 65536 = 0`);
      expect((await store.facts().listClaims()).map((r) => [r.text, r.sentence])).toEqual([['7%', sentence], ['5%', sentence]]);
      // The article changed and its claims are not extracted again yet: figures and sentences
      // are cut from the version they were read from; a kept figure the new text no longer holds
      // at its place is all its sentence shows.
      await store.upsertArticles([makeArticle({ id: 't:1', text: '改写后的全文，利润增长5%。' })]);
      expect((await store.facts().listClaims()).map((r) => [r.text, r.sentence])).toEqual([['7%', sentence], ['5%', sentence]]);
    });

    it('reads the story of each claim and filters by story', async () => {
      const { store, spec } = await fresh();
      await store.upsertArticles([makeArticle({ id: 't:1' }), makeArticle({ id: 't:2', publishedAt: '2022-01-01T00:00:00+08:00' })]);
      await store.facts().replaceClaims([
        { articleId: 't:1', contentHash: 'h', claims: [claim()] },
        { articleId: 't:2', contentHash: 'h', claims: [claim({ value: 9 })] },
      ]);
      await execSql(backend, spec, `INSERT INTO story_members (article_id, story_id, content_hash) VALUES ('t:2', 'st-x', 'h')`);
      expect((await store.facts().listClaims()).map((r) => [r.articleId, r.storyId])).toEqual([
        ['t:1', null],
        ['t:2', 'st-x'],
      ]);
      expect((await store.facts().listClaims({ storyId: 'st-x' })).map((r) => r.value)).toEqual([9]);
    });

    it.each([
      [{ subjectContains: '增加值' }, [5]],
      [{ subjectContains: '利润' }, []],
      [{ subjectKey: '营业收入' }, [7]],
      [{ kind: 'target' }, [9]],
      [{ articleIds: ['t:2'] }, [9]],
      [{ articleIds: [] }, []],
      [{ limit: 2 }, [5, 7]],
      [{}, [5, 7, 9]],
    ])('filters claims by %j', async (query, values) => {
      const { store } = await fresh();
      await store.upsertArticles([makeArticle({ id: 't:2', publishedAt: '2022-01-01T00:00:00+08:00' }), makeArticle({ id: 't:1' })]);
      await store.facts().replaceClaims([
        { articleId: 't:2', contentHash: 'h', claims: [claim({ value: 9, kind: 'target', subject: '企业', subjectKey: '企业' })] },
        { articleId: 't:1', contentHash: 'h', claims: [claim(), claim({ value: 7, subject: '营业收入', subjectKey: '营业收入' })] },
      ]);
      expect((await store.facts().listClaims(query)).map((r) => r.value)).toEqual(values);
    });
  });
});
