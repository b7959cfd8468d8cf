/**
 * Cluster the labelled corpus articles in publication order and evaluate against labels.json.
 * Shared by the corpus test and `npm run eval -- stories` (to be wired by the lead).
 */
import { readFileSync } from 'node:fs';
import { StoryClusterer, type ClusterDecision } from '../../src/stories/cluster.js';
import { evaluateClustering, type ClusteringReport, type GoldStories } from '../../src/stories/eval-stories.js';
import type { ClusterInput } from '../../src/stories/story-state.js';
import { loadCorpusArticle } from './load-corpus.js';

/** The labels file. */
export function readLabels(): GoldStories {
  return JSON.parse(readFileSync(new URL('labels.json', import.meta.url), 'utf8')) as GoldStories;
}

/** Articles sorted by publication time (unknown last), then id: the order they would arrive. */
export function inArrivalOrder(articles: ClusterInput[]): ClusterInput[] {
  const t = (a: ClusterInput): number => (a.publishedAt === null ? Number.POSITIVE_INFINITY : Date.parse(a.publishedAt));
  return [...articles].sort((a, b) => t(a) - t(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Run the clusterer over the labelled corpus. */
export function runStoryEval(): { report: ClusteringReport; decisions: ClusterDecision[] } {
  const labels = readLabels();
  const articles = inArrivalOrder(labels.articles.map(loadCorpusArticle));
  const clusterer = new StoryClusterer();
  const decisions = articles.map((a) => clusterer.add(a));
  // Read the final assignment: a later article may have merged two earlier stories.
  const predicted = new Map(
    decisions.map((d) => [d.articleId, clusterer.repository.storyOf(d.articleId) ?? d.storyId] as const),
  );
  return { report: evaluateClustering(predicted, labels), decisions };
}
