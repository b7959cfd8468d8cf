/**
 * A stored claim as both stores read it back: the `fact_claims` row joined to its article, its
 * subject and its story.
 *
 * Row shape (both backends, since the 'compact claim rows' step): one rowid row a claim, its id
 * `article_key × 65,536 + seq` (`fact_articles.article_key` is a small integer, so the claims of
 * an article are one id range and no TEXT article id is repeated in every row and index entry);
 * its subject by `fact_subjects.id`, where each (subject_key, subject) pair is stored once, the
 * subject as '' when it equals its key (most do); shape 'single' and kind 'level' (nearly every
 * claim) as ''; the fields that are rarely set in one JSON `detail` (NULL when none is).
 *
 * A claim's figure and sentence are cut from the article text by their positions (`start`/`end`,
 * `sentence_start`/`sentence_length`, UTF-16 units as JavaScript slices), from the version the
 * claims were read from: the article itself while its content hash is the one `fact_articles`
 * recorded, else that version in `article_revisions` (an article changed since, not extracted
 * again yet), or the article as it is when no version has that hash. Rows from before this step keep their figure text (`detail.text`) and, older still,
 * their copied sentence (`detail.sentence`, `sentence_length` NULL).
 */
import { StoreError } from '../util/errors.js';
import { storedText } from './packed-text.js';
import type { ClaimInput, StoredClaim } from './tables.js';

/** Claims an article may hold: the span of its ids. */
export const CLAIM_ID_SPAN = 65_536;

/** One row of the claims query ({@link CLAIM_COLUMNS}). */
export interface ClaimRow {
  article_id: string;
  seq: number;
  value: number;
  shape: string;
  unit: string;
  subject: string;
  subject_key: string;
  kind: string;
  /** JSON of {@link ClaimDetail}, or NULL. */
  detail: string | null;
  /** Length of the sentence in the article text; NULL when `detail.sentence` holds it. */
  sentence_length: number | null;
  start: number;
  end: number;
  sentence_start: number;
  story_id: string | null;
  published_at: string | null;
  outlet_key: string;
  title: string;
  /** The article's content hash now. */
  hash_now: string;
  /** The content hash the claims were read from. */
  hash_read: string;
}

/** The fields of a claim that are rarely set, stored together; absent when null. */
interface ClaimDetail {
  high?: number;
  direction?: string;
  baseline?: string;
  qualifier?: string;
  period?: string;
  deadline?: string;
  /** The figure as written (rows from before the step; newer ones cut it from the text). */
  text?: string;
  /** The sentence copied (rows from before `sentence_length`). */
  sentence?: string;
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
 * The `detail` of a claim: its rarely set fields as JSON, or null when none is set. The figure
 * text is kept too when its positions do not cut it from its sentence (then the reader checks it
 * against the article text, as for rows from before the step).
 */
export function storedDetail(c: ClaimInput): string | null {
  const detail: ClaimDetail = {};
  if (c.sentence.slice(c.start - c.sentenceStart, c.end - c.sentenceStart) !== c.text || c.start < c.sentenceStart) detail.text = c.text;
  if (c.high !== null) detail.high = c.high;
  if (c.direction !== null) detail.direction = c.direction;
  if (c.baseline !== null) detail.baseline = c.baseline;
  if (c.qualifier !== null) detail.qualifier = c.qualifier;
  if (c.period !== null) detail.period = c.period;
  if (c.deadline !== null) detail.deadline = c.deadline;
  return Object.keys(detail).length === 0 ? null : JSON.stringify(detail);
}

/** The id of claim `seq` of the article with key `articleKey`. */
export function claimId(articleKey: number, seq: number): number {
  if (seq >= CLAIM_ID_SPAN) throw new StoreError(`store: an article holds more than ${CLAIM_ID_SPAN} claims`);
  return articleKey * CLAIM_ID_SPAN + seq;
}

/**
 * SELECT list and FROM clause of the claims query (both backends): `c` the claim, `f` its
 * `fact_articles` row, `s` its subject, `a` the article, `m` its story membership. The article
 * join names both directions (key from id, id range from key) so either side can lead.
 */
export const CLAIM_COLUMNS = `f.article_id, CAST(c.id % ${CLAIM_ID_SPAN} AS integer) AS seq, c.value, c.shape, c.unit,
  CASE WHEN s.subject = '' THEN s.subject_key ELSE s.subject END AS subject, s.subject_key, c.kind, c.detail,
  c.sentence_length, c.start, c."end", c.sentence_start, m.story_id, a.published_at, a.outlet_key, a.title,
  a.content_hash AS hash_now, f.content_hash AS hash_read`;
export const CLAIM_SOURCES = `fact_claims c JOIN fact_articles f ON f.article_key = c.id / ${CLAIM_ID_SPAN}
    AND c.id BETWEEN f.article_key * ${CLAIM_ID_SPAN} AND f.article_key * ${CLAIM_ID_SPAN} + ${CLAIM_ID_SPAN - 1}
  JOIN fact_subjects s ON s.id = c.subject_id
  JOIN articles a ON a.id = f.article_id
  LEFT JOIN story_members m ON m.article_id = f.article_id`;
/** ORDER BY of the claims query: publication time, then article and position. */
export const CLAIM_ORDER = 'a.sort_ts, f.article_id, c.id';

/** SQL (both backends) for the texts of the articles that `idsCondition` picks. */
export const SENTENCE_SOURCE_SQL = (idsCondition: string): string => `SELECT a.id, a.text, a.body_br FROM articles a WHERE ${idsCondition}`;
/** SQL (both backends) for the stored versions of one article at one content hash (parameters: id, hash). */
export const REVISION_SOURCE_SQL = (id: string, hash: string): string =>
  `SELECT article_json, article_json_br FROM article_revisions WHERE article_id = ${id} AND content_hash = ${hash}`;

/** The text of a stored version (`article_revisions` row: the article as JSON, plain or packed). */
export function articleTextOf(row: { article_json: string; article_json_br: Uint8Array | null }): string {
  const article = JSON.parse(storedText(row.article_json, row.article_json_br)) as { text?: unknown };
  return typeof article.text === 'string' ? article.text : '';
}

/** Which texts the rows are cut from: articles as they are now, and earlier versions (article id, hash). */
export function sourcesOf(rows: readonly ClaimRow[]): { current: string[]; versions: [string, string][] } {
  const current = new Set<string>();
  const versions = new Map<string, [string, string]>();
  for (const r of rows) {
    current.add(r.article_id);
    if (r.hash_now !== r.hash_read) versions.set(versionKey(r.article_id, r.hash_read), [r.article_id, r.hash_read]);
  }
  return { current: [...current], versions: [...versions.values()] };
}

/** Key of an article version in the `versions` map of {@link toStoredClaims}. */
export const versionKey = (articleId: string, hash: string): string => `${articleId}\u0000${hash}`;

/** The texts a claim is cut from: current article texts by id, earlier versions by {@link versionKey}. */
export interface ClaimSources {
  current: ReadonlyMap<string, string>;
  versions: ReadonlyMap<string, string>;
}

/**
 * A row's figure and sentence. From the text version the claims were read from; rows from before
 * the step keep their figure, and their sentence is cut only where the text still holds the
 * figure (else the figure is all the sentence shown), as before.
 */
function textsOf(r: ClaimRow, detail: ClaimDetail, sources: ClaimSources): { text: string; sentence: string } {
  const version = r.hash_now === r.hash_read ? undefined : sources.versions.get(versionKey(r.article_id, r.hash_read));
  const source = version ?? sources.current.get(r.article_id);
  const from = r.sentence_start;
  const to = from + (r.sentence_length ?? 0);
  if (detail.text === undefined && r.sentence_length !== null) {
    if (source === undefined) return { text: '', sentence: '' };
    return { text: source.slice(r.start, r.end), sentence: source.slice(from, to) };
  }
  const text = detail.text ?? '';
  if (r.sentence_length === null) return { text, sentence: detail.sentence ?? '' };
  const holds = source !== undefined && from <= r.start && r.end <= to && source.slice(r.start, r.end) === text;
  return { text, sentence: holds ? source.slice(from, to) : text };
}

/** The claims of rows, cut from `sources` (see {@link sourcesOf}). */
export const toStoredClaims = (rows: readonly ClaimRow[], sources: ClaimSources): StoredClaim[] =>
  rows.map((r) => {
    const detail = r.detail === null ? {} : (JSON.parse(r.detail) as ClaimDetail);
    return toStoredClaim(r, detail, textsOf(r, detail, sources));
  });

/** The claim of a row. */
const toStoredClaim = (r: ClaimRow, d: ClaimDetail, texts: { text: string; sentence: string }): StoredClaim => ({
  articleId: r.article_id,
  seq: r.seq,
  value: r.value,
  high: d.high ?? null,
  shape: r.shape === '' ? DEFAULT_SHAPE : r.shape,
  unit: r.unit,
  subject: r.subject,
  subjectKey: r.subject_key,
  kind: r.kind === '' ? DEFAULT_KIND : r.kind,
  direction: d.direction ?? null,
  baseline: d.baseline ?? null,
  qualifier: d.qualifier ?? null,
  period: d.period ?? null,
  deadline: d.deadline ?? null,
  text: texts.text,
  sentence: texts.sentence,
  start: r.start,
  end: r.end,
  sentenceStart: r.sentence_start,
  storyId: r.story_id,
  publishedAt: r.published_at,
  outletKey: r.outlet_key,
  title: r.title,
});
