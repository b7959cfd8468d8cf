import { describe, expect, it } from 'vitest';
import { loadCorpusArticle } from './load-corpus.js';
import { readLabels, runStoryEval } from './run-eval.js';

describe('story clustering on the labelled corpus', () => {
  const { report } = runStoryEval();

  it('loads every labelled article with text', () => {
    const labels = readLabels();
    expect(labels.articles).toHaveLength(88);
    for (const id of labels.articles) expect(loadCorpusArticle(id).text.length).toBeGreaterThan(0);
  });

  it('reaches the measured pairwise and B-cubed figures', () => {
    // Measured: 54 of 55 gold pairs, no false pair (P 1.0, R 0.982, F1 0.991; B-cubed F1 0.994).
    expect(report.goldPairs).toBe(55);
    expect(report.precision).toBe(1);
    expect(report.f1).toBeGreaterThanOrEqual(0.99);
    expect(report.bcubed.f1).toBeGreaterThanOrEqual(0.99);
  });

  it('never merges a hard negative or makes a false merge', () => {
    expect(report.errors.filter((e) => e.kind !== 'missed')).toEqual([]);
  });

  it('misses only the data-centre pair (J6), which shares no figure and little wording', () => {
    expect(report.errors.map((e) => e.label)).toEqual(['J6']);
  });
});
