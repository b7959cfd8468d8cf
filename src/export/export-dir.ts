/**
 * export-dir: the directory an export writes into. It must be missing, empty, or a previous
 * caixun export (it holds the manifest, written first); anything else needs `force`. Files are written through
 * {@link ExportDir}, which records them; `finish()` writes the manifest and removes only files a
 * previous export wrote in the sections written again that this export did not write (never a
 * file caixun did not write).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { UsageError } from '../util/errors.js';

/** The manifest file of an export. */
export const MANIFEST_NAME = '.caixun-export.json';

/** The parts of an export, each written or skipped as a whole (`--only`). */
export type ExportSection = 'site' | 'jekyll' | 'hexo';

/** The manifest: which files caixun wrote. */
export interface ExportManifest {
  tool: 'caixun';
  version: 1;
  /** ISO time of the export. */
  exportedAt: string;
  /** Written files, relative, `/`-separated, sorted. */
  files: string[];
}

/** The section a written file belongs to. */
export function sectionOf(path: string): ExportSection {
  if (path.startsWith('jekyll/')) return 'jekyll';
  if (path.startsWith('hexo/')) return 'hexo';
  return 'site';
}

function readManifest(dir: string): ExportManifest | undefined {
  const file = join(dir, MANIFEST_NAME);
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<ExportManifest>;
    if (data.tool === 'caixun' && Array.isArray(data.files)) {
      return { tool: 'caixun', version: 1, exportedAt: String(data.exportedAt ?? ''), files: data.files.filter((f) => typeof f === 'string') };
    }
  } catch {
    // an unreadable manifest is treated as absent: the directory is then a user's directory
  }
  return undefined;
}

/** A directory being exported into. */
export class ExportDir {
  /** Absolute path. */
  readonly root: string;
  readonly #previous: ExportManifest | undefined;
  readonly #written = new Set<string>();
  readonly #dirs = new Set<string>();
  #bytes = 0;

  private constructor(root: string, previous: ExportManifest | undefined) {
    this.root = root;
    this.#previous = previous;
  }

  /**
   * Open `dir` for an export.
   * @throws UsageError when it is a file, or a non-empty directory that is not a previous export
   *   and `force` is false.
   */
  static open(dir: string, options: { force?: boolean } = {}): ExportDir {
    const root = resolve(dir);
    if (existsSync(root)) {
      if (!statSync(root).isDirectory()) throw new UsageError(`export-site: ${dir} is a file, not a directory`);
      const previous = readManifest(root);
      if (previous === undefined && readdirSync(root).length > 0 && options.force !== true) {
        throw new UsageError(
          `export-site: ${dir} is not empty and holds no earlier caixun export; choose an empty directory or pass --force (files caixun does not write are left alone)`,
        );
      }
      return new ExportDir(root, previous).#claim();
    }
    mkdirSync(root, { recursive: true });
    return new ExportDir(root, undefined).#claim();
  }

  /**
   * Write the manifest before any other file (the previous list, or an empty one), so that an
   * export interrupted half-way leaves a directory the next run recognises as its own.
   */
  #claim(): this {
    const manifest: ExportManifest = this.#previous ?? { tool: 'caixun', version: 1, exportedAt: '', files: [] };
    writeFileSync(join(this.root, MANIFEST_NAME), `${JSON.stringify(manifest, null, 1)}\n`);
    return this;
  }

  /** Whether the directory held an earlier export. */
  get isPreviousExport(): boolean {
    return this.#previous !== undefined;
  }

  /** Bytes written so far. */
  get bytesWritten(): number {
    return this.#bytes;
  }

  /** Write one file (relative, `/`-separated); parent folders are created. */
  write(path: string, content: string): void {
    if (path.startsWith('/') || path.split('/').some((p) => p === '..' || p === '')) {
      throw new Error(`export: bad output path ${JSON.stringify(path)}`);
    }
    const full = join(this.root, ...path.split('/'));
    const parent = dirname(full);
    if (!this.#dirs.has(parent)) {
      mkdirSync(parent, { recursive: true });
      this.#dirs.add(parent);
    }
    writeFileSync(full, content);
    this.#written.add(path);
    this.#bytes += Buffer.byteLength(content);
  }

  /**
   * Write the manifest and remove the files the previous export wrote in `sections` that were not
   * written again (a story or article that no longer exists). Returns the removed paths.
   */
  finish(sections: readonly ExportSection[]): string[] {
    const removed: string[] = [];
    const kept: string[] = [];
    for (const path of this.#previous?.files ?? []) {
      if (this.#written.has(path)) continue;
      if (!sections.includes(sectionOf(path))) {
        kept.push(path);
        continue;
      }
      const full = resolve(this.root, ...path.split('/'));
      if (!full.startsWith(this.root + sep)) continue;
      if (existsSync(full) && statSync(full).isFile()) {
        rmSync(full);
        removed.push(path);
      }
    }
    const manifest: ExportManifest = {
      tool: 'caixun',
      version: 1,
      exportedAt: new Date().toISOString(),
      files: [...kept, ...this.#written].sort(),
    };
    writeFileSync(join(this.root, MANIFEST_NAME), `${JSON.stringify(manifest, null, 1)}\n`);
    return removed.sort();
  }
}
