/**
 * The search contract the web UI, the JSON API, feeds and the CLI rely on. Field names of
 * {@link SearchHit} and {@link SearchResponse} are an interface (`GET /api/search` returns them).
 */

/** A search request. The query language: words, "quoted phrases", -excluded, outlet:KEY. */
export interface SearchOptions {
  /** The query as the user typed it. */
  q: string;
  /** Only this outlet (slug); combined with any `outlet:` in the query. */
  outlet?: string;
  /** Only this category (as the source gives it). */
  category?: string;
  /** Published on or after this day or instant (`2021-12-01` is read in Asia/Shanghai). */
  from?: string;
  /** Published on or before this day (inclusive, Asia/Shanghai) or instant. */
  to?: string;
  /** 1-based page of story groups. Default 1. */
  page?: number;
  /** Story groups per page. Default 20, at most 100. */
  pageSize?: number;
}

/** One result: the best-matching article of one story (or of a story-less article). */
export interface SearchHit {
  /** Story of the article; null when the article has not been clustered yet. */
  storyId: string | null;
  articleId: string;
  title: string;
  /** Outlet display name. */
  outlet: string;
  /** Outlet slug. */
  outletKey: string;
  /** ISO 8601 with offset, or null. */
  publishedAt: string | null;
  /** Safe HTML: text escaped, matched terms wrapped in `<mark>`; nothing else. */
  snippet: string;
  /** Relevance (higher is better), for debugging and ordering only. */
  score: number;
  /** Other matching articles of the same story (ids), best first. */
  alsoMatched: string[];
}

/** A facet value with how many matching story groups carry it. */
export interface SearchFacet {
  key: string;
  name: string;
  count: number;
}

/** A page of results, grouped by story. */
export interface SearchResponse {
  /** Matching story groups in all (before paging). */
  total: number;
  /**
   * True when `total` was counted exactly. A query matching more documents than the candidate
   * limit is ranked among its newest (and, when few enough match, its best) candidates only;
   * `total` is then an estimate (matches counted, capped, × groups per match among the
   * candidates) and this is false.
   */
  totalExact: boolean;
  page: number;
  pageSize: number;
  results: SearchHit[];
  facets: { outlets: SearchFacet[]; categories: SearchFacet[] };
}
