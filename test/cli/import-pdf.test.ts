/**
 * End to end (issue 6): the real CLI imports newspaper pages — PDF-extracted text (a `.txt`
 * recognised by its content) and `.pdf` files — next to an ordinary markdown post. Every input is
 * generated at test time (synthetic pages, a hand-written PDF): no corpus text is copied.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/ingest/import-job.js';
import type { Article } from '../../src/model/article.js';
import { buildMinimalPdf, type DrawnText } from '../pdf/minimal-pdf.js';
import { renderExtractedPage } from '../pdf/render-extracted.js';
import { SYNTHETIC_PAGES } from '../pdf/synthetic-pages.js';
import { runCli } from '../support/cli.js';

/** Articles of the synthetic pages: continuation parts join their head, so they add none. */
const TRUTH_TITLES = SYNTHETIC_PAGES.flatMap((p) => p.articles.filter((a) => a.continuedFrom === undefined).map((a) => a.title));

const PDF_PAGE: DrawnText[] = [
  { text: 'Manufacturing investment keeps rising', x: 50, y: 740, size: 22 },
  { text: 'Factory investment rose', x: 70, y: 690, size: 10 },
  { text: 'again in the third quarter,', x: 50, y: 676, size: 10 },
  { text: 'officials said on Monday.', x: 50, y: 662, size: 10 },
];

let dir: string;
let folder: string;
let db: string;
let first: ReturnType<typeof runCli>;
let summary: ImportSummary;
let articles: Article[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-pdf-'));
  folder = join(dir, 'papers');
  db = join(dir, 'papers.db');
  const pages = SYNTHETIC_PAGES.map((page, i) => renderExtractedPage(page, { seed: 7 + i }));
  mkdirSync(folder);
  writeFileSync(join(folder, 'paper-2022-01-05.txt'), pages.join('\f'));
  writeFileSync(join(folder, 'latin-page.pdf'), buildMinimalPdf([PDF_PAGE]));
  writeFileSync(join(folder, 'corrupt.pdf'), '%PDF-1.4\nthis is not a pdf body\n');
  writeFileSync(join(folder, 'note.md'), '# 一篇普通的文章\n\n这是一段普通的正文，不是报纸版面。\n');
  first = runCli(['import', folder, '--db', db, '--json']);
  summary = JSON.parse(first.stdout) as ImportSummary;
  const exported = runCli(['export', '--db', db, '--format', 'jsonl']);
  expect(exported.status).toBe(0);
  articles = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as Article);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caixun import of newspaper pages', () => {
  it('imports every article of every page and fails only the corrupt PDF (exit 1)', () => {
    expect(first.status).toBe(1);
    expect(summary).toMatchObject({ files: 4, new: TRUTH_TITLES.length + 2, updated: 0, failed: 1 });
    expect(summary.failures).toEqual([
      { file: join(folder, 'corrupt.pdf'), reason: expect.stringMatching(/^pdf: .*corrupt\.pdf cannot be read as a PDF/) as unknown },
    ]);
    expect(first.stderr).not.toMatch(/\n\s+at /);
    expect(articles).toHaveLength(TRUTH_TITLES.length + 2);
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

  it('re-importing the folder adds and updates nothing', () => {
    const again = runCli(['import', folder, '--db', db, '--json']);
    expect(again.status).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ new: 0, updated: 0, unchanged: TRUTH_TITLES.length + 2, failed: 1 });
  });
});
