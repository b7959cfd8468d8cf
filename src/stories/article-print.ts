/**
 * What the clusterer computes from an article before it looks at any story: the fingerprint,
 * the event profile and the index keys. Pure and self-contained, so worker threads can compute
 * it for a batch while the main thread clusters the previous one (see print-pool.ts).
 */
import { buildEventProfile, type EventProfile } from './event-profile.js';
import { DEFAULT_FINGERPRINT_OPTIONS, fingerprintFolded, type Fingerprint, type FingerprintOptions } from './fingerprint.js';
import { hashCodeUnits, mix32 } from './hash.js';
import { foldParagraphs } from './normalize.js';
import { bandKeys, DEFAULT_LSH_OPTIONS, textKey, type LshOptions } from './lsh.js';
import type { ClusterInput } from './story-state.js';
import { textOf } from '../store/packed-text.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Paragraphs shorter than this are not index keys: short lines are boilerplate more often than news. */
const MIN_PARAGRAPH_KEY_LENGTH = 20;

/** The index keys of one article: what it is stored under, and what it looks up. */
export interface ArticleKeys {
  /** Keys the article is recorded under (bands, paragraphs, exact text, figures in its time bucket). */
  stored: Uint32Array;
  /** Keys to look up: the same text keys, plus its figures in the buckets of the window around it. */
  query: Uint32Array;
  /** The exact-text key alone (an exact copy joins even a story far from its time). */
  exact: number;
}

/** Where figure keys are bucketed in time, and how far a lookup reaches. */
export interface FigureKeyOptions {
  /** Bucket width (ms). Default the story window (7 days). */
  bucketMs: number;
  /** A lookup covers the buckets from `t − lookBackMs` to `t + lookAheadMs`. Default 7 days. */
  lookBackMs: number;
  /** See `lookBackMs`. Default 12 hours (the same-event window). */
  lookAheadMs: number;
}

/** Figure keys bucketed by the default story window. */
export const DEFAULT_FIGURE_KEYS: Readonly<FigureKeyOptions> = Object.freeze({ bucketMs: 7 * DAY, lookBackMs: 7 * DAY, lookAheadMs: 12 * HOUR });

/** Index key of a figure in one time bucket (hashed with a bucket seed: no string per key). */
function figureKey(figure: string, bucket: number): number {
  return hashCodeUnits(figure, 0, figure.length, mix32(Math.imul(bucket, 0x9e3779b1) ^ 0x46494721));
}

/** Most figures of one article that become index keys. */
const MAX_FIGURE_KEYS = 8;

/**
 * The figures an article is indexed under: the most specific ones (most characters, then in
 * sorted order), at most {@link MAX_FIGURE_KEYS}. A table of fifty numbers would otherwise cost
 * 150 lookups; flash items state a handful, and two shared ones are enough to link a story.
 */
function keyFigures(figures: readonly string[]): readonly string[] {
  if (figures.length <= MAX_FIGURE_KEYS) return figures;
  // `figures` is sorted, so taking them by length, longest first, in their order is the sort
  // by (length descending, text) without sorting.
  let longest = 0;
  for (const f of figures) longest = Math.max(longest, f.length);
  const out: string[] = [];
  for (let length = longest; length > 0 && out.length < MAX_FIGURE_KEYS; length--) {
    for (const f of figures) {
      if (f.length !== length) continue;
      out.push(f);
      if (out.length === MAX_FIGURE_KEYS) break;
    }
  }
  return out;
}

/**
 * Index keys of an article: MinHash bands, verbatim paragraphs, exact text and event figures.
 *
 * Figure keys are bucketed in time (one bucket per story window): a figure such as 388 (a
 * stock code) or 100万 recurs for years, and an unbucketed key would gather every article that
 * ever stated it. An article is stored under its figures in its own bucket; a lookup covers the
 * buckets from one story window before it (a review reusing a conference's figures days later
 * is still linked as related) to the event window after it, two or three keys per figure. An
 * undated article has no figure keys (the same-event path needs a time anyway).
 */
export function indexKeys(fp: Fingerprint, event: Pick<EventProfile, 'figures'>, t: number | null, lsh: Readonly<LshOptions> = DEFAULT_LSH_OPTIONS, figures: Readonly<FigureKeyOptions> = DEFAULT_FIGURE_KEYS): ArticleKeys {
  const bands = bandKeys(fp.signature, lsh);
  const chosen = t !== null ? keyFigures(event.figures) : [];
  const own = t === null ? 0 : Math.floor(t / figures.bucketMs);
  const from = t === null ? 0 : Math.floor((t - figures.lookBackMs) / figures.bucketMs);
  const to = t === null ? -1 : Math.floor((t + figures.lookAheadMs) / figures.bucketMs);
  const textCount = bands.length + fp.paragraphHashes.length + 1;
  // One buffer holds both key lists (stored, then query): one allocation, one transfer.
  const buffer = new Uint32Array(2 * textCount + chosen.length * (1 + Math.max(0, to - from + 1)));
  const stored = buffer.subarray(0, textCount + chosen.length);
  const query = buffer.subarray(textCount + chosen.length);
  let n = 0;
  stored.set(bands);
  n = bands.length;
  fp.paragraphHashes.forEach((h, i) => {
    if ((fp.paragraphLengths[i] ?? 0) >= MIN_PARAGRAPH_KEY_LENGTH) stored[n++] = textKey(`p:${h}`);
  });
  const exact = textKey(`x:${fp.exactHash}`);
  stored[n++] = exact;
  query.set(stored.subarray(0, n));
  let q = n;
  for (const f of chosen) {
    stored[n++] = figureKey(f, own);
    for (let b = from; b <= to; b++) query[q++] = figureKey(f, b);
  }
  return { stored: stored.subarray(0, n), query: query.subarray(0, q), exact };
}

/** Options of {@link printArticle}: the clusterer's own (see ClustererOptions). */
export interface PrintOptions {
  /** Fingerprint parameters. */
  fingerprint: FingerprintOptions;
  /** Banding. */
  lsh: LshOptions;
  /** Story window (ms): the figure-key bucket and look-back. */
  windowMs: number;
  /** Same-event window (ms): the figure-key look-ahead. */
  eventWindowMs: number;
}

/** Everything {@link printArticle} computes for one article. */
export interface ArticlePrint {
  /** Fingerprint of the text (of the title when the text is empty). */
  fingerprint: Fingerprint;
  /** Figures and bigrams of title + text. */
  event: EventProfile;
  /** Index keys. */
  keys: ArticleKeys;
}

/** Epoch ms of an ISO time, null when absent or unreadable. */
export function parseTime(iso: string | null): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/**
 * Fingerprint, event profile and index keys of an article.
 *
 * @example
 * const print = printArticle({ title: '…', text: '…', publishedAt: '2021-12-08T10:37:25+08:00' });
 * print.keys.stored.length // 42 bands + paragraphs + exact + figures
 */
export function printArticle(
  input: Pick<ClusterInput, 'title' | 'text' | 'body_br' | 'publishedAt'>,
  options: Readonly<PrintOptions> = { fingerprint: DEFAULT_FINGERPRINT_OPTIONS, lsh: DEFAULT_LSH_OPTIONS, windowMs: 7 * DAY, eventWindowMs: 12 * HOUR },
): ArticlePrint {
  const text = textOf(input);
  const folded = foldParagraphs(text);
  const fingerprint = fingerprintFolded(text.trim() === '' ? foldParagraphs(input.title) : folded, options.fingerprint);
  const event = buildEventProfile(input.title, text, folded);
  const figureKeys = { bucketMs: options.windowMs, lookBackMs: options.windowMs, lookAheadMs: options.eventWindowMs };
  const keys = indexKeys(fingerprint, event, parseTime(input.publishedAt), options.lsh, figureKeys);
  return { fingerprint, event, keys };
}
