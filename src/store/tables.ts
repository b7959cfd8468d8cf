/**
 * The derived tables every store keeps beside its articles: stories (clustering state and the
 * candidate index), the search index and the numeric claims. One interface per part, implemented
 * by the SQLite store (better-sqlite3, answers synchronously) and the PostgreSQL store (pg).
 * Callers await every method; only the clusterer's in-memory index stays synchronous.
 */
import type { LshIndex } from '../stories/lsh.js';
import type { StoryRepository, StoryState } from '../stories/story-state.js';
import type { ExpressionFilters } from '../search/fts-expression.js';
import type { ParsedQuery } from '../search/query-parse.js';

// ── stories ────────────────────────────────────────────────────────────────────────────────

/** An article waiting to be clustered: the columns the clusterer reads. */
export interface PendingArticleRow {
  id: string;
  sort_ts: number;
  title: string;
  /** The text (read it with packed-text.ts `textOf`): in `body_br`, still packed, or here for older rows. */
  text: string;
  body_br: Uint8Array | null;
  published_at: string | null;
  outlet_key: string;
  /** JSON of `Article.provenance`. */
  provenance: string;
}

/** Keyset position in (sort_ts, id) order. */
export interface PendingCursor {
  ts: number;
  id: string;
}

/** The candidate index of a store: the clusterer's {@link LshIndex} plus what the store needs. */
export interface StoreLshIndex extends LshIndex {
  /** Drop the in-memory copy; the next use reads the table again (after a rollback). */
  invalidate(): void;
}

/** The story tables of one store. */
export interface StoryTables {
  /** Story state for the clusterer. */
  readonly repository: StoryRepository;
  /** Candidate index for the clusterer (in memory, persisted by the store). */
  readonly index: StoreLshIndex;
  /**
   * Hold the right to cluster until the returned release is called. Clustering reads and
   * writes story state across many transactions and keeps the candidate index in memory, so
   * two clusterers on one database would split stories: on PostgreSQL, where several workers
   * share a database, this takes an advisory lock (waiting for the holder) and brings the
   * in-memory index up to date with what other workers clustered; on SQLite (one process
   * clusters at a time) nothing is locked. On both it then prepares what is pending: the
   * stories of articles whose text changed are dissolved (those articles cluster again, after
   * the others), and articles stored late re-open the stories they could change
   * (src/store/rewind-plan.ts).
   */
  lockClustering(): Promise<() => Promise<void>>;
  /**
   * Run `fn` in one transaction. When it fails, the index's in-memory copy is dropped so it
   * cannot keep keys the rollback removed from the table.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Clustered articles whose content changed since (current hash ≠ hash at clustering), by id. */
  changedArticleIds(): Promise<string[]>;
  /**
   * Dissolve the stories these articles belong to: every member becomes pending again, links to
   * the dissolved stories are removed and the index keys of the changed and released articles
   * are deleted. Returns how many articles were released.
   */
  dissolveStoriesOf(articleIds: readonly string[]): Promise<number>;
  /** Up to `limit` unclustered articles after `cursor`, in (sort_ts, id) order. */
  pendingAfter(cursor: PendingCursor | null, limit: number): Promise<PendingArticleRow[]>;
  /** Number of articles not clustered yet. */
  countPending(): Promise<number>;
  /** Number of stories. */
  countStories(): Promise<number>;
  /** Number of clustered articles. */
  countMembers(): Promise<number>;
  /** The newest stories first (by first seen; undated last, then id descending). */
  listStories(limit: number): Promise<StoryState[]>;
  /** Up to `limit` stories after a position, in {@link listStories} order (keyset paging). */
  listStoriesAfter(after: StoryListPosition, limit: number): Promise<StoryState[]>;
  /** One story by id. */
  getStory(id: string): Promise<StoryState | undefined>;
  /** Delete every story, membership and index key (before a full recluster). */
  wipe(): Promise<void>;
}

/** A position in the story list: a story's first seen time (epoch ms, null when undated) and id. */
export interface StoryListPosition {
  ms: number | null;
  id: string;
}

// ── search ─────────────────────────────────────────────────────────────────────────────────

/**
 * Search rowids encode the publication second (rowid = sort_ts × this + n), so "newest first"
 * and date ranges are rowid order and rowid ranges on both backends.
 */
export const ROWIDS_PER_SECOND = 65_536;

/** An article the indexer reads, with what the index holds for it (if anything). */
export interface SearchSourceRow {
  id: string;
  title: string;
  /**
   * The article's text (read it with packed-text.ts `textOf`): in `body_br`, still packed, or
   * here for rows stored before bodies were packed. Both empty when the index already holds
   * this content (`doc_hash` equals `content_hash`): such rows are only passed over, and
   * decompressing them was half of what a worker's search step cost (it looks again at the last
   * minute of changes every run).
   */
  text: string;
  body_br: Uint8Array | null;
  outlet_key: string;
  /** JSON array. */
  categories: string;
  sort_ts: number;
  content_hash: string;
  updated_at: string;
  /** The article's current rowid in the index; null when not indexed. */
  doc_rowid: number | null;
  doc_hash: string | null;
}

/** The segmented columns of one document, space-separated tokens. */
export interface SearchDocument {
  /** Character grams of the title (grams.ts). */
  title: string;
  /** Character grams of the text. */
  body: string;
  /** jieba words of the title (segment.ts). */
  titleWords: string;
  /** jieba words of the text. */
  bodyWords: string;
  /** Filter tokens: outlet and categories (fts-expression.ts). */
  meta: string;
}

/** A matching document as the query returns it, with its story at query time. */
export interface SearchCandidateRow {
  rowid: number;
  /** Relevance as a cost: lower is better (FTS5's BM25; the negated rank on PostgreSQL). */
  bm25: number;
  article_id: string;
  outlet_key: string;
  categories: string;
  story_id: string | null;
}

/** The article columns a result shows. */
export interface SearchHitRow {
  id: string;
  title: string;
  text: string;
  outlet: string;
  outlet_key: string;
  published_at: string | null;
}

/** A query compiled for one backend (an FTS5 expression, a tsquery …); opaque to callers. */
export type CompiledMatch = { readonly backend: string };

/** The search index of one store. */
export interface SearchTables {
  /** The backend's form of a parsed query, or null when it has no positive searchable term. */
  compile(query: ParsedQuery, filters?: ExpressionFilters): CompiledMatch | null;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** `updated_at` of the last article indexed ('' before the first run). */
  watermark(): Promise<string>;
  setWatermark(updatedAt: string): Promise<void>;
  /** Articles with (updated_at, id) after the cursor, in that order, with their indexed hash. */
  changedAfter(cursor: { updatedAt: string; id: string }, limit: number): Promise<SearchSourceRow[]>;
  countChangedSince(updatedAt: string): Promise<number>;
  countDocuments(): Promise<number>;
  /** Write (or replace) the document of one article. */
  put(row: Pick<SearchSourceRow, 'id' | 'sort_ts' | 'content_hash' | 'outlet_key' | 'categories' | 'doc_rowid'>, doc: SearchDocument): Promise<void>;
  remove(rowid: number): Promise<void>;
  /** Empty the index (before a rebuild). */
  wipe(): Promise<void>;
  /** Compact the index after a rebuild. */
  optimize(): Promise<void>;
  /** Up to `limit` matches in rowid range [lo, hi], best first. */
  bestMatches(match: CompiledMatch, lo: number, hi: number, limit: number): Promise<SearchCandidateRow[]>;
  /** Up to `limit` matches in rowid range [lo, hi], newest first. */
  newestMatches(match: CompiledMatch, lo: number, hi: number, limit: number): Promise<SearchCandidateRow[]>;
  /** Matches in range, counting stops at `limit`. */
  countMatches(match: CompiledMatch, lo: number, hi: number, limit: number): Promise<number>;
  hitRow(articleId: string): Promise<SearchHitRow | undefined>;
  /** Display name of an outlet key, from its newest article. */
  outletName(key: string): Promise<string | undefined>;
}

// ── facts ──────────────────────────────────────────────────────────────────────────────────

/** A claim as written to the store (the facts stage's `Claim` plus its normalised subject). */
export interface ClaimInput {
  value: number;
  high: number | null;
  shape: string;
  unit: string;
  subject: string;
  subjectKey: string;
  kind: string;
  /** up | down | flat for a change, else null (the value of a fall is negative). */
  direction: string | null;
  /** yoy | mom | vs-year | two-year-avg | vs-target, or null. */
  baseline: string | null;
  qualifier: string | null;
  period: string | null;
  deadline: string | null;
  text: string;
  sentence: string;
  start: number;
  end: number;
  sentenceStart: number;
}

/** A stored claim with where it comes from. */
export interface StoredClaim extends ClaimInput {
  articleId: string;
  seq: number;
  /** The story of the article, null when it is not clustered yet. */
  storyId: string | null;
  publishedAt: string | null;
  outletKey: string;
  title: string;
}

/** An article whose claims are missing or stale. */
export interface FactsPendingRow {
  id: string;
  /** The text (read it with packed-text.ts `textOf`): in `body_br`, still packed, or here for older rows. */
  text: string;
  body_br: Uint8Array | null;
  published_at: string | null;
  content_hash: string;
  updated_at: string;
}

/** Filters of {@link FactsTables.listClaims}. */
export interface ClaimQuery {
  /** Only claims of these articles. */
  articleIds?: readonly string[];
  /** Only claims of articles in this story. */
  storyId?: string;
  /** Only claims whose subject or normalised subject contains this text. */
  subjectContains?: string;
  /** Only claims with exactly this normalised subject. */
  subjectKey?: string;
  /** Only this kind. */
  kind?: string;
  /** At most this many (default 10,000). */
  limit?: number;
}

/** The numeric claims of one store. */
export interface FactsTables {
  /** Up to `limit` articles after `afterId` (by id) whose claims are missing or stale. */
  pendingAfter(afterId: string, limit: number): Promise<FactsPendingRow[]>;
  /**
   * The same among the articles changed at or after `since` (an `updated_at`), in (updated_at, id)
   * order after `cursor`: what changed lately, found through the articles' updated_at index.
   */
  pendingChangedAfter(since: string, cursor: { updatedAt: string; id: string } | null, limit: number): Promise<FactsPendingRow[]>;
  /** Articles whose claims are missing or stale, among those changed at or after `since` ('' or none: all). */
  countPending(since?: string): Promise<number>;
  /** The newest `updated_at` of any article ('' when there is none). */
  newestChange(): Promise<string>;
  /** The `updated_at` every article's claims were current up to when the last complete run began ('' before one). */
  watermark(): Promise<string>;
  setWatermark(updatedAt: string): Promise<void>;
  countClaims(): Promise<number>;
  /** Replace the claims of each article (in one transaction) and record the hash they were read from. */
  replaceClaims(batch: readonly { articleId: string; contentHash: string; claims: readonly ClaimInput[] }[]): Promise<void>;
  /** Delete every claim (before a rebuild). */
  wipe(): Promise<void>;
  /** Claims by the filters, ordered by publication time then article and position. */
  listClaims(query?: ClaimQuery): Promise<StoredClaim[]>;
}
