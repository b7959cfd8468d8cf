/**
 * The corpus replicated bigger for benchmarks: copy k maps every Han character through its own
 * permutation, so a copy's texts share no wording with the other copies (its own stories, with
 * the corpus's reprints and diffs intact), and is dated 400 days after copy k − 1.
 */
import { join } from 'node:path';
import { importPaths } from '../../src/ingest/import-job.js';
import type { Article } from '../../src/model/article.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { sha1Hex } from '../../src/util/hash.js';
import { corpusDir } from '../corpus.js';
import { shuffled } from './shuffle.js';

const DAY_MS = 86_400_000;

/** Deterministic permutation of `chars` for copy `k`. */
export function permutation(chars: readonly string[], k: number): Map<string, string> {
  const permuted = shuffled(chars, 0x9e3779b9 ^ k);
  return new Map(chars.map((c, i) => [c, permuted[i]!]));
}

/** `iso` shifted by `days`, written with a +08:00 offset. */
function shiftIso(iso: string | null, days: number): string | null {
  if (iso === null) return null;
  const t = new Date(Date.parse(iso) + days * DAY_MS + 8 * 3_600_000);
  return `${t.toISOString().slice(0, 19)}+08:00`;
}

/** Copy `k` of an article under the permutation `map`. */
export function copyArticle(a: Article, k: number, map: Map<string, string>): Article {
  const sub = (s: string): string => s.replace(/\p{Script=Han}/gu, (c) => map.get(c) ?? c);
  const copy: Article = {
    ...a,
    id: `${a.id}~${k}`,
    title: sub(a.title),
    url: a.url === null ? null : `${a.url}#copy-${k}`,
    publishedAt: shiftIso(a.publishedAt, 400 * k),
    html: sub(a.html),
    text: sub(a.text),
  };
  return { ...copy, contentHash: sha1Hex(`${copy.title}\n${copy.text}\n${copy.publishedAt}`) };
}

/** The corpus's Jekyll and Hexo archives through the real importer (into a store in memory). */
export async function importedCorpus(): Promise<Article[]> {
  const scratch = new SqliteStore(':memory:');
  const originals: Article[] = [];
  try {
    await importPaths([join(corpusDir, 'jekyll'), join(corpusDir, 'hexo')], scratch, { workers: 0 });
    for await (const a of scratch.iterateArticles()) originals.push(a);
  } finally {
    await scratch.close();
  }
  return originals;
}

/** `n` articles: the originals, then their copies 1, 2, … in order (the last copy cut at `n`). */
export function permutedArticles(originals: readonly Article[], n: number): Article[] {
  const chars = hanCharacters(originals);
  const out: Article[] = [];
  for (let k = 0; out.length < n && originals.length > 0; k++) {
    const map = k === 0 ? undefined : permutation(chars, k);
    for (const a of originals) {
      if (out.length >= n) break;
      out.push(map === undefined ? a : copyArticle(a, k, map));
    }
  }
  return out;
}

/** The distinct Han characters of the articles' titles and texts, sorted (the permutation domain). */
export function hanCharacters(articles: readonly Article[]): string[] {
  return [...new Set(articles.flatMap((a) => [...`${a.title}${a.text}`.matchAll(/\p{Script=Han}/gu)].map((m) => m[0])))].sort();
}
