/** A stored claim as both stores read it back: the `fact_claims` row joined to its article and story. */
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
  sentence: string;
  start: number;
  end: number;
  sentence_start: number;
  story_id: string | null;
  published_at: string | null;
  outlet_key: string;
  title: string;
}

/** The claim of a row. */
export const toStoredClaim = (r: ClaimRow): StoredClaim => ({
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
  sentence: r.sentence,
  start: r.start,
  end: r.end,
  sentenceStart: r.sentence_start,
  storyId: r.story_id,
  publishedAt: r.published_at,
  outletKey: r.outlet_key,
  title: r.title,
});
