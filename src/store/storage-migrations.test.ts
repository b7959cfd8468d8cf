/**
 * The 'compact claim rows' and 'compressed story states' steps on both backends: a database built
 * by the steps before them, filled with claims in the old row shape (TEXT article ids, subjects
 * copied into every claim, one claim still holding its sentence) and a story state as JSON, opened
 * by the current store, reads back the same claims, filters and all, as the same claims written
 * by the current store into a fresh database, and the same story.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, type BackendName, freshDbSpec } from '../../test/support/backends.js';
import { makeArticle } from '../../test/support/make-article.js';
import { makeStory, storyHour } from '../../test/support/make-story.js';
import { articleToParams } from './article-row.js';
import { openStore } from './open-store.js';
import { pgMigrations } from './postgres/migrations.js';
import { factsCompactRowsPgMigration } from './postgres/pg-facts-tables.js';
import { factsCompactRowsMigration } from './sqlite/facts-tables.js';
import { migrations } from './sqlite/migrations.js';
import type { Store } from './store.js';
import { storyStateText } from './story-state-text.js';
import type { ClaimInput, ClaimQuery } from './tables.js';

const TEXT_1 = '某市一季度工业增加值同比增长5%。营业收入达到7亿元。';
const TEXT_2 = '全年目标为增长5%至6%。';

const articles = [
  makeArticle({ id: 't:1', text: TEXT_1 }),
  makeArticle({ id: 't:2', text: TEXT_2, publishedAt: '2022-01-01T00:00:00+08:00' }),
];

const claim = (over: Partial<ClaimInput>): ClaimInput => ({
  value: 5, high: null, shape: 'single', unit: '%', subject: '工业增加值', subjectKey: '工业增加值', kind: 'growth',
  direction: 'up', baseline: 'yoy', qualifier: null, period: '2021-Q1', deadline: null, text: '5%',
  sentence: TEXT_1.slice(0, 17), start: 14, end: 16, sentenceStart: 0, ...over,
});

/** Claims per article; the second claim of t:1 is stored the oldest way, its sentence copied. */
const claims: Record<string, ClaimInput[]> = {
  't:1': [
    claim({}),
    claim({
      value: 7, unit: '亿元', subject: '营业收入（集团）', subjectKey: '营业收入集团', kind: 'level', direction: null, baseline: null,
      qualifier: '达到', period: null, text: '7亿元', sentence: TEXT_1.slice(17), start: 23, end: 26, sentenceStart: 17,
    }),
  ],
  't:2': [
    claim({
      value: 5, high: 6, shape: 'range', subject: '工业增加值', kind: 'target', direction: null, baseline: null, period: '2022',
      deadline: '2022', text: '5%至6%', sentence: TEXT_2, start: 7, end: 12, sentenceStart: 0,
    }),
  ],
};
const COPIED = { articleId: 't:1', seq: 1 };

const story = makeStory('st-1', storyHour(1), storyHour(2), ['t:1']);
story.representative.signature = [0, 0xffffffff, 7];
story.representative.bigrams = [0x4e004e01, 0x4e014e02, 5];

/** Run SQL with positional parameters on either backend (`?` on SQLite, `$n` on PostgreSQL). */
interface Raw {
  exec(sql: string): Promise<void>;
  insert(table: string, row: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

async function rawDb(backend: BackendName, spec: string): Promise<Raw> {
  if (backend === 'sqlite') {
    const db = new Database(spec);
    return {
      exec: async (sql) => void db.exec(sql),
      insert: async (table, row) => {
        const names = Object.keys(row);
        db.prepare(`INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(
          ...Object.values(row),
        );
      },
      close: async () => void db.close(),
    };
  }
  const client = new pg.Client({ connectionString: spec });
  await client.connect();
  return {
    exec: async (sql) => void (await client.query(sql)),
    insert: async (table, row) => {
      const names = Object.keys(row);
      await client.query(
        `INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map((_n, i) => `$${i + 1}`).join(', ')})`,
        Object.values(row),
      );
    },
    close: () => client.end(),
  };
}

/** A database as the steps before 'compact claim rows' left it, holding the articles and claims in the old shape. */
async function oldArchive(backend: BackendName): Promise<string> {
  const spec = await freshDbSpec(backend);
  const raw = await rawDb(backend, spec);
  try {
    if (backend === 'sqlite') {
      const step = migrations.indexOf(factsCompactRowsMigration);
      expect(step).toBeGreaterThan(0);
      for (const m of migrations.slice(0, step)) await raw.exec(m.sql);
      await raw.exec(`PRAGMA user_version = ${step}`);
    } else {
      const step = pgMigrations.indexOf(factsCompactRowsPgMigration);
      expect(step).toBeGreaterThan(0);
      await raw.exec(`CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      for (const [i, m] of pgMigrations.slice(0, step).entries()) {
        await raw.exec(m.sql);
        await raw.exec(`INSERT INTO schema_migrations (version, name) VALUES (${i + 1}, 'step ${i + 1}')`);
      }
    }
    for (const a of articles) {
      await raw.insert('articles', { ...articleToParams(a), created_at: a.fetchedAt, updated_at: a.fetchedAt });
      await raw.insert('fact_articles', { article_id: a.id, content_hash: a.contentHash, claims: claims[a.id]!.length });
      for (const [seq, c] of claims[a.id]!.entries()) {
        const copied = a.id === COPIED.articleId && seq === COPIED.seq;
        await raw.insert('fact_claims', {
          article_id: a.id, seq, value: c.value, high: c.high, shape: c.shape, unit: c.unit, subject: c.subject,
          subject_key: c.subjectKey, kind: c.kind, direction: c.direction, baseline: c.baseline, qualifier: c.qualifier,
          period: c.period, deadline: c.deadline, text: c.text, sentence: copied ? c.sentence : '',
          sentence_length: copied ? null : c.sentence.length, start: c.start, end: c.end, sentence_start: c.sentenceStart,
        });
      }
    }
    await raw.insert('story_members', { article_id: 't:1', story_id: 'st-1', content_hash: articles[0]!.contentHash });
    await raw.insert('stories', {
      id: story.id, first_seen: story.firstSeen, first_seen_ms: Date.parse(story.firstSeen!), last_seen_ms: Date.parse(story.lastSeen!),
      state: storyStateText(story),
    });
  } finally {
    await raw.close();
  }
  return spec;
}

const queries: ClaimQuery[] = [
  {},
  { subjectKey: '工业增加值' },
  { subjectKey: '营业收入集团' },
  { subjectContains: '（集团）' },
  { subjectContains: '增加' },
  { kind: 'target' },
  { kind: 'level' },
  { articleIds: ['t:2'] },
  { storyId: 'st-1' },
];

describe.each(BACKENDS)('compact claim rows migration on %s', (backend) => {
  const open: Store[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  it('carries every claim over: the migrated archive answers every claims query as a fresh one holding the same claims', async () => {
    const migrated = await openStore(await oldArchive(backend));
    open.push(migrated);
    const freshSpec = await freshDbSpec(backend);
    const fresh = await openStore(freshSpec);
    open.push(fresh);
    await fresh.upsertArticles(articles);
    await fresh.facts().replaceClaims(articles.map((a) => ({ articleId: a.id, contentHash: a.contentHash, claims: claims[a.id]! })));
    const raw = await rawDb(backend, freshSpec);
    await raw.insert('story_members', { article_id: 't:1', story_id: 'st-1', content_hash: articles[0]!.contentHash });
    await raw.close();

    const all = await migrated.facts().listClaims();
    expect(all.map((c) => [c.articleId, c.seq, c.subject, c.subjectKey, c.shape, c.kind, c.sentence])).toEqual([
      ['t:1', 0, '工业增加值', '工业增加值', 'single', 'growth', TEXT_1.slice(0, 17)],
      ['t:1', 1, '营业收入（集团）', '营业收入集团', 'single', 'level', TEXT_1.slice(17)],
      ['t:2', 0, '工业增加值', '工业增加值', 'range', 'target', TEXT_2],
    ]);
    for (const query of queries) expect(await migrated.facts().listClaims(query), JSON.stringify(query)).toEqual(await fresh.facts().listClaims(query));
    expect(await migrated.facts().countPending()).toBe(0);
    expect(await migrated.stories().repository.get('st-1')).toEqual(story);
    expect(await migrated.stories().listStories(10)).toEqual([story]);
    expect(await migrated.facts().countClaims()).toBe(3);

    // New claims after the step: a new article gets its own key, a replaced one keeps its row.
    const third = makeArticle({ id: 't:3', text: TEXT_2, publishedAt: '2022-02-01T00:00:00+08:00' });
    await migrated.upsertArticles([third]);
    await migrated.facts().replaceClaims([
      { articleId: 't:3', contentHash: third.contentHash, claims: claims['t:2']! },
      { articleId: 't:1', contentHash: articles[0]!.contentHash, claims: claims['t:1']!.slice(0, 1) },
    ]);
    expect((await migrated.facts().listClaims()).map((c) => [c.articleId, c.seq, c.value])).toEqual([
      ['t:1', 0, 5],
      ['t:2', 0, 5],
      ['t:3', 0, 5],
    ]);
  });
});
