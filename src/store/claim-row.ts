/**
 * A stored claim as both stores read it back: the `fact_claims` row joined to its article and story.
 * Claims written since the `sentence_length` column point at their sentence in the article text
 * (`sentence_start`, `sentence_length`, UTF-16 units as JavaScript slices) instead of copying it;
 * older rows keep the copy in `sentence` and `sentence_length` NULL.
 */
import type { StoredClaim } from './tables.js';

/** One row of the claims query (`fact_claims.*`, `story_members.story_id`, article columns). */
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
  shape: r.shape,
  unit: r.unit,
  subject: r.subject,
  subjectKey: r.subject_key,
  kind: r.kind,
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
