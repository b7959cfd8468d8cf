import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCorpus, type ImportedCorpus } from '../../test/stories/load-corpus.js';
import { printArticle, type ArticlePrint } from './article-print.js';
import { toPrint } from './cluster.js';
import { DEFAULT_MATCH_OPTIONS, decideMatch, judgeMatch, scoreMatch } from './match.js';
import type { RepresentativePrint } from './story-state.js';

const representativeOf = ({ fingerprint, event }: ArticlePrint): RepresentativePrint => toPrint(fingerprint, event);

// Two invented reports of one statistics release (not corpus text; the corpus has no such pair),
// each with 500 characters of its own so neither is a flash item.
const ownText = (from: number): string => Array.from({ length: 500 }, (_, i) => String.fromCharCode(from + i)).join('');
const RELEASE = [
  `1-10月份，某产品产量1234.5万吨，同比增长7.8%；出口额567.8亿元，增长12.3%；库存345.6万吨。\n\n${ownText(0x4e00)}`,
  `统计局发布数据显示，1-10月份某产品产量1234.5万吨，增长7.8%，出口额567.8亿元，增长12.3%。库存345.6万吨。\n\n${ownText(0x6000)}`,
].map((text) => ({ title: '', text, publishedAt: null }));

describe('judgeMatch', () => {
  let corpus: ImportedCorpus;
  beforeAll(async () => {
    corpus = await importCorpus([]);
  });
  afterAll(() => corpus.close());

  it('gives decideMatch(scoreMatch(…))’s kind and reason, and its score for joins, on every pair of corpus articles (and one release) in and out of the event window', () => {
    const prints = [...corpus.articles, ...RELEASE].map((a) => printArticle(a));
    const reps = prints.map(representativeOf);
    const seen = new Map<string, number>();
    for (const a of prints) {
      for (const [j, rep] of reps.entries()) {
        for (const inEventWindow of [true, false]) {
          const reference = decideMatch(scoreMatch(a.fingerprint, a.event, rep, DEFAULT_MATCH_OPTIONS), a.fingerprint.length, rep.length, inEventWindow, DEFAULT_MATCH_OPTIONS);
          const fast = judgeMatch(a.fingerprint, a.event, rep, inEventWindow, true, DEFAULT_MATCH_OPTIONS);
          expect([fast.kind, fast.reason], `pair ${prints.indexOf(a)}, ${j}`).toEqual([reference.kind, reference.reason]);
          if (fast.kind === 'join') expect(fast.score).toBe(reference.score);
          expect(fast.jaccard).toBe(reference.scores.jaccard);
          expect(fast.score).toBeLessThanOrEqual(reference.score);
          seen.set(`${fast.kind}/${fast.reason}`, (seen.get(`${fast.kind}/${fast.reason}`) ?? 0) + 1);
        }
      }
    }
    // The pairs exercise every path, so the comparison above covers each test of the verdict.
    expect([...seen.keys()].sort()).toEqual(['join/event', 'join/release', 'join/reprint', 'none/none', 'related/weak']);
  });
});
