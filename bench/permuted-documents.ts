/**
 * Archive documents for the pipeline bench: the corpus's Jekyll and Hexo posts written N times as
 * files, copy k with every Han character of its title and body mapped through copy k's own
 * permutation (copies share no wording, so each copy keeps the corpus's own stories and reprints)
 * and its dates moved 400·k days on. Front matter other than title and date stays as written, so
 * outlets and categories resolve as they do for the originals.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFiles } from '../test/corpus.js';
import { permutation } from '../test/support/permuted-corpus.js';

const DAY_MS = 86_400_000;
const HAN = /\p{Script=Han}/gu;

/** `date:` values as the corpus writes them: `2021-12-08 10:00:00[ +0800]` or an RFC 1123 date. */
function shiftDateValue(value: string, days: number): string {
  const local = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?)(.*)$/.exec(value);
  if (local) {
    // Shift the wall-clock time as written and keep its offset (or its absence) as it was.
    const t = new Date(Date.parse(`${local[1]!.replace(' ', 'T')}Z`) + days * DAY_MS);
    return `${t.toISOString().slice(0, 19).replace('T', ' ')}${local[2]}`;
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? value : new Date(parsed + days * DAY_MS).toUTCString();
}

/** Copy `k` of one post: title and body permuted, dates shifted, the finews infoCode made unique. */
function copyPost(text: string, k: number, map: Map<string, string>): string {
  const sub = (s: string): string => s.replace(HAN, (c) => map.get(c) ?? c);
  const end = text.startsWith('---') ? text.indexOf('\n---', 3) : -1;
  const front = end < 0 ? '' : text.slice(0, end + 4);
  const body = end < 0 ? text : text.slice(end + 4);
  const frontCopy = front
    .replace(/^title:(.*)$/m, (_m, t: string) => `title:${sub(t)}`)
    .replace(/^date:\s*(.+?)\s*$/m, (_m, d: string) => `date: ${shiftDateValue(d, 400 * k)}`);
  const bodyCopy = sub(body).replace(/,(\d{18})\.html>/, (_m, code: string) => `,${code}${String(k).padStart(6, '0')}.html>`);
  return frontCopy + bodyCopy;
}

/** Writes `count` documents below `outDir` (1,000 per folder). */
export function writePermutedDocuments(outDir: string, count: number): { files: number; bytes: number } {
  const sources = [...corpusFiles('jekyll'), ...corpusFiles('hexo')].map((p) => readFileSync(p, 'utf8'));
  const han = [...new Set(sources.flatMap((s) => s.match(HAN) ?? []))].sort();
  let map = new Map<string, string>();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const k = Math.floor(i / sources.length);
    if (i % sources.length === 0) map = permutation(han, k + 1);
    const text = copyPost(sources[i % sources.length]!, k, map);
    const dir = join(outDir, String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${i}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: count, bytes };
}
