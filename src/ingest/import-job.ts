/**
 * The import job: documents → articles → store, in batches of one transaction each.
 * A bad document is reported and skipped; a store failure stops the job (nothing of
 * the failed batch is written, earlier batches stay).
 */
import type { Article, ArticleFlag } from '../model/article.js';
import type { ArticleStore, UpsertOutcome } from '../store/store.js';
import { collectDocuments } from './walk.js';
import { processFiles } from './worker-pool.js';

export interface ImportOptions {
  /** Articles per transaction. Default 500. */
  batchSize?: number;
  /** Worker threads (see processFiles). */
  workers?: number;
  /** Fetch time stamped on new articles. Default: now. */
  fetchedAt?: string;
  /** Called after each document (file) with the running counts. */
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  done: number;
  total: number;
  file: string;
}

/** `caixun import --json` prints this object: its field names are an interface. */
export interface ImportSummary {
  /** Documents found; one document (a newspaper page) may give several articles. */
  files: number;
  /** Articles (not files) by store outcome. */
  new: number;
  updated: number;
  unchanged: number;
  /** Articles met again in this same input (the same document twice), stored once. */
  duplicates: number;
  failed: number;
  /** One entry per file that could not be imported. */
  failures: { file: string; reason: string }[];
  /** Articles imported with problems worth a look (recovered front matter, missing title, bad date…). */
  flagged: { file: string; articleId: string; flags: ArticleFlag[] }[];
  /** Folder entries passed over: a broken symlink, a folder reached again through a symlink (loop). */
  skipped: { path: string; reason: string }[];
  durationMs: number;
}

/**
 * Imports every document below `paths` into the store: each file gives its articles (several for
 * a newspaper page) or one failure; articles are written in input order, in batches.
 */
export async function importPaths(
  paths: readonly string[],
  store: ArticleStore,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const { files, skipped } = collectDocuments(paths);
  const summary: ImportSummary = {
    files: files.length,
    new: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    failed: 0,
    failures: [],
    flagged: [],
    skipped,
    durationMs: 0,
  };
  const batchSize = options.batchSize ?? 500;
  let batch: Article[] = [];
  // Ids met earlier in this input: meeting one again unchanged is a duplicate, not an old article.
  const seen = new Set<string>();
  let repeated: boolean[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const outcomes: UpsertOutcome[] = await store.upsertArticles(batch);
    outcomes.forEach((o, i) => (o === 'unchanged' && repeated[i] ? summary.duplicates++ : summary[o]++));
    batch = [];
    repeated = [];
  };

  let done = 0;
  for await (const [file, result] of processFiles(files, {
    fetchedAt: options.fetchedAt ?? new Date().toISOString(),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
  })) {
    if (result.ok) {
      for (const article of result.articles) {
        batch.push(article);
        repeated.push(seen.has(article.id));
        seen.add(article.id);
        if (article.flags.length > 0) summary.flagged.push({ file, articleId: article.id, flags: article.flags });
        if (batch.length >= batchSize) await flush();
      }
    } else {
      summary.failed++;
      summary.failures.push({ file, reason: result.reason });
    }
    options.onProgress?.({ done: ++done, total: files.length, file });
  }
  await flush();
  summary.durationMs = Math.round(performance.now() - started);
  return summary;
}
