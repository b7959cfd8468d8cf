/**
 * End to end: the real CLI imports the corpus (which clusters it), lists the stories, shows one
 * with its diffs, rebuilds them, and re-imports without duplicating anything, on the suite's
 * store backend (a SQLite file, or a PostgreSQL database with CAIXUN_TEST_BACKEND=postgres).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryListEntry } from '../../src/cli/commands/stories.js';
import type { Article } from '../../src/model/article.js';
import { corpusDir, corpusFiles } from '../corpus.js';
import { TEST_BACKEND, testDbSpec } from '../support/backends.js';
import { runCli } from '../support/cli.js';
import { readLabels } from '../stories/run-eval.js';

const STORY_FIELDS = ['articleIds', 'firstSeen', 'id', 'outlets', 'related', 'representativeId', 'title'];

type Entry = StoryListEntry;

let dir: string;
let db: string;
let imported: Awaited<ReturnType<typeof runCli>>;
let entries: Entry[];
/** Article id of a corpus path (relative to the corpus root), through `raw.origin`. */
let idOf: (relativePath: string) => string;

const listStories = async (): Promise<Entry[]> => {
  const r = await runCli(['stories', '--db', db, '--json', '--limit', '1000']);
  expect(r.status).toBe(0);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Entry);
};
const storyOf = (articleId: string): Entry | undefined => entries.find((e) => e.articleIds.includes(articleId));
const grouping = (list: Entry[]): string[][] => list.map((e) => [...e.articleIds].sort()).sort();

/** Rows and distinct articles of `story_members`, read straight from the database `spec` names. */
async function memberCounts(spec: string): Promise<{ n: number; d: number }> {
  const sql = 'SELECT CAST(count(*) AS integer) AS n, CAST(count(DISTINCT article_id) AS integer) AS d FROM story_members';
  if (TEST_BACKEND === 'postgres') {
    const client = new pg.Client({ connectionString: spec });
    await client.connect();
    try {
      return (await client.query<{ n: number; d: number }>(sql)).rows[0]!;
    } finally {
      await client.end();
    }
  }
  const raw = new Database(spec, { readonly: true });
  try {
    return raw.prepare(sql).get() as { n: number; d: number };
  } finally {
    raw.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-stories-cli-'));
  db = await testDbSpec(dir, 'corpus.db');
  imported = await runCli(['import', join(corpusDir, 'jekyll'), join(corpusDir, 'hexo'), '--db', db, '--json', '--no-progress']);
  const exported = await runCli(['export', '--db', db]);
  const articles = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as Article);
  const byOrigin = new Map(articles.map((a) => [a.raw.origin, a.id] as const));
  idOf = (p) => byOrigin.get(join(corpusDir, p)) ?? `missing:${p}`;
  entries = await listStories();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caixun import clusters what it imported', () => {
  it('adds stories and derive-step objects to the summary and keeps the other fields', () => {
    expect(imported.status).toBe(0);
    const summary = JSON.parse(imported.stdout) as Record<string, unknown>;
    const files = [...corpusFiles('jekyll'), ...corpusFiles('hexo')].length;
    expect(summary).toMatchObject({ files, new: 82, unchanged: 0, duplicates: files - 82, failed: 0 });
    expect(Object.keys(summary)).toEqual(['files', 'new', 'updated', 'unchanged', 'duplicates', 'failed', 'failures', 'flagged', 'skipped', 'durationMs', 'stories', 'derived', 'seconds']);
    expect(summary.stories).toEqual({ clustered: 82, stories: entries.length });
    // Seconds per stage: the store, then each derive step in the order it ran.
    expect(Object.keys(summary.seconds as object)).toEqual(['store', ...Object.keys(summary.derived as object)]);
    // Every derive step ran over every new article (stories, then search and facts).
    const derived = summary.derived as Record<string, number>;
    expect(Object.keys(derived)[0]).toBe('stories');
    expect(derived['stories']).toBe(82);
  });
});

describe('caixun stories --json', () => {
  it('prints one object per story with exactly the documented fields', () => {
    expect(entries.length).toBe(61);
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(STORY_FIELDS);
      expect(e.id).toMatch(/^st-[0-9a-f]{12}$/);
      expect(e.articleIds).toContain(e.representativeId);
      expect(e.outlets.length).toBeGreaterThan(0);
    }
    const all = entries.flatMap((e) => e.articleIds);
    expect(new Set(all).size).toBe(82);
    expect(all).toHaveLength(82);
  });

  it('folds the labelled House debt-ceiling items (J2) into one story holding nothing else', () => {
    const j2 = readLabels().clusters.find((c) => c.id === 'J2');
    // jekyll/old_post/X is another stored version of jekyll/_posts/X: no article of its own
    const ids = (j2?.members ?? []).filter((p) => !p.startsWith('jekyll/old_post/')).map(idOf).sort();
    expect(ids).toHaveLength(3);
    expect([...(storyOf(ids[0] ?? '')?.articleIds ?? [])].sort()).toEqual(ids);
  });

  it('keeps the hard negative apart: same House, same day, a different bill (N-house-ndaa)', () => {
    const pair = readLabels().hardNegatives?.find((h) => h.id === 'N-house-ndaa')?.pairs[0] ?? [];
    const [a, b] = pair.map((p) => storyOf(idOf(p))?.id);
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a).not.toBe(b);
  });
});

describe('caixun story <id>', () => {
  it('shows every version with what it changed against the representative', async () => {
    const j5 = readLabels().clusters.find((c) => c.id === 'J5');
    const first = idOf(j5?.members[0] ?? '');
    const story = storyOf(first);
    const r = await runCli(['story', story?.id ?? '', '--db', db, '--json']);
    expect(r.status).toBe(0);
    const detail = JSON.parse(r.stdout) as {
      id: string;
      versions: { articleId: string; representative: boolean; lacks: unknown[]; adds: unknown[]; changed: { changes: { from: string; to: string }[] }[] }[];
    };
    expect(detail.id).toBe(story?.id);
    expect(detail.versions.map((v) => v.articleId)).toEqual(story?.articleIds);
    expect(detail.versions.filter((v) => v.representative).map((v) => v.articleId)).toEqual([story?.representativeId]);
    // the intraday updates differ from the first flash by the figure: 30 → 40 → 50 (亿元)
    const edits = detail.versions.flatMap((v) => v.changed.flatMap((c) => c.changes.map((x) => `${x.from}→${x.to}`)));
    expect(edits).toEqual(expect.arrayContaining(['达3→超4', '达3→超5']));
    const human = await runCli(['story', story?.id ?? '', '--db', db]);
    expect(human.stdout).toContain('达3 → 超4');
  });

  it('says so and exits 2 for an unknown story', async () => {
    const r = await runCli(['story', 'st-000000000000', '--db', db, '--json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no story "st-000000000000"/);
  });
});

describe('caixun recluster and re-import', () => {
  it('recluster rebuilds the same stories', async () => {
    const r = await runCli(['recluster', '--db', db, '--json', '--no-progress']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ clustered: 82, stories: 61 });
    const again = await listStories();
    expect(grouping(again)).toEqual(grouping(entries));
    expect(again).toEqual(entries);
  });

  it('re-importing clusters nothing new and duplicates no membership', async () => {
    const r = await runCli(['import', join(corpusDir, 'jekyll'), join(corpusDir, 'hexo'), '--db', db, '--json', '--no-progress']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { stories: unknown }).stories).toEqual({ clustered: 0, stories: 61 });
    expect(grouping(await listStories())).toEqual(grouping(entries));
    expect(await memberCounts(db)).toEqual({ n: 82, d: 82 });
  });
});

describe('caixun import --no-stories, then recluster', () => {
  it('leaves every derive step to recluster, which brings stories, search and facts up to date', async () => {
    const lateDb = await testDbSpec(dir, 'late.db');
    const first = await runCli(['import', join(corpusDir, 'jekyll'), join(corpusDir, 'hexo'), '--db', lateDb, '--json', '--no-progress', '--no-stories']);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).not.toHaveProperty('derived');
    const before = await runCli(['search', '股市', '--db', lateDb, '--json']);
    expect((JSON.parse(before.stdout) as { total: number }).total).toBe(0);

    const r = await runCli(['recluster', '--db', lateDb, '--json', '--no-progress']);
    expect(r.status).toBe(0);
    const counts = JSON.parse(r.stdout) as { clustered: number; stories: number; derived: Record<string, number> };
    expect(counts).toMatchObject({ clustered: 82, stories: 61 });
    expect(counts.derived).toEqual({ search: 82, facts: 82 });
    const inMain = JSON.parse(((await runCli(['search', '股市', '--db', db, '--json']))).stdout) as { total: number };
    const after = JSON.parse(((await runCli(['search', '股市', '--db', lateDb, '--json']))).stdout) as { total: number };
    expect(after.total).toBeGreaterThan(0);
    expect(after.total).toBe(inMain.total);
  });
});
