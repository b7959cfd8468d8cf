/**
 * A real archive for the web tests: the corpus through the real importer into a fresh store of the
 * suite's backend (a temporary SQLite file, or a PostgreSQL database with CAIXUN_TEST_BACKEND=postgres), plus our own fixture articles (related pair, XSS corpus) stored through the store, every
 * derive step run (stories, search), and the real server on a loopback port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { derivePending } from '../../../src/derive/derive-pending.js';
import { importPaths } from '../../../src/ingest/import-job.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/store.js';
import { testDbSpec } from '../../support/backends.js';
import type { StoryDetail, StoryListEntry } from '../../../src/stories/story-view.js';
import { startServer } from '../../../src/web/server.js';
import { corpusDir } from '../../corpus.js';
import { relatedPair, reprint, xssArticles } from '../testdata/fixture-articles.js';

/** The running fixture. */
export interface WebFixture {
  store: Store;
  url: string;
  /** The store's `--db` value: a file path (SQLite) or a database URL (PostgreSQL). */
  db: string;
  /** GET `path` as JSON (asserts nothing). */
  getJson<T>(path: string): Promise<{ status: number; body: T; headers: Headers }>;
  /** Every story through the API (all pages). */
  allStories(): Promise<StoryListEntry[]>;
  /** A story's detail through the API. */
  story(id: string): Promise<StoryDetail>;
  close(): Promise<void>;
}

/** Builds the archive and starts the server (page cache off, so every request renders). */
export async function startWebFixture(options: { withFixtures?: boolean } = {}): Promise<WebFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'caixun-web-'));
  const db = await testDbSpec(dir, 'web.db');
  const store = await openStore(db);
  await importPaths([join(corpusDir, 'jekyll'), join(corpusDir, 'hexo')], store, { workers: 0 });
  if (options.withFixtures !== false) await store.upsertArticles([...relatedPair, reprint, ...xssArticles]);
  await derivePending(store);
  const server = await startServer({ store, port: 0, pageCacheMs: 0 });
  const getJson = async <T>(path: string): Promise<{ status: number; body: T; headers: Headers }> => {
    const res = await fetch(`${server.url}${path}`);
    return { status: res.status, body: (await res.json()) as T, headers: res.headers };
  };
  return {
    store,
    url: server.url,
    db,
    getJson,
    async allStories() {
      const out: StoryListEntry[] = [];
      let after = '';
      for (;;) {
        const r = await getJson<{ stories: StoryListEntry[]; nextCursor: string | null }>(`/api/stories?limit=100${after ? `&after=${after}` : ''}`);
        out.push(...r.body.stories);
        if (r.body.nextCursor === null) return out;
        after = r.body.nextCursor;
      }
    },
    async story(id) {
      return (await getJson<StoryDetail>(`/api/stories/${encodeURIComponent(id)}`)).body;
    },
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
