/**
 * The labelled story corpus through the REAL importer: the corpus's jekyll and hexo folders go
 * through `importPaths` into a fresh store of the suite's backend (a temporary SQLite file, or a
 * PostgreSQL database with CAIXUN_TEST_BACKEND=postgres), and every labelled path (relative to the
 * corpus root) is mapped to the article it became.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPaths, type ImportSummary } from '../../src/ingest/import-job.js';
import { processPath } from '../../src/ingest/process-document.js';
import type { Article } from '../../src/model/article.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { testDbSpec } from '../support/backends.js';
import { corpusDir } from '../corpus.js';

/** The corpus folders the labels point into. */
export const STORY_CORPUS_FOLDERS = ['jekyll', 'hexo'] as const;

/** The imported corpus; `close()` closes the store and deletes its temporary directory. */
export interface ImportedCorpus {
  store: Store;
  summary: ImportSummary;
  /** Every stored article. */
  articles: Article[];
  /** Article id of a labelled path (relative to the corpus root). */
  articleIdOf(relativePath: string): string;
  /** How the paths were mapped: by `raw.origin`, or (a second stored version of one document) by its id. */
  mapped: { byOrigin: number; bySameDocument: number };
  close(): Promise<void>;
}

/**
 * Import the corpus (`folders`, default the story folders) with the real importer and map `paths` (relative to the corpus root) to
 * article ids. A path is found through `article.raw.origin`; a file that is another stored
 * version of an article imported from a different path (jekyll/old_post/X beside
 * jekyll/_posts/X: same infoCode) has no article of its own, so the real pipeline is asked
 * which article id that file becomes.
 */
export async function importCorpus(paths: readonly string[], folders: readonly string[] = STORY_CORPUS_FOLDERS): Promise<ImportedCorpus> {
  const dir = mkdtempSync(join(tmpdir(), 'caixun-stories-'));
  const store = await openStore(await testDbSpec(dir, 'corpus.db'));
  const summary = await importPaths(folders.map((f) => join(corpusDir, f)), store, { workers: 0 });
  const articles: Article[] = [];
  for await (const a of store.iterateArticles()) articles.push(a);
  const byOrigin = new Map(articles.map((a) => [a.raw.origin, a.id] as const));
  const ids = new Map<string, string>();
  const mapped = { byOrigin: 0, bySameDocument: 0 };
  for (const p of paths) {
    const absolute = join(corpusDir, p);
    const direct = byOrigin.get(absolute);
    if (direct !== undefined) {
      ids.set(p, direct);
      mapped.byOrigin++;
      continue;
    }
    const result = await processPath(absolute, new Date().toISOString());
    const id = result.ok ? result.articles[0]?.id : undefined;
    if (id === undefined || !articles.some((a) => a.id === id)) {
      throw new Error(`load-corpus: ${p} was not imported as any stored article`);
    }
    ids.set(p, id);
    mapped.bySameDocument++;
  }
  return {
    store,
    summary,
    articles,
    mapped,
    articleIdOf(relativePath) {
      const id = ids.get(relativePath);
      if (id === undefined) throw new Error(`load-corpus: ${relativePath} was not mapped`);
      return id;
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
