/**
 * The extractor over every corpus document (jekyll, hexo, html): no crash, every claim points
 * at its own text; and exact claims of real articles.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/facts/extract.js';
import { processPath } from '../../src/ingest/process-document.js';
import type { Article } from '../../src/model/article.js';
import { corpusDir, corpusFiles } from '../corpus.js';
import { loadFactLabels } from './run-eval.js';

async function articlesOf(path: string): Promise<Article[]> {
  const r = await processPath(path, '2026-11-30T00:00:00.000Z');
  return r.ok ? r.articles : [];
}

describe('facts over the whole corpus', () => {
  const files = [...corpusFiles('jekyll'), ...corpusFiles('hexo'), ...corpusFiles('html', '.html')];

  it('reads every document without a crash; every claim points at its own text', async () => {
    expect(files.length).toBeGreaterThan(150);
    let claims = 0;
    for (const f of files) {
      for (const a of await articlesOf(f)) {
        for (const c of extractClaims(a.text, a.publishedAt)) {
          claims++;
          expect(a.text.slice(c.start, c.end)).toBe(c.text);
          expect(Number.isFinite(c.value)).toBe(true);
        }
      }
    }
    expect(claims).toBeGreaterThan(500);
  });

  it('the 1—11月 industrial profits release: level, growth and ratio claims with the period', async () => {
    const [a] = await articlesOf(join(corpusDir, 'hexo/金融/新浪财经/新浪财经－国內/1-11月份全国规模以上工业企业利润同比增长380% 两年平均增长189%.md'));
    const claims = extractClaims(a!.text, a!.publishedAt).slice(0, 6);
    expect(claims.map((c) => [c.text, c.value, c.unit, c.subject, c.kind, c.period])).toEqual([
      ['79750.1亿元', 7975010000000, '元', '全国规模以上工业企业利润总额', 'level', '2021-01/2021-11'],
      ['38.0%', 38, '%', '全国规模以上工业企业利润总额', 'growth', '2021-01/2021-11'],
      ['41.3%', 41.3, '%', '全国规模以上工业企业利润总额', 'growth', '2021-01/2021-11'],
      ['18.9%', 18.9, '%', '全国规模以上工业企业利润总额', 'growth', '2021-01/2021-11'],
      ['23638.1亿元', 2363810000000, '元', '国有控股企业利润总额', 'level', '2021-01/2021-11'],
      ['65.8%', 65.8, '%', '国有控股企业利润总额', 'growth', '2021-01/2021-11'],
    ]);
  });

  it('the labels point at real corpus documents with valid fields', async () => {
    const labels = loadFactLabels();
    expect(labels.length).toBeGreaterThanOrEqual(30);
    for (const l of labels) {
      expect((await articlesOf(join(corpusDir, l.path))).length).toBe(1);
      for (const c of l.claims) {
        expect(['level', 'growth', 'share', 'count', 'target']).toContain(c.kind);
        expect(c.period === null || /^\d{4}(?:-(?:Q\d|\d{2})(?:-\d{2})?)?(?:\/\d{4}(?:-(?:Q\d|\d{2})(?:-\d{2})?)?)?$/.test(c.period)).toBe(true);
      }
    }
  });
});
