/**
 * The corpus imported by the real CLI into a temporary SQLite file, for the export tests; the
 * articles as `caixun export` prints them, and `exportTo()` running `caixun export-site`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportSiteSummary } from '../../src/export/export-site.js';
import type { Article } from '../../src/model/article.js';
import { corpusDir } from '../corpus.js';
import { runCli, type CliResult } from '../support/cli.js';

/** A temporary database holding the imported corpus. */
export interface ImportedDb {
  dir: string;
  db: string;
  articles: Article[];
  /** Run `caixun export-site <dir> --db <db> --json --no-progress …args`. */
  exportTo(target: string, ...args: string[]): Promise<CliResult & { summary?: ExportSiteSummary }>;
  cleanup(): void;
}

/** Read `caixun export` of a database. */
export async function exportedArticles(db: string): Promise<Article[]> {
  const r = await runCli(['export', '--db', db]);
  if (r.status !== 0) throw new Error(`caixun export failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Article);
}

/**
 * Import `paths` (default: the corpus's jekyll and hexo folders) into a fresh database: `dbSpec`
 * (an empty database's `--db` value, e.g. a PostgreSQL URL), else a SQLite file in the new directory.
 */
export async function importIntoTemp(paths: string[] = [join(corpusDir, 'jekyll'), join(corpusDir, 'hexo')], dbSpec?: string): Promise<ImportedDb> {
  const dir = mkdtempSync(join(tmpdir(), 'caixun-export-'));
  const db = dbSpec ?? join(dir, 'corpus.db');
  const r = await runCli(['import', ...paths, '--db', db, '--json', '--no-progress']);
  if (r.status !== 0) throw new Error(`caixun import failed (${r.status}): ${r.stderr}`);
  return {
    dir,
    db,
    articles: await exportedArticles(db),
    async exportTo(target, ...args) {
      const res = await runCli(['export-site', target, '--db', db, '--json', '--no-progress', ...args]);
      return res.status === 0 ? { ...res, summary: JSON.parse(res.stdout) as ExportSiteSummary } : res;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
