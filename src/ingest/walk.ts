/** Finds the documents to import below the paths a user names. */
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';

/** Extensions picked up when walking a folder (`.pdf` pages included). A file named explicitly is always taken. */
export const ARCHIVE_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown', '.html', '.htm', '.txt', '.pdf']);

/** Folders never walked into: VCS data, dependencies, build output of static-site generators. */
const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '_site', 'public', '.git']);

/** Documents found, and the entries passed over with the reason (broken symlink, loop…). */
export interface CollectedPaths {
  files: string[];
  skipped: { path: string; reason: string }[];
}

function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/**
 * Expands files and folders into a sorted, de-duplicated list of absolute file paths. Symlinks
 * are followed; a folder reached again (a loop, or a second link to it) is walked once, and a
 * broken link is reported in `skipped`. Iterative: no folder depth overflows the stack.
 * Throws UsageError for a path that does not exist.
 */
export function collectDocuments(paths: readonly string[]): CollectedPaths {
  const found = new Set<string>();
  const skipped: CollectedPaths['skipped'] = [];
  const walkedDirs = new Set<string>();
  const pending: string[] = [];
  const enqueueDir = (dir: string): void => {
    const real = realpathSync(dir);
    if (walkedDirs.has(real)) {
      skipped.push({ path: dir, reason: `folder already walked (${real}): a symlink loop or a second link` });
      return;
    }
    walkedDirs.add(real);
    pending.push(dir);
  };
  for (const given of paths) {
    const abs = resolve(given);
    const stats = statOrNull(abs);
    if (stats === null) throw new UsageError(`import: no such file or folder: ${given}`);
    if (stats.isDirectory()) enqueueDir(abs);
    else found.add(abs);
  }
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const p = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = statOrNull(p);
        if (target === null) {
          skipped.push({ path: p, reason: 'broken symlink (its target does not exist)' });
          continue;
        }
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) {
        if (!SKIPPED_DIRS.has(entry.name)) enqueueDir(p);
      } else if (isFile && ARCHIVE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        found.add(p);
      }
    }
  }
  return { files: [...found].sort(), skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}
