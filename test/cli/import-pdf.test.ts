/**
 * End to end (issue 6): the real CLI imports newspaper pages — PDF-extracted text (a `.txt`
 * recognised by its content) and `.pdf` files (a generated CJK newspaper issue, a hand-written PDF;
 * broken, truncated and encrypted ones fail on their own) — next to an ordinary markdown post. Every
 * input is generated at test time: no corpus text is copied.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/ingest/import-job.js';
import type { Article } from '../../src/model/article.js';
import { buildMinimalPdf, type DrawnText } from '../pdf/minimal-pdf.js';
import { renderNewspaperPdf } from '../pdf/newspaper-pdf.js';
import { NEWSPAPER_ARTICLE_TITLES, NEWSPAPER_PAGES } from '../pdf/newspaper-pages.js';
import { renderExtractedPage } from '../pdf/render-extracted.js';
import { SYNTHETIC_PAGES } from '../pdf/synthetic-pages.js';
import { testDbSpec } from '../support/backends.js';
import { runCli } from '../support/cli.js';

/** Articles of the synthetic pages: continuation parts join their head, so they add none. */
const TRUTH_TITLES = SYNTHETIC_PAGES.flatMap((p) => p.articles.filter((a) => a.continuedFrom === undefined).map((a) => a.title));

/** Articles of the text pages, the generated newspaper PDF, the Latin PDF and the markdown post. */
const EXPECTED = TRUTH_TITLES.length + NEWSPAPER_ARTICLE_TITLES.length + 2;

const PDF_PAGE: DrawnText[] = [
  { text: 'Manufacturing investment keeps rising', x: 50, y: 740, size: 22 },
  { text: 'Factory investment rose', x: 70, y: 690, size: 10 },
  { text: 'again in the third quarter,', x: 50, y: 676, size: 10 },
  { text: 'officials said on Monday.', x: 50, y: 662, size: 10 },
];

let dir: string;
let folder: string;
let db: string;
let first: Awaited<ReturnType<typeof runCli>>;
let summary: ImportSummary;
let articles: Article[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-pdf-'));
  folder = join(dir, 'papers');
  db = await testDbSpec(dir, 'papers.db');
  const pages = SYNTHETIC_PAGES.map((page, i) => renderExtractedPage(page, { seed: 7 + i }));
  mkdirSync(folder);
  writeFileSync(join(folder, 'paper-2022-01-05.txt'), pages.join('\f'));
  writeFileSync(join(folder, 'latin-page.pdf'), buildMinimalPdf([PDF_PAGE]));
  writeFileSync(join(folder, 'corrupt.pdf'), '%PDF-1.4\nthis is not a pdf body\n');
  const issue = await renderNewspaperPdf(NEWSPAPER_PAGES);
  writeFileSync(join(folder, 'paper-2022-03-08.pdf'), issue);
  writeFileSync(join(folder, 'truncated.pdf'), issue.slice(0, Math.floor(issue.length / 2)));
  writeFileSync(join(folder, 'locked.pdf'), await renderNewspaperPdf(NEWSPAPER_PAGES.slice(0, 1), { userPassword: 'secret' }));
  writeFileSync(join(folder, 'note.md'), '# 一篇普通的文章\n\n这是一段普通的正文，不是报纸版面。\n');
  first = await runCli(['import', folder, '--db', db, '--json']);
  summary = JSON.parse(first.stdout) as ImportSummary;
  const exported = await runCli(['export', '--db', db, '--format', 'jsonl']);
  expect(exported.status).toBe(0);
  articles = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as Article);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caixun import of newspaper pages', () => {
  it('imports every article of every page and fails only the broken, truncated and encrypted PDFs (exit 1)', () => {
    expect(first.status).toBe(1);
    expect(summary).toMatchObject({ files: 7, new: EXPECTED, updated: 0, failed: 3 });
    expect([...summary.failures].sort((a, b) => a.file.localeCompare(b.file))).toEqual([
      { file: join(folder, 'corrupt.pdf'), reason: 'pdf: ' + join(folder, 'corrupt.pdf') + ' cannot be read as a PDF: Invalid PDF structure.' },
      { file: join(folder, 'locked.pdf'), reason: 'pdf: ' + join(folder, 'locked.pdf') + ' is encrypted: No password given' },
      { file: join(folder, 'truncated.pdf'), reason: 'pdf: ' + join(folder, 'truncated.pdf') + ' cannot be read as a PDF: Invalid PDF structure.' },
    ]);
    expect(first.stderr).not.toMatch(/\n\s+at /);
    expect(articles).toHaveLength(EXPECTED);
  });

  it('reads the articles of the generated CJK newspaper PDF with their titles, pages and bylines', () => {
    const fromIssue = articles.filter((a) => a.raw.origin.endsWith('paper-2022-03-08.pdf'));
    expect(fromIssue.map((a) => a.title).sort()).toEqual([...NEWSPAPER_ARTICLE_TITLES].sort());
    const trade = fromIssue.find((a) => a.title === '外贸企业订单持续回暖');
    expect(trade?.text).toContain('问题已明显缓解。\n\n商务部门表示');
    expect(trade?.provenance.author).toBe('何思琪');
    expect(new Set(fromIssue.map((a) => a.id)).size).toBe(fromIssue.length);
  });

  it('gives the synthetic articles their true titles, as pdf-text in text/plain', () => {
    const fromText = articles.filter((a) => a.raw.origin.endsWith('.txt'));
    expect(fromText.map((a) => a.title).sort()).toEqual([...TRUTH_TITLES].sort());
    expect(new Set(fromText.map((a) => a.id)).size).toBe(fromText.length);
    for (const a of fromText) expect([a.format, a.raw.mediaType]).toEqual(['pdf-text', 'text/plain']);
  });

  it('reads the hand-made PDF and the markdown post', () => {
    const fromPdf = articles.filter((a) => a.raw.origin.endsWith('latin-page.pdf'));
    expect(fromPdf).toHaveLength(1);
    expect(fromPdf[0]?.text).toContain('officials said on Monday.');
    expect(articles.find((a) => a.raw.origin.endsWith('note.md'))?.title).toBe('一篇普通的文章');
  });

  it('re-importing the folder adds and updates nothing', async () => {
    const again = await runCli(['import', folder, '--db', db, '--json']);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ new: 0, updated: 0, unchanged: EXPECTED, failed: 3 });
  });
});
