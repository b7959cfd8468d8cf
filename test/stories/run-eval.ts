/**
 * The labelled story evaluation, end to end: the corpus goes through the real importer into a
 * temporary SQLite file, `clusterPending` folds it into stories in the store, and the stored
 * assignment of every labelled file is scored against labels.json. Shared by the corpus test
 * and `npm run eval -- stories`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { corpusDir, corpusFiles } from '../corpus.js';
import { clusterPending, type ClusterCounts } from '../../src/stories/cluster-store.js';
import { evaluateClustering, type ClusteringReport, type GoldStories } from '../../src/stories/eval-stories.js';
import { importCorpus, type ImportedCorpus } from './load-corpus.js';

/** Expands a label path ending in `*` to the one corpus file whose path starts with it. */
function resolveLabelPath(path: string): string {
  if (!path.endsWith('*')) return path;
  const prefix = path.slice(0, -1);
  const matches = corpusFiles('').map((f) => relative(corpusDir, f)).filter((f) => f.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`labels: ${path} matches ${matches.length} corpus files, not 1`);
  return matches[0]!;
}

/** The labels file, with `*` paths resolved. */
export function readLabels(): GoldStories {
  const raw = JSON.parse(readFileSync(new URL('labels.json', import.meta.url), 'utf8')) as GoldStories;
  return {
    ...raw,
    articles: raw.articles.map(resolveLabelPath),
    clusters: raw.clusters.map((c) => ({ ...c, members: c.members.map(resolveLabelPath) })),
  };
}

/** Result of {@link runStoryEval}. */
export interface StoryEvalResult {
  report: ClusteringReport;
  /** Story id of every labelled path (relative to the corpus root). */
  predicted: Map<string, string>;
  /** What clustering did. */
  counts: ClusterCounts;
  /** Articles the importer stored, files it read and failed. */
  imported: { files: number; articles: number; failed: number };
  /** How labelled paths were mapped to articles (see load-corpus.ts). */
  mapped: ImportedCorpus['mapped'];
  /** Title of each labelled path's article, for error listings. */
  titles: Map<string, string>;
  /** Milliseconds spent importing and clustering. */
  timings: { importMs: number; clusterMs: number };
}

/** Import, cluster and score the labelled corpus. */
export async function runStoryEval(): Promise<StoryEvalResult> {
  const labels = readLabels();
  const t0 = performance.now();
  const corpus = await importCorpus(labels.articles);
  try {
    const t1 = performance.now();
    const counts = await clusterPending(corpus.store);
    const t2 = performance.now();
    const repository = corpus.store.stories().repository;
    const predicted = new Map<string, string>();
    const titles = new Map<string, string>();
    const titleOf = new Map(corpus.articles.map((a) => [a.id, a.title] as const));
    for (const path of labels.articles) {
      const id = corpus.articleIdOf(path);
      const story = await repository.storyOf(id);
      if (story !== undefined) predicted.set(path, story);
      titles.set(path, titleOf.get(id) ?? '');
    }
    return {
      report: evaluateClustering(predicted, labels),
      predicted,
      counts,
      imported: { files: corpus.summary.files, articles: corpus.articles.length, failed: corpus.summary.failed },
      mapped: corpus.mapped,
      titles,
      timings: { importMs: Math.round(t1 - t0), clusterMs: Math.round(t2 - t1) },
    };
  } finally {
    await corpus.close();
  }
}
