/**
 * `caixun export-site <dir>`: the archive as a static site (works from `file://`) plus Jekyll and
 * Hexo posts. Refuses a non-empty directory that is not an earlier export unless `--force`.
 */
import { exportSite, type ExportSiteSummary } from '../../export/export-site.js';
import type { ExportSection } from '../../export/export-dir.js';
import { openStoreForReading } from '../../store/open-for-reading.js';
import { UsageError } from '../../util/errors.js';
import { EXIT } from '../exit.js';
import { writeLine } from '../output.js';
import { createProgress } from '../progress.js';

/** Values of `--only`. */
export const EXPORT_SECTIONS: readonly ExportSection[] = ['site', 'jekyll', 'hexo'];

/** Options of `caixun export-site`. */
export interface ExportSiteCommandOptions {
  db: string;
  /** Comma-separated {@link EXPORT_SECTIONS}; default all. */
  only?: string | undefined;
  force?: boolean;
  json?: boolean;
  progress?: boolean;
}

function formatSummary(s: ExportSiteSummary): string {
  const parts = [];
  if (s.sections.includes('site')) parts.push(`${s.pages} pages (search index ${(s.searchIndexBytes / 1024).toFixed(0)} KiB)`);
  if (s.sections.includes('jekyll')) parts.push(`${s.jekyllPosts} Jekyll posts`);
  if (s.sections.includes('hexo')) parts.push(`${s.hexoPosts} Hexo posts`);
  const removed = s.removed > 0 ? `; removed ${s.removed} files of the earlier export that are gone from the archive` : '';
  return `exported ${s.articles} articles and ${s.stories} stories to ${s.dir} in ${(s.durationMs / 1000).toFixed(1)} s: ${parts.join(', ')}${removed}`;
}

/** Run the export and print its summary. */
export async function runExportSiteCommand(dir: string, options: ExportSiteCommandOptions): Promise<number> {
  const only = (options.only ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
  const unknown = only.filter((v) => !(EXPORT_SECTIONS as readonly string[]).includes(v));
  if (unknown.length > 0) {
    throw new UsageError(`export-site: unknown --only ${JSON.stringify(unknown[0])} (known: ${EXPORT_SECTIONS.join(', ')})`);
  }
  const store = await openStoreForReading(options.db);
  const progress = createProgress('exporting', options.progress !== false, 'items');
  try {
    const summary = await exportSite(store, {
      dir,
      sections: only as ExportSection[],
      force: options.force === true,
      onProgress: progress.update,
    });
    progress.stop();
    await writeLine(options.json ? JSON.stringify(summary) : formatSummary(summary));
    const pending = await store.stories().countPending();
    if (pending > 0) {
      process.stderr.write(`export-site: ${pending} articles are not in any story yet (home page and story pages leave them out); run \`caixun recluster\` and export again\n`);
    }
    return EXIT.ok;
  } finally {
    progress.stop();
    await store.close();
  }
}
