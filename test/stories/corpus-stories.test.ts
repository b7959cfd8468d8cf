/**
 * Story clustering on the labelled corpus, measured end to end: the real importer, the SQLite
 * story tables and `clusterPending` (see run-eval.ts). The figures asserted are the ones measured.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readLabels, runStoryEval, type StoryEvalResult } from './run-eval.js';

let result: StoryEvalResult;
beforeAll(async () => {
  result = await runStoryEval();
});

describe('story clustering on the labelled corpus (real importer)', () => {
  it('imports every labelled file and maps each to a stored, clustered article', () => {
    const labels = readLabels();
    expect(labels.articles).toHaveLength(88);
    expect(result.imported).toEqual({ files: 88, articles: 82, failed: 0 });
    // jekyll/old_post/X is a second stored version of jekyll/_posts/X: one article for both
    expect(result.mapped).toEqual({ byOrigin: 82, bySameDocument: 6 });
    expect(result.predicted.size).toBe(88);
    expect(result.counts.clustered).toBe(82);
  });

  it('reaches the measured pairwise and B-cubed figures', () => {
    // Measured: 54 of 55 gold pairs, no false pair (P 1.0, R 0.982, F1 0.991; B-cubed F1 0.994).
    const { report } = result;
    expect(report.goldPairs).toBe(55);
    expect(report.predictedPairs).toBe(54);
    expect(report.precision).toBe(1);
    expect(report.f1).toBeGreaterThanOrEqual(0.99);
    expect(report.bcubed.f1).toBeGreaterThanOrEqual(0.994);
  });

  it('never merges a hard negative or makes a false merge', () => {
    expect(result.report.errors.filter((e) => e.kind !== 'missed')).toEqual([]);
  });

  it('misses only the data-centre pair (J6), which shares no figure and little wording', () => {
    expect(result.report.errors.map((e) => e.label)).toEqual(['J6']);
  });
});
