/**
 * bench pipeline [N]: what a user waits for. The corpus written as N and 10·N permuted documents
 * (bench/permuted-documents.ts), then, as whole CLI processes in one run:
 * `import --no-stories` (the store alone, the baseline), `recluster` on that archive, and a plain
 * `import` (store, stories, search, facts) into a fresh archive. Figures: articles/s per process,
 * seconds per stage of the plain import, peak RSS, and the per-article cost at N against 10·N.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../test/corpus.js';
import { writePermutedDocuments } from './permuted-documents.js';

const run = promisify(execFile);

interface Timed {
  seconds: number;
  peakRssMiB: number;
  /** The command's --json summary (its last line before the RSS line). */
  summary: Record<string, unknown>;
}

/** Runs `caixun ...args --json` in its own process, with its peak RSS from bench/rss-wrapper.mjs. */
async function timeCli(args: string[]): Promise<Timed> {
  const cli = join(projectRoot, 'dist', 'cli', 'main.js');
  const started = performance.now();
  const { stdout } = await run(
    process.execPath,
    [join(projectRoot, 'bench', 'rss-wrapper.mjs'), cli, ...args, '--json', '--no-progress'],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const seconds = (performance.now() - started) / 1000;
  const lines = stdout.trim().split('\n');
  const rss = JSON.parse(lines[lines.length - 1]!) as { maxRssBytes: number };
  const summary = JSON.parse(lines[lines.length - 2]!) as Record<string, unknown>;
  return { seconds, peakRssMiB: Math.round(rss.maxRssBytes / 2 ** 20), summary };
}

const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

async function measureAt(work: string, count: number): Promise<Record<string, unknown>> {
  const docs = join(work, `docs-${count}`);
  const made = writePermutedDocuments(docs, count);
  process.stderr.write(`bench pipeline: ${made.files} documents (${(made.bytes / 1e6).toFixed(0)} MB)\n`);
  const storeOnlyDb = join(work, `store-only-${count}.db`);
  const storeOnly = await timeCli(['import', docs, '--db', storeOnlyDb, '--no-stories']);
  process.stderr.write(`  import --no-stories: ${storeOnly.seconds.toFixed(1)} s\n`);
  const recluster = await timeCli(['recluster', '--db', storeOnlyDb]);
  process.stderr.write(`  recluster: ${recluster.seconds.toFixed(1)} s\n`);
  const full = await timeCli(['import', docs, '--db', join(work, `full-${count}.db`)]);
  process.stderr.write(`  import: ${full.seconds.toFixed(1)} s\n`);
  const articles = Number(full.summary['new'] ?? 0);
  const stories = (full.summary['stories'] as { stories?: number } | undefined)?.stories ?? null;
  const perSecond = (t: Timed): number => Math.round(articles / t.seconds);
  return {
    documents: made.files,
    articles,
    stories,
    importNoStoriesPerSecond: perSecond(storeOnly),
    reclusterPerSecond: perSecond(recluster),
    importPerSecond: perSecond(full),
    importSeconds: round(full.seconds),
    stageSeconds: full.summary['seconds'] ?? null,
    peakRssMiB: { importNoStories: storeOnly.peakRssMiB, recluster: recluster.peakRssMiB, import: full.peakRssMiB },
    msPerArticle: round((full.seconds * 1000) / Math.max(1, articles), 3),
  };
}

export async function benchPipeline(args: string[]): Promise<Record<string, unknown>> {
  const n = Number(args[0] ?? 2000);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench pipeline: N must be a positive whole number, got ${args[0]}`);
  const work = mkdtempSync(join(tmpdir(), 'caixun-pipeline-'));
  try {
    const atN = await measureAt(work, n);
    const at10N = await measureAt(work, 10 * n);
    return {
      bench: 'pipeline',
      atN,
      at10N,
      // 1.0 means a tenfold archive costs nothing more per article.
      costGrowthPerArticle: round(Number(at10N['msPerArticle']) / Number(atN['msPerArticle'])),
      targetImportPerSecond: 2000,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
