/**
 * The labelled facts evaluation through the REAL importer: the corpus goes through
 * `importPaths` into a temporary SQLite file (test/stories/load-corpus.ts), each labelled
 * path is mapped to its stored article, and the extractor runs on the stored text.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractClaims } from '../../src/facts/extract.js';
import type { Claim } from '../../src/facts/types.js';
import { corpusDir } from '../corpus.js';
import { importCorpus } from '../stories/load-corpus.js';
import { scoreClaims, type LabelledArticle, type LabelledClaim, type Scores } from './score.js';

/**
 * A subject as labels.json writes it: our own wording, or, for a phrase that stands in the
 * article as written, a reference to it (its offset in the file, its length and the start of
 * its SHA-1), so the repository holds no corpus text.
 */
type SubjectLabel = string | { at: number; length: number; sha1: string };

/** The referenced phrase, checked against its hash. */
function resolveSubject(subject: SubjectLabel, fileText: string, path: string): string {
  if (typeof subject === 'string') return subject;
  const run = fileText.slice(subject.at, subject.at + subject.length);
  if (run.length !== subject.length || !createHash('sha1').update(run).digest('hex').startsWith(subject.sha1)) {
    throw new Error(`facts labels: ${path} has not the labelled phrase at ${subject.at} (has the corpus file changed?)`);
  }
  return run;
}

/**
 * A labelled file as the labels write it: a path, or, where the file name is the article's title
 * (Hexo posts), its folder and the start of the SHA-1 of the name (`hexo/金融/深度/#1a2b3c4d5e6f`),
 * so the repository holds no corpus title either.
 */
function resolvePath(labelled: string): string {
  const hash = /^(.*)\/#([0-9a-f]{12})$/.exec(labelled);
  if (hash === null) return labelled;
  const [, dir, sha1] = hash as unknown as [string, string, string];
  const name = readdirSync(join(corpusDir, dir)).find((n) => createHash('sha1').update(n).digest('hex').startsWith(sha1));
  if (name === undefined) throw new Error(`facts labels: no file in ${dir} has a name hashing to ${sha1} (has the corpus changed?)`);
  return `${dir}/${name}`;
}

/** The two label sets: the first (developed on) and the second (issue 15, with held-out articles). */
export const FACT_LABEL_SETS = { first: 'labels.json', second: 'labels-second.json' } as const;
export type FactLabelSet = keyof typeof FACT_LABEL_SETS;

/** A label set (test/facts/labels*.json), with subject references resolved against the corpus. */
export function loadFactLabels(set: FactLabelSet = 'first'): LabelledArticle[] {
  const raw = JSON.parse(readFileSync(new URL(`./${FACT_LABEL_SETS[set]}`, import.meta.url), 'utf8')) as {
    articles: { path: string; heldOut?: boolean; claims: (Omit<LabelledClaim, 'subject'> & { subject: SubjectLabel })[] }[];
  };
  return raw.articles.map((a) => {
    const path = resolvePath(a.path);
    const fileText = readFileSync(join(corpusDir, path), 'utf8');
    const claims = a.claims.map((c) => ({ ...c, subject: resolveSubject(c.subject, fileText, path) }));
    return a.heldOut === undefined ? { path, claims } : { path, heldOut: a.heldOut, claims };
  });
}

/** What {@link runFactsEval} measured. */
export interface FactsEvalResult {
  scores: Scores;
  /** The articles tuned on, and the held-out ones (the second set marks them; the first has none). */
  dev: Scores;
  heldOut: Scores;
  articles: number;
  imported: number;
  predicted: Map<string, Claim[]>;
}

/** Import the corpus, extract the claims of every labelled article, score them. */
export async function runFactsEval(set: FactLabelSet = 'first'): Promise<FactsEvalResult> {
  const labels = loadFactLabels(set);
  // Every corpus folder a labelled article comes from (the second set has html pages too).
  const folders = [...new Set(labels.map((l) => l.path.split('/')[0]!))].sort();
  const corpus = await importCorpus(labels.map((l) => l.path), folders);
  try {
    const predicted = new Map<string, Claim[]>();
    for (const l of labels) {
      const article = await corpus.store.getArticle(corpus.articleIdOf(l.path));
      if (article === undefined) throw new Error(`facts eval: ${l.path} has no stored article`);
      predicted.set(l.path, extractClaims(article.text, article.publishedAt));
    }
    return {
      scores: scoreClaims(labels, predicted),
      dev: scoreClaims(labels.filter((l) => l.heldOut !== true), predicted),
      heldOut: scoreClaims(labels.filter((l) => l.heldOut === true), predicted),
      articles: labels.length, imported: corpus.articles.length, predicted };
  } finally {
    await corpus.close();
  }
}
