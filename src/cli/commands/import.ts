/** `caixun import <path…>`: archives → articles in the store. */
import { importPaths, type ImportSummary } from '../../ingest/import-job.js';
import { openStore } from '../../store/open-store.js';
import { derivePending } from '../../derive/derive-pending.js';
import { EXIT } from '../exit.js';
import { createProgress } from '../progress.js';

export interface ImportCommandOptions {
  db: string;
  json?: boolean;
  progress?: boolean;
  workers?: number;
  /** Fold the imported articles into stories afterwards. Default true. */
  stories?: boolean;
}

function formatSummary(s: ImportSummary): string {
  const lines = [
    `imported ${s.files} files in ${(s.durationMs / 1000).toFixed(1)} s: ` +
      `${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed` +
      (s.duplicates > 0 ? `; ${s.duplicates} duplicates in the input (stored once)` : ''),
  ];
  if (s.flagged.length > 0) {
    lines.push(`${s.flagged.length} imported with problems:`);
    for (const f of s.flagged) {
      lines.push(`  ${f.file}: ${f.flags.map((x) => `${x.code} (${x.message})`).join('; ')}`);
    }
  }
  if (s.skipped.length > 0) {
    lines.push(`${s.skipped.length} skipped:`);
    for (const f of s.skipped) lines.push(`  ${f.path}: ${f.reason}`);
  }
  if (s.failures.length > 0) {
    lines.push(`${s.failures.length} failed:`);
    for (const f of s.failures) lines.push(`  ${f.file}: ${f.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

function roundSeconds(ms: number): number {
  return Number((ms / 1000).toFixed(3));
}

/** `search 82, facts 82`: what the derive steps after stories processed. */
function formatDerived(derived: Record<string, number>): string {
  const rest = Object.entries(derived).filter(([step]) => step !== 'stories');
  return rest.length === 0 ? '' : `also brought up to date: ${rest.map(([step, n]) => `${step} ${n}`).join(', ')}`;
}

export async function runImportCommand(paths: string[], options: ImportCommandOptions): Promise<number> {
  const store = await openStore(options.db);
  const progress = createProgress('importing', options.progress !== false);
  try {
    const started = performance.now();
    const summary = await importPaths(paths, store, {
      onProgress: (p) => progress.update(p.done, p.total),
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
    });
    progress.stop();
    // Seconds per stage, in --json only: `store` (read, clean, write) then each derive step (the
    // steps beside the others overlap them).
    const seconds: Record<string, number> = { store: roundSeconds(performance.now() - started) };
    if (options.stories === false) {
      process.stdout.write(options.json ? `${JSON.stringify({ ...summary, seconds })}\n` : formatSummary(summary));
    } else {
      // Fold what was just written into stories and the later stages (resumes any earlier
      // interrupted run too).
      const deriving = createProgress('deriving', options.progress !== false, 'articles');
      // Steps run side by side (facts beside stories and search): one bar for all of them.
      const stepProgress = new Map<string, { done: number; total: number }>();
      const stepSeconds = new Map<string, number>();
      const derived = await derivePending(store, {
        onProgress: (p) => {
          stepProgress.set(p.step, p);
          let done = 0;
          let total = 0;
          for (const s of stepProgress.values()) {
            done += s.done;
            total += s.total;
          }
          deriving.update(done, total);
        },
        onStepDone: (step, _count, s) => stepSeconds.set(step, Number(s.toFixed(3))),
      });
      deriving.stop();
      for (const step of Object.keys(derived)) seconds[step] = stepSeconds.get(step) ?? 0;
      const clustered = derived['stories'] ?? 0;
      const stories = await store.stories().countStories();
      const result = { ...summary, stories: { clustered, stories }, derived, seconds };
      process.stdout.write(
        options.json
          ? `${JSON.stringify(result)}\n`
          : `${formatSummary(summary)}clustered ${clustered} articles; ${stories} stories in the store\n` +
            `${formatDerived(derived)}\n`,
      );
    }
    return summary.failed > 0 ? EXIT.partial : EXIT.ok;
  } finally {
    progress.stop();
    await store.close();
  }
}
