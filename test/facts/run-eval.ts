/**
 * The labelled facts evaluation through the REAL importer: the corpus goes through
 * `importPaths` into a temporary SQLite file (test/stories/load-corpus.ts), each labelled
 * path is mapped to its stored article, and the extractor runs on the stored text.
 */
import { readFileSync } from 'node:fs';
import { extractClaims } from '../../src/facts/extract.js';
import type { Claim } from '../../src/facts/types.js';
import { importCorpus } from '../stories/load-corpus.js';
import { scoreClaims, type LabelledArticle, type Scores } from './score.js';

/** The labels (test/facts/labels.json). */
export function loadFactLabels(): LabelledArticle[] {
  const raw = JSON.parse(readFileSync(new URL('./labels.json', import.meta.url), 'utf8')) as { articles: LabelledArticle[] };
  return raw.articles;
}

/** What {@link runFactsEval} measured. */
export interface FactsEvalResult {
  scores: Scores;
  articles: number;
  imported: number;
  predicted: Map<string, Claim[]>;
}

/** Import the corpus, extract the claims of every labelled article, score them. */
export async function runFactsEval(): Promise<FactsEvalResult> {
  const labels = loadFactLabels();
  const corpus = await importCorpus(labels.map((l) => l.path));
  try {
    const predicted = new Map<string, Claim[]>();
    for (const l of labels) {
      const article = await corpus.store.getArticle(corpus.articleIdOf(l.path));
      if (article === undefined) throw new Error(`facts eval: ${l.path} has no stored article`);
      predicted.set(l.path, extractClaims(article.text, article.publishedAt));
    }
    return { scores: scoreClaims(labels, predicted), articles: labels.length, imported: corpus.articles.length, predicted };
  } finally {
    await corpus.close();
  }
}
