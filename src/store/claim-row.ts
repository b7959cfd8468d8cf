/**
 * A stored claim as both stores read it back: the `fact_claims` row joined to its article and story.
 * Claims written since the `sentence_length` column point at their sentence in the article text
 * (`sentence_start`, `sentence_length`, UTF-16 units as JavaScript slices) instead of copying it;
 * older rows keep the copy in `sentence` and `sentence_length` NULL.
 *
 * Row shape (both backends, since the 'compact claim rows' step): a claim names its article by
 * `fact_articles.article_key`, a small integer, and its subject by `fact_subjects.id`, where each
 * (subject_key, subject) pair is stored once, the subject as '' when it equals its key (most do).
 * The most common shape and kind ('single', 'level') are stored as ''. The claims query below
 * gives back the columns under their old names, so a row reads as it always did.
 */
import type { StoredClaim } from './tables.js';

/** One row of the claims query ({@link CLAIM_COLUMNS}). */
export interface ClaimRow {
  article_id: string;
  seq: number;
  value: number;
  high: number | null;
  shape: string;
  unit: string;
  subject: string;
  subject_key: string;
  kind: string;
  direction: string | null;
  baseline: string | null;
  qualifier: string | null;
  period: string | null;
  deadline: string | null;
  text: string;
  /** The sentence copied (rows from before `sentence_length`), else empty. */
  sentence: string;
  /** Length of the sentence in the article text; NULL when `sentence` holds it. */
  sentence_length: number | null;
  start: number;
  end: number;
  sentence_start: number;
  story_id: string | null;
  published_at: string | null;
  outlet_key: string;
  title: string;
}

/** Shape and kind that are stored as '' (nearly every claim is a single level). */
const DEFAULT_SHAPE = 'single';
const DEFAULT_KIND = 'level';

/** The stored form of a shape. */
export const storedShape = (shape: string): string => (shape === DEFAULT_SHAPE ? '' : shape);
/** The stored form of a kind (also what a kind filter compares with). */
export const storedKind = (kind: string): string => (kind === DEFAULT_KIND ? '' : kind);
/** The stored form of a subject: '' when it equals its key. */
export const storedSubject = (c: { subject: string; subjectKey: string }): string => (c.subject === c.subjectKey ? '' : c.subject);

/**
 * SELECT list and FROM clause of the claims query (both backends): `c` the claim, `f` its
 * `fact_articles` row, `s` its subject, `a` the article, `m` its story membership.
 */
export const CLAIM_COLUMNS = `f.article_id, c.seq, c.value, c.high, c.shape, c.unit,
  CASE WHEN s.subject = '' THEN s.subject_key ELSE s.subject END AS subject, s.subject_key, c.kind, c.direction,
  c.baseline, c.qualifier, c.period, c.deadline, c.text, c.sentence, c.sentence_length, c.start, c."end",
  c.sentence_start, m.story_id, a.published_at, a.outlet_key, a.title`;
export const CLAIM_SOURCES = `fact_claims c JOIN fact_articles f ON f.article_key = c.article_key
  JOIN fact_subjects s ON s.id = c.subject_id
  JOIN articles a ON a.id = f.article_id
  LEFT JOIN story_members m ON m.article_id = f.article_id`;
/** ORDER BY of the claims query: publication time, then article and position. */
export const CLAIM_ORDER = 'a.sort_ts, f.article_id, c.seq';

/** The stored form of a claim's sentence: its length when it is cut from the article text. */
export const storedSentence = (c: { sentence: string }): { sentence: string; sentence_length: number } => ({
  sentence: '',
  sentence_length: c.sentence.length,
});

/** Articles whose text the sentences of `rows` are cut from. */
export const articlesToCutFrom = (rows: readonly ClaimRow[]): string[] => [
  ...new Set(rows.filter((r) => r.sentence_length !== null).map((r) => r.article_id)),
];

/** SQL (both backends) for the texts of the articles that `idsCondition` picks. */
export const SENTENCE_SOURCE_SQL = (idsCondition: string): string => `SELECT a.id, a.text, a.body_br FROM articles a WHERE ${idsCondition}`;

/**
 * A row's sentence: the copy, or the cut from its article's text (`texts`). An article changed
 * since its claims were extracted (the next derive run extracts them again) may no longer hold
 * the claim's figure where the claim says: then the figure is all the sentence shown.
 */
function sentenceOf(r: ClaimRow, texts: ReadonlyMap<string, string>): string {
  if (r.sentence_length === null) return r.sentence;
  const text = texts.get(r.article_id);
  const from = r.sentence_start;
  const to = from + r.sentence_length;
  const holds = text !== undefined && from <= r.start && r.end <= to && text.slice(r.start, r.end) === r.text;
  return holds ? text.slice(from, to) : r.text;
}

/** The claims of rows, sentences cut from `texts` (see {@link articlesToCutFrom}). */
export const toStoredClaims = (rows: readonly ClaimRow[], texts: ReadonlyMap<string, string>): StoredClaim[] =>
  rows.map((r) => toStoredClaim(r, sentenceOf(r, texts)));

/** The claim of a row. */
const toStoredClaim = (r: ClaimRow, sentence: string): StoredClaim => ({
  articleId: r.article_id,
  seq: r.seq,
  value: r.value,
  high: r.high,
  shape: r.shape === '' ? DEFAULT_SHAPE : r.shape,
  unit: r.unit,
  subject: r.subject,
  subjectKey: r.subject_key,
  kind: r.kind === '' ? DEFAULT_KIND : r.kind,
  direction: r.direction,
  baseline: r.baseline,
  qualifier: r.qualifier,
  period: r.period,
  deadline: r.deadline,
  text: r.text,
  sentence,
  start: r.start,
  end: r.end,
  sentenceStart: r.sentence_start,
  storyId: r.story_id,
  publishedAt: r.published_at,
  outletKey: r.outlet_key,
  title: r.title,
});
