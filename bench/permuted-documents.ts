/**
 * Archive documents for the pipeline bench: the corpus's Jekyll and Hexo posts written N times as
 * files, copy k with every Han character and every digit of its title and body text mapped
 * through copy k's own permutations (copies share no wording and no figures, so each copy keeps
 * the corpus's own stories and reprints) and its dates moved 400·k days on. Front matter other
 * than title and date stays as written, so outlets and categories resolve as they do for the
 * originals (Hexo posts open with a blank line before `---`: their front matter was permuted and
 * their dates left unshifted, so every copy of them fell on the same few days); tags and
 * character references keep their digits, so the markup stays valid.
 *
 * Why digits too: with Han characters alone, every copy repeated the corpus's figures, dates, link
 * lines and tables verbatim (a 13 KB statistics table is mostly digits; a flash item of ten
 * characters is mostly its link line), so an article's MinHash bands matched the same article
 * in every earlier copy. The clusterer judged
 * ~45 stories from other years per article at 227 copies (against ~12 at 23) and linked them as
 * related: a cost that grew with the number of copies, which an archive of distinct days does not
 * have. Latin text (tickers, CPI, ETF) stays shared, as it is across a real archive's years.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFiles } from '../test/corpus.js';
import { permutation } from '../test/support/permuted-corpus.js';

const DAY_MS = 86_400_000;
const HAN = /\p{Script=Han}/gu;
const DIGITS = '0123456789'.split('');
/**
 * A digit outside markup (the second group): tags and character references keep theirs; the
 * <http…> link line does not, since a copy's URLs (finews codes carry the date) differ from the
 * original's as another day's do.
 */
const TEXT_DIGIT = /(<(?!https?:)[^>\n]*>|&#?\w+;)|(\d)/g;

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
function copyPost(text: string, k: number, map: Map<string, string>, digits: Map<string, string>): string {
  const sub = (s: string): string =>
    s.replace(HAN, (c) => map.get(c) ?? c).replace(TEXT_DIGIT, (m, tag: string | undefined) => (tag !== undefined ? m : (digits.get(m) ?? m)));
  // Hexo posts start with a blank line before the opening ---.
  const open = /^\s*---\n/.exec(text);
  const end = open === null ? -1 : text.indexOf('\n---', open[0].length - 1);
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
  let digits = new Map<string, string>();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const k = Math.floor(i / sources.length);
    if (i % sources.length === 0) {
      map = permutation(han, k + 1);
      // Ten digits have 3.6 M orders: two copies of a few hundred rarely share one.
      digits = permutation(DIGITS, 0x5eed ^ (k + 1));
    }
    const text = copyPost(sources[i % sources.length]!, k, map, digits);
    const dir = join(outDir, String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${i}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: count, bytes };
}
