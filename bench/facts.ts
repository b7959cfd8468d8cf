/**
 * bench facts: articles/s of the claim extractor on one core, over every corpus document
 * (jekyll, hexo, html through the real document pipeline), repeated until `rounds` passes.
 * The same run's baseline is the floor every extraction pays: sentence split plus the number
 * scanner, without subjects, kinds or periods. Issue 15 asks ≥ 2,000 articles/s per core.
 *   npm run bench -- facts [rounds=20]
 */
import { splitSentences, extractClaims } from '../src/facts/extract.js';
import { scanNumbers } from '../src/facts/scan-numbers.js';
import { processPath } from '../src/ingest/process-document.js';
import type { Article } from '../src/model/article.js';
import { corpusFiles } from '../test/corpus.js';

async function loadArticles(): Promise<Article[]> {
  const files = [...corpusFiles('jekyll'), ...corpusFiles('hexo'), ...corpusFiles('html', '.html')];
  const out: Article[] = [];
  for (const f of files) {
    const r = await processPath(f, '2026-11-30T00:00:00.000Z');
    if (r.ok) out.push(...r.articles);
  }
  return out;
}

/** Articles per second of `work` over `rounds` passes of `articles`. */
function rate(articles: readonly Article[], rounds: number, work: (a: Article) => number): { perSecond: number; items: number } {
  let items = 0;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const a of articles) items += work(a);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { perSecond: (rounds * articles.length) / seconds, items };
}

/** Run the facts benchmark. */
export async function benchFacts(args: string[]): Promise<Record<string, unknown>> {
  const rounds = Number(args[0] ?? 20);
  const articles = await loadArticles();
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  extractClaims('1—11月份，利润总额79750.1亿元，同比增长38.0%。', null); // loads the tokenizer
  const floor = (a: Article): number => splitSentences(a.text).reduce((n, s) => n + scanNumbers(s.text, []).length, 0);
  const extract = (a: Article): number => extractClaims(a.text, a.publishedAt).length;
  rate(articles, 1, extract); // warm-up
  const baseline = rate(articles, rounds, floor);
  const facts = rate(articles, rounds, extract);
  return {
    bench: 'facts',
    articles: articles.length,
    meanChars: Math.round(chars / articles.length),
    rounds,
    baseline: { what: 'split + number scan', articlesPerSecond: Math.round(baseline.perSecond), numbers: baseline.items / rounds },
    extract: { articlesPerSecond: Math.round(facts.perSecond), claims: facts.items / rounds },
    ratioToBaseline: Number((facts.perSecond / baseline.perSecond).toFixed(3)),
    target: 2000,
    met: facts.perSecond >= 2000,
  };
}
