/**
 * `caixun import` processes on one database at once (issue 13): each waits its turn for writes
 * and for clustering, all exit 0, and the store ends as a sequential import leaves it:
 * the same articles, every one in a story, the same stories under the same ids. On the suite's
 * backend (a SQLite file, or a PostgreSQL database with CAIXUN_TEST_BACKEND=postgres).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoryListEntry } from '../../src/cli/commands/stories.js';
import { corpusDir } from '../corpus.js';
import { testDbSpec } from '../support/backends.js';
import { runCli } from '../support/cli.js';

const FOLDERS = ['jekyll', 'hexo'].map((f) => join(corpusDir, f));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-concurrent-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importFolder(folder: string, db: string): Promise<void> {
  const r = await runCli(['import', folder, '--db', db, '--json', '--no-progress']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

/** Every stored article id, and each story as `id: sorted member ids`. */
async function readState(db: string): Promise<{ articles: string[]; stories: string[] }> {
  const exported = await runCli(['export', '--db', db]);
  expect(exported.status).toBe(0);
  const articles = exported.stdout
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { id: string }).id)
    .sort();
  const listed = await runCli(['stories', '--db', db, '--json', '--limit', '1000']);
  expect(listed.status).toBe(0);
  const stories = listed.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as StoryListEntry)
    .map((s) => `${s.id}: ${[...s.articleIds].sort().join(' ')}`)
    .sort();
  return { articles, stories };
}

it('imports into one database at once end as a sequential import, every article in a story', async () => {
  const sequential = await testDbSpec(dir, 'sequential.db');
  for (const folder of FOLDERS) await importFolder(folder, sequential);
  const concurrent = await testDbSpec(dir, 'concurrent.db');
  // Each folder twice: four writers, so their writes and clustering runs surely overlap.
  await Promise.all([...FOLDERS, ...FOLDERS].map((folder) => importFolder(folder, concurrent)));

  const expected = await readState(sequential);
  const got = await readState(concurrent);
  expect(got.articles.length).toBeGreaterThan(50);
  expect(got.articles).toEqual(expected.articles);
  const clustered = got.stories.flatMap((s) => s.split(': ')[1]!.split(' ')).sort();
  expect(clustered).toEqual(got.articles);
  expect(got.stories).toEqual(expected.stories);
  // Ten CLI runs; generous for a loaded 2-core machine (nothing here is timed).
});
