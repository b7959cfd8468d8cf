import { expect, it } from 'vitest';
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
