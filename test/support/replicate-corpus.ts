/**
 * Writes N distinct archive documents made from the corpus's Jekyll and Hexo posts:
 * each copy gets its own title suffix and (for finews posts) its own infoCode, so every
 * copy becomes its own article.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFiles } from '../corpus.js';

export function replicateCorpus(outDir: string, count: number): { files: number; bytes: number } {
  const sources = [...corpusFiles('jekyll'), ...corpusFiles('hexo')].map((p) => readFileSync(p, 'utf8'));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const src = sources[i % sources.length]!;
    const copy = Math.floor(i / sources.length);
    const text = src
      // a distinct title per copy (both the finews "…" and the Hexo '…' quoting)
      .replace(/^title: (["'])(.*)\1\s*$/m, (_m, q: string, t: string) => `title: ${q}${t} #${copy}${q}`)
      // a distinct infoCode per copy
      .replace(/,(\d{18})\.html>/, (_m, code: string) => `,${code}${String(copy).padStart(6, '0')}.html>`);
    const dir = join(outDir, String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${i}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: count, bytes };
}
