/**
 * Page extraction measured against GeneralNewsExtractor's reference outputs in the corpus
 * (`html/GeneralNewsExtractor/tests/<site>/<n>.expected.json`: GNE's own extractions, a
 * reference rather than ground truth). Shared by the corpus test and `npm run eval -- page`.
 */
import { readFileSync } from 'node:fs';
import { parseNewsDate } from '../../src/clean/dates.js';
import { htmlToText } from '../../src/clean/html-text.js';
import { resolveOutlet } from '../../src/sources/outlet-ref.js';
import { extractPage, type ExtractPageOptions } from '../../src/sources/page/extract-page.js';
import { pageToArticle } from '../../src/sources/page/page-to-article.js';
import { processDocument } from '../../src/ingest/process-document.js';
import { parseArchiveDocument } from '../../src/sources/archive/parse.js';
import { corpusFiles } from '../corpus.js';

/** One reference page. */
export interface ReferencePage {
  /** `<site>/<name>`, e.g. `sina/2`. */
  name: string;
  html: string;
  expected: { title: string; author: string; publish_time: string; content: string };
}

/** Scores of one page. */
export interface PageScore {
  name: string;
  method: string;
  titleExact: boolean;
  title: string;
  /** Our date and the reference's, both as ISO (null when unreadable). */
  date: string | null;
  expectedDate: string | null;
  /** Same minute. */
  dateMatch: boolean;
  /** Character-bigram F1 of the extracted text against the reference content. */
  contentF1: number;
  /** The same after the full pipeline (cleaning, provenance lifting). */
  cleanedF1: number;
}

/** The reference pages, sorted by name. */
export function loadReferencePages(): ReferencePage[] {
  return corpusFiles('html/GeneralNewsExtractor/tests', '.expected.json').map((file) => {
    const parts = file.split('/');
    const site = parts[parts.length - 2] ?? '';
    const base = (parts[parts.length - 1] ?? '').replace('.expected.json', '');
    return {
      name: `${site}/${base}`,
      html: readFileSync(file.replace('.expected.json', '.html'), 'utf8'),
      expected: JSON.parse(readFileSync(file, 'utf8')) as ReferencePage['expected'],
    };
  });
}

const squash = (s: string): string => s.replace(/[\s\u3000\u00a0]+/g, '');

function bigrams(s: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const k = s.slice(i, i + 2);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Character-bigram F1 of two texts, white space ignored. */
export function bigramF1(actual: string, expected: string): number {
  const a = bigrams(squash(actual));
  const b = bigrams(squash(expected));
  let both = 0;
  let na = 0;
  let nb = 0;
  for (const v of a.values()) na += v;
  for (const v of b.values()) nb += v;
  for (const [k, v] of a) both += Math.min(v, b.get(k) ?? 0);
  if (na === 0 || nb === 0) return 0;
  const p = both / na;
  const r = both / nb;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Corpus sites whose outlet caixun has page rules for; the others use generic extraction. */
const SITE_OUTLETS: Readonly<Record<string, string>> = { sina: '新浪财经' };

const minute = (iso: string | null): string | null => iso?.slice(0, 16) ?? null;

/** Scores one page with the given extractor options. */
export function scorePage(page: ReferencePage, options: ExtractPageOptions = {}): PageScore {
  const outlet = resolveOutlet({ name: SITE_OUTLETS[page.name.split('/')[0] ?? ''] ?? 'reference', fallbackKey: 'reference' });
  const extracted = extractPage(page.html, { selectors: outlet.rules?.page, ...options });
  const date = extracted.date ? parseNewsDate(extracted.date) : null;
  const expectedDate = parseNewsDate(page.expected.publish_time);
  const article = pageToArticle(page.html, {
    outlet,
    categories: [],
    url: `https://example.org/${page.name}`,
    fetchedAt: '2026-01-01T00:00:00.000Z',
  });
  return {
    name: page.name,
    method: extracted.method,
    titleExact: extracted.title === page.expected.title,
    title: extracted.title,
    date,
    expectedDate,
    dateMatch: date !== null && minute(date) === minute(expectedDate),
    contentF1: Number(bigramF1(htmlToText(extracted.bodyHtml), page.expected.content).toFixed(4)),
    cleanedF1: Number(bigramF1(article.text, page.expected.content).toFixed(4)),
  };
}

/**
 * Scores the import path: the page saved as `<name>.html` and read by `caixun import`'s
 * document processing (archive parser, then the article builder).
 */
export function scoreImport(page: ReferencePage): PageScore {
  const origin = `/saved/${page.name}.html`;
  const result = processDocument(Buffer.from(page.html, 'utf8'), origin, '2026-01-01T00:00:00.000Z');
  if (!result.ok) throw new Error(`${page.name}: ${result.reason}`);
  const article = result.articles[0]!;
  const post = parseArchiveDocument(page.html, origin);
  const expectedDate = parseNewsDate(page.expected.publish_time);
  return {
    name: page.name,
    method: 'import',
    titleExact: article.title === page.expected.title,
    title: article.title,
    date: article.publishedAt,
    expectedDate,
    dateMatch: article.publishedAt !== null && minute(article.publishedAt) === minute(expectedDate),
    contentF1: Number(bigramF1(htmlToText(post.bodyHtml), page.expected.content).toFixed(4)),
    cleanedF1: Number(bigramF1(article.text, page.expected.content).toFixed(4)),
  };
}
