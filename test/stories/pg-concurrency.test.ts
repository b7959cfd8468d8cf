/**
 * Issue 8's proof that story clustering is safe with several workers: 4 real `caixun import`
 * processes start at once on one PostgreSQL database, each with an overlapping share of the
 * Jekyll and Hexo corpus (every document goes to 2 or 3 of them), so they insert articles of the
 * same stories, and often the same articles, at the same time. Afterwards there must be one
 * article per document, each in exactly one story, and the stories must be the ones a single
 * SQLite import of the same documents makes: no split story, no duplicate. A second test runs
 * 4 workers in this process on 6 permuted copies of the corpus, each storing small batches
 * interleaved in time and clustering after each, so late arrivals happen on every round.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { clusterPending } from '../../src/stories/cluster-store.js';
import { importedCorpus, permutedArticles } from '../support/permuted-corpus.js';
import { PgStore } from '../../src/store/postgres/pg-store.js';
import type { Store } from '../../src/store/store.js';
import { corpusDir, corpusFiles } from '../corpus.js';
import { runCli, startCli } from '../support/cli.js';
import { freshPgDatabase } from '../support/postgres.js';

const WORKERS = 4;
/** Interleaved test: copies of the corpus and articles per stored batch. */
const COPIES = 6;
const BATCH = 25;

/**
 * The corpus as documents: a Jekyll post and its earlier version in `old_post/` (same article,
 * two revisions) stay together, so every worker that has one imports both in the same order.
 */
function documents(): string[][] {
  const files = [...corpusFiles('jekyll'), ...corpusFiles('hexo')].map((f) => relative(corpusDir, f));
  const units = new Map<string, string[]>();
  for (const f of files) {
    const key = f.replace(/^jekyll\/(_posts|old_post)\//, 'jekyll/');
    units.set(key, [...(units.get(key) ?? []), f]);
  }
  return [...units.values()];
}

/** The workers a document goes to: 2 or 3 of the 4, rotating, so every pair of workers overlaps. */
function workersOf(i: number): number[] {
  const first = i % WORKERS;
  const shares = [first, (first + 1 + (Math.floor(i / WORKERS) % (WORKERS - 1))) % WORKERS];
  if (i % 3 === 0) shares.push([0, 1, 2, 3].find((w) => !shares.includes(w)) ?? first);
  return shares;
}

function copyInto(dir: string, files: readonly string[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(corpusDir, f), join(dir, f));
  }
}

function waitFor(child: ReturnType<typeof startCli>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Member sets of every story, each sorted, sorted by first member. */
async function partition(store: Store): Promise<string[][]> {
  const stories = await store.stories().listStories(1_000_000);
  return stories.map((s) => s.members.map((m) => m.id).sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

async function articleIds(store: Store): Promise<string[]> {
  const ids: string[] = [];
  for await (const a of store.iterateArticles()) ids.push(a.id);
  return ids.sort();
}

describe('4 worker processes importing overlapping documents into one PostgreSQL database', () => {
  let root: string;
  let url: string;
  let reference: { ids: string[]; partition: string[][] };
  let results: { code: number | null; stdout: string; stderr: string }[];
  let units: string[][];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'caixun-pg-concurrency-'));
    units = documents();
    const shares: string[][] = Array.from({ length: WORKERS }, () => []);
    units.forEach((files, i) => {
      for (const w of workersOf(i)) shares[w]!.push(...files);
    });
    shares.forEach((files, w) => copyInto(join(root, `worker-${w}`), files));
    copyInto(join(root, 'union'), units.flat());

    // The reference: one process, one SQLite file, every document once.
    const sqlitePath = join(root, 'reference.db');
    const single = await runCli(['import', '--db', sqlitePath, '--no-progress', '--json', join(root, 'union')]);
    expect(single.stderr).toBe('');
    expect(single.status).toBe(0);
    const sqlite = new SqliteStore(sqlitePath);
    reference = { ids: await articleIds(sqlite), partition: await partition(sqlite) };
    await sqlite.close();

    url = await freshPgDatabase('conc');
    // Started together: each worker migrates (once, under the migration lock), imports, clusters.
    const children = Array.from({ length: WORKERS }, (_, w) =>
      startCli(['import', '--db', url, '--no-progress', '--json', '--workers', '0', join(root, `worker-${w}`)]),
    );
    results = await Promise.all(children.map(waitFor));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('gives every document to 2 or 3 workers', () => {
    const counts = units.map((_, i) => new Set(workersOf(i)).size);
    expect(new Set(counts)).toEqual(new Set([2, 3]));
    expect(units.length).toBe(82);
  });

  it('runs every worker to success', () => {
    for (const r of results) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}')).toMatchObject({ failed: 0 });
    }
  });

  it('stores one article per document and puts every article in exactly one story, as SQLite does', async () => {
    const store = await PgStore.open(url);
    try {
      const ids = await articleIds(store);
      expect(ids).toHaveLength(82);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(reference.ids);
      const tables = store.stories();
      expect(await tables.countPending()).toBe(0);
      expect(await tables.countMembers()).toBe(82);
      const stories = await partition(store);
      // Each article is in exactly one story's members.
      expect(stories.flat().sort()).toEqual(ids);
      // Memberships agree with the story states.
      const { rows } = await store.pool.query<{ article_id: string; story_id: string }>(
        'SELECT article_id, story_id FROM story_members',
      );
      const states = await tables.listStories(1_000_000);
      const storyOf = new Map(states.flatMap((s) => s.members.map((m) => [m.id, s.id] as const)));
      for (const r of rows) expect(storyOf.get(r.article_id)).toBe(r.story_id);
      // No split story: the same partition as the single SQLite import.
      expect(stories).toEqual(reference.partition);
    } finally {
      await store.close();
    }
  });
});

describe('4 workers storing interleaved batches and clustering after each', () => {
  it('ends with the stories of clustering every article in publication order', async () => {
    const originals = await importedCorpus();
    const articles = permutedArticles(originals, COPIES * originals.length);
    articles.sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || (a.id < b.id ? -1 : 1));

    const reference = new SqliteStore(':memory:');
    await reference.upsertArticles(articles);
    await clusterPending(reference, { workers: 0 });
    const expected = await partition(reference);
    await reference.close();

    const url = await freshPgDatabase('inter');
    const stores = await Promise.all(Array.from({ length: WORKERS }, () => PgStore.open(url)));
    try {
      await Promise.all(
        stores.map(async (store, w) => {
          // Worker w takes every 4th article, BATCH at a time: each batch spans 4 × BATCH articles
          // in time, so every worker stores articles older than others already clustered.
          const shard = articles.filter((_, i) => i % WORKERS === w);
          for (let i = 0; i < shard.length; i += BATCH) {
            await store.upsertArticles(shard.slice(i, i + BATCH));
            await clusterPending(store, { workers: 0 });
          }
        }),
      );
      expect(await stores[0]!.stories().countMembers()).toBe(articles.length);
      expect(await partition(stores[0]!)).toEqual(expected);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
