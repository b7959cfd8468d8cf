/**
 * bench import: articles/s and peak RSS of `caixun import` on the corpus replicated to
 * ≥ 100,000 documents, next to the floor of merely reading and SHA-1-hashing the bytes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../test/corpus.js';
import { replicateCorpus } from '../test/support/replicate-corpus.js';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

export async function benchImport(args: string[]): Promise<Record<string, unknown>> {
  const count = Number(args[0] ?? 100_000);
  const work = mkdtempSync(join(tmpdir(), 'caixun-bench-'));
  try {
    const docs = join(work, 'docs');
    const made = replicateCorpus(docs, count);
    process.stderr.write(`bench import: wrote ${made.files} documents (${(made.bytes / 1e6).toFixed(0)} MB)\n`);

    // Floor: read every file and SHA-1 it, in this process, after the files are in the page cache.
    const files = listFiles(docs);
    const t0 = performance.now();
    for (const f of files) createHash('sha1').update(readFileSync(f)).digest('hex');
    const hashSeconds = (performance.now() - t0) / 1000;

    // The real CLI in a child process, so its peak RSS is its own.
    const db = join(work, 'bench.db');
    const cli = join(projectRoot, 'dist', 'cli', 'main.js');
    const t1 = performance.now();
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', join(projectRoot, 'bench', 'rss-wrapper.mjs'), cli, 'import', docs, '--db', db, '--json', '--no-progress', '--no-stories'],
      { encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    const importSeconds = (performance.now() - t1) / 1000;
    const lines = out.trim().split('\n');
    const summary = JSON.parse(lines[lines.length - 2]!) as { new: number; failed: number };
    const rss = JSON.parse(lines[lines.length - 1]!) as { maxRssBytes: number };
    return {
      bench: 'import',
      documents: files.length,
      megabytes: Math.round(made.bytes / 1e6),
      imported: summary.new,
      failed: summary.failed,
      importSeconds: Number(importSeconds.toFixed(2)),
      articlesPerSecond: Math.round(files.length / importSeconds),
      peakRssMiB: Math.round(rss.maxRssBytes / 2 ** 20),
      hashFloorSeconds: Number(hashSeconds.toFixed(2)),
      hashFloorDocsPerSecond: Math.round(files.length / hashSeconds),
      targetArticlesPerSecond: 2000,
      targetPeakRssMiB: 1024,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
