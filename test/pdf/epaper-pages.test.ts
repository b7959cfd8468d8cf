/**
 * The real e-paper pages of ../shared/corpus/pdf read from their layout, against the references
 * written by reading the pages (test/pdf/references): titles, kickers, subtitles and bylines, paper,
 * date and section. Only the tuned pages are asserted here; the held-out page is measured by
 * `npm run eval -- epaper`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, projectRoot } from '../corpus.js';
import { readEpaperPages } from '../../src/sources/pdf/layout/read-epaper.js';

interface Ref {
  file: string; heldOut?: boolean; paper: string; date: string; section: string;
  articles: Array<{ title: string; byline?: string; kicker?: string; subtitle?: string }>;
}

const squash = (s: string | undefined): string | undefined => s?.replace(/\s+/gu, '');

const dir = join(projectRoot, 'test', 'pdf', 'references');
const refs = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Ref);
const tuned = refs.filter((r) => r.heldOut !== true && existsSync(join(corpusDir, 'pdf', r.file)));

describe.skipIf(tuned.length === 0)('real e-paper pages', () => {
  it.each(tuned.map((r) => [r.file, r] as const))('%s: articles, titles, paper, date and section as printed', async (_, ref) => {
    const [page] = await readEpaperPages(readFileSync(join(corpusDir, 'pdf', ref.file)), ref.file);
    expect(page?.articles.map((a) => a.title).sort()).toEqual(ref.articles.map((a) => a.title).sort());
    expect(page?.meta.outlet?.name).toBe(ref.paper);
    expect(page?.meta.date).toBe(ref.date);
    expect(page?.meta.section).toBe(ref.section);
    for (const a of page?.articles ?? []) expect(a.paragraphs.join('')).not.toMatch(/[\u4e00-\u9fff] +[\u4e00-\u9fff]/u);
    for (const r of ref.articles) {
      const a = page?.articles.find((x) => x.title === r.title);
      expect([squash(a?.kicker), squash(a?.subtitle)], r.title).toEqual([squash(r.kicker), squash(r.subtitle)]);
      if (r.byline !== undefined) expect(squash(a?.byline), r.title).toContain(squash(r.byline));
    }
  });
});
