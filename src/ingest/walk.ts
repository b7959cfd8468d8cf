/** Finds the documents to import below the paths a user names. */
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';

/** Extensions picked up when walking a folder (`.pdf` pages included). A file named explicitly is always taken. */
export const ARCHIVE_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.html', '.htm', '.txt', '.pdf']);

/** Folders never walked into: VCS data, dependencies, build output of static-site generators. */
const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '_site', 'public', '.git']);

/**
 * Expands files and folders into a sorted, de-duplicated list of absolute file paths.
 * Throws UsageError for a path that does not exist.
 */
export function collectDocumentPaths(paths: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(p);
      } else if (entry.isFile() && ARCHIVE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        found.add(p);
      }
    }
  };
  for (const given of paths) {
    const abs = resolve(given);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      throw new UsageError(`import: no such file or folder: ${given}`);
    }
    if (isDir) walk(abs);
    else found.add(abs);
  }
  return [...found].sort();
}
