import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildMinimalPdf } from '../../test/pdf/minimal-pdf.js';
import { corpusFiles } from '../../test/corpus.js';
import { processFiles } from './worker-pool.js';

async function collect(paths: string[], workers: number) {
  const out: [string, unknown][] = [];
  for await (const entry of processFiles(paths, { fetchedAt: '2026-01-01T00:00:00.000Z', workers })) out.push(entry);
  return out;
}

it('gives the same results in the same order on worker threads as in-process', async () => {
  const paths = [...corpusFiles('jekyll'), ...corpusFiles('hexo')];
  const inProcess = await collect(paths, 0);
  const threaded = await collect(paths, 2);
  expect(threaded.map(([p]) => p)).toEqual(paths);
  expect(threaded).toEqual(inProcess);
});

it('reports an unreadable path as a failure, not an exception', async () => {
  const [[, result]] = (await collect(['/nonexistent/caixun/post.md'], 0)) as [[string, { ok: boolean; reason: string }]];
  expect(result).toEqual({ ok: false, reason: 'cannot read file: ENOENT' });
});

it('processes PDFs asynchronously on worker threads with the same results, in order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'caixun-pool-'));
  try {
    const page = [
      { text: 'Factory investment keeps rising', x: 50, y: 740, size: 22 },
      { text: 'Output rose again in the quarter,', x: 50, y: 690, size: 10 },
      { text: 'officials said on Monday.', x: 50, y: 676, size: 10 },
    ];
    const paths = ['a.pdf', 'b-broken.pdf', 'c.pdf'].map((n) => join(dir, n));
    writeFileSync(paths[0]!, buildMinimalPdf([page]));
    writeFileSync(paths[1]!, '%PDF-1.4\nnot a pdf\n');
    writeFileSync(paths[2]!, buildMinimalPdf([page, page]));
    const inProcess = await collect(paths, 0);
    expect(await collect(paths, 2)).toEqual(inProcess);
    const results = inProcess.map(([, r]) => r as { ok: boolean; articles?: unknown[]; reason?: string });
    expect(results.map((r) => r.articles?.length ?? r.reason)).toEqual([
      1,
      expect.stringMatching(/^pdf: .*b-broken\.pdf cannot be read as a PDF/),
      2,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
