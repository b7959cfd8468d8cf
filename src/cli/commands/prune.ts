/**
 * `caixun prune [--raw-older-than 90d] [--articles-older-than 2y] [--dry-run] [--json]`: drop raw
 * inputs and delete old articles (see src/retention/prune-archive.ts). Progress on stderr; the
 * summary on stdout, one JSON object with --json.
 */
import { openStore } from '../../store/open-store.js';
import {
  type ArticlePruneResult,
  parseAge,
  type PruneProgress,
  pruneArticles,
  pruneRawInputs,
  type RawPruneResult,
} from '../../retention/prune-archive.js';
import { UsageError } from '../../util/errors.js';
import { EXIT } from '../exit.js';
import { createProgress, type ProgressReporter } from '../progress.js';

export interface PruneCommandOptions {
  db: string;
  rawOlderThan?: string;
  articlesOlderThan?: string;
  dryRun?: boolean;
  json?: boolean;
  progress?: boolean;
}

const LABELS: Record<PruneProgress['step'], [label: string, unit: string]> = {
  raw: ['dropping raw inputs', 'articles'],
  articles: ['deleting articles', 'articles'],
  stories: ['clustering again', 'articles'],
};

function summaryLine(raw: RawPruneResult | undefined, articles: ArticlePruneResult | undefined, dryRun: boolean): string {
  const parts: string[] = [];
  const verb = (done: string, would: string): string => (dryRun ? would : done);
  if (raw !== undefined) {
    parts.push(
      `${verb('dropped', 'would drop')} the raw input of ${raw.rawDropped} articles stored before ${raw.before}` +
        ` and of ${raw.revisionRawDropped} earlier versions`,
    );
  }
  if (articles !== undefined) {
    let line = `${verb('deleted', 'would delete')} ${articles.articlesDeleted} articles published before ${articles.before}`;
    if (!dryRun) line += ` (${articles.storiesDissolved} stories dissolved, ${articles.reclustered} articles clustered again)`;
    parts.push(line);
  }
  return `${parts.join('; ')}\n`;
}

export async function runPruneCommand(options: PruneCommandOptions): Promise<number> {
  // Every option is checked before the database is opened.
  const rawAge = options.rawOlderThan === undefined ? undefined : parseAge('--raw-older-than', options.rawOlderThan);
  const articleAge = options.articlesOlderThan === undefined ? undefined : parseAge('--articles-older-than', options.articlesOlderThan);
  if (rawAge === undefined && articleAge === undefined) {
    throw new UsageError('prune: say what to prune: --raw-older-than AGE and/or --articles-older-than AGE (e.g. 90d, 2y)');
  }
  const dryRun = options.dryRun === true;
  const store = await openStore(options.db, { mustExist: true });
  const bars = new Map<PruneProgress['step'], ProgressReporter>();
  const onProgress = (p: PruneProgress): void => {
    let bar = bars.get(p.step);
    if (bar === undefined) {
      const [label, unit] = LABELS[p.step];
      bar = createProgress(label, options.progress !== false, unit);
      bars.set(p.step, bar);
    }
    bar.update(p.done, p.total);
  };
  try {
    const now = new Date();
    // Articles first: their raw inputs go with them and are not counted twice.
    const articles = articleAge === undefined ? undefined : await pruneArticles(store, articleAge, now, { dryRun, onProgress });
    const raw = rawAge === undefined ? undefined : await pruneRawInputs(store, rawAge, now, { dryRun, onProgress });
    for (const bar of bars.values()) bar.stop();
    process.stdout.write(
      options.json
        ? `${JSON.stringify({ dryRun, ...(raw === undefined ? {} : { raw }), ...(articles === undefined ? {} : { articles }) })}\n`
        : summaryLine(raw, articles, dryRun),
    );
    return EXIT.ok;
  } finally {
    for (const bar of bars.values()) bar.stop();
    await store.close();
  }
}
