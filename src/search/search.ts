/**
 * Runs a search: the query is parsed (query-parse.ts) and compiled by the store's index (an FTS5
 * expression on SQLite, a tsquery on PostgreSQL); the matching documents are scored by relevance
 * (FTS5's BM25 or ts_rank, title weighted ×5) times a recency factor, grouped by the story each
 * belongs to NOW (story_members is read at query time), and the page of groups gets its snippets
 * from the article text.
 *
 * Cost is bounded for common terms: FTS5 walks its posting lists from the newest rowid and stops
 * after `candidateLimit` matches; only when fewer than `countLimit` (1000) match in all are they
 * ranked by BM25 as a whole (the best `candidateLimit` join the newest). So a query matching
 * 100 000 documents is ranked among its newest 400 matches, and its `total` is an estimate: the
 * matches counted (at most `countLimit`, so a lower bound) times the groups per match among the
 * candidates, with `totalExact` false.
 */
import type { Store } from '../store/store.js';
import { ROWIDS_PER_SECOND, type SearchCandidateRow } from '../store/tables.js';
import { UsageError } from '../util/errors.js';
import { rowidRange } from './date-range.js';
import { parseQuery } from './query-parse.js';
import { makeSnippet } from './snippet.js';
import type { SearchFacet, SearchHit, SearchOptions, SearchResponse } from './types.js';

/** Tuning of {@link searchArticles}; the defaults suit an archive of a million articles. */
export interface SearchTuning {
  /** "Now" for the recency factor. Default: the current time. */
  now?: Date;
  /** Newest matches scored per query (more for deep pages: 2 × page × pageSize, up to 5000). Default 400. */
  candidateLimit?: number;
  /**
   * Matches counted at most (the count stops early). When fewer match, all of them are ranked by
   * BM25 and the best `candidateLimit` join the newest; `total` is exact once every match is a
   * candidate. Default 1000.
   */
  countLimit?: number;
}

/** Weight of the recency bonus: a document published now scores up to this much more (×1.5). */
const RECENCY_WEIGHT = 0.5;
/** Half-life of the recency bonus, in days. */
const RECENCY_HALF_LIFE_DAYS = 30;
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
/** Candidates scored at most, however deep the page. */
const MAX_CANDIDATES = 5000;

interface Scored extends SearchCandidateRow {
  score: number;
}

interface Group {
  key: string;
  storyId: string | null;
  members: Scored[];
}

function checkPaging(options: SearchOptions): { page: number; pageSize: number } {
  const page = options.page ?? 1;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(page) || page < 1) throw new UsageError(`search: page must be a whole number ≥ 1, not ${page}`);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new UsageError(`search: pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}, not ${pageSize}`);
  }
  return { page, pageSize };
}

/** Recency factor of a rowid (publication time) relative to `nowSec`: 1 … 1 + RECENCY_WEIGHT. */
export function recencyFactor(rowid: number, nowSec: number): number {
  const ageDays = Math.max(0, nowSec - Math.floor(rowid / ROWIDS_PER_SECOND)) / 86_400;
  return 1 + RECENCY_WEIGHT * 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS);
}

function groupByStory(rows: readonly Scored[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const key = row.story_id ?? `article:${row.article_id}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { key, storyId: row.story_id, members: [] };
      groups.set(key, g);
    }
    g.members.push(row);
  }
  const byScore = (a: Scored, b: Scored): number => b.score - a.score || b.rowid - a.rowid || (a.article_id < b.article_id ? -1 : 1);
  const list = [...groups.values()];
  for (const g of list) g.members.sort(byScore);
  return list.sort((a, b) => byScore(a.members[0] as Scored, b.members[0] as Scored));
}

function facetCounts(groups: readonly Group[], valuesOf: (row: Scored) => string[], nameOf: (key: string) => string): SearchFacet[] {
  const counts = new Map<string, number>();
  for (const g of groups) {
    for (const v of new Set(g.members.flatMap(valuesOf))) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([key, count]) => ({ key, name: nameOf(key), count }));
}

const categoriesOf = (row: Scored): string[] => {
  const v: unknown = JSON.parse(row.categories);
  return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
};

/**
 * Search the archive.
 *
 * @example
 * const res = await searchArticles(store, { q: '碳达峰 -光伏', from: '2021-12-01' });
 * res.results[0]?.snippet; // '…推动<mark>碳达峰</mark>…'
 */
export async function searchArticles(store: Store, options: SearchOptions, tuning: SearchTuning = {}): Promise<SearchResponse> {
  const { page, pageSize } = checkPaging(options);
  const empty: SearchResponse = { total: 0, totalExact: true, page, pageSize, results: [], facets: { outlets: [], categories: [] } };
  const { lo, hi } = rowidRange(options.from, options.to);
  const parsed = parseQuery(options.q);
  const tables = store.search();
  const match = tables.compile(parsed, {
    ...(options.outlet ? { outlet: options.outlet } : {}),
    ...(options.category ? { category: options.category } : {}),
  });
  if (match === null) return empty;
  // Deeper pages need more candidates: twice the groups up to the page asked for.
  const limit = Math.min(MAX_CANDIDATES, Math.max(tuning.candidateLimit ?? 400, 2 * page * pageSize));

  let rows = await tables.newestMatches(match, lo, hi, limit);
  let matched = rows.length;
  if (rows.length === limit) {
    const countLimit = Math.max(tuning.countLimit ?? 1000, limit);
    matched = await tables.countMatches(match, lo, hi, countLimit);
    if (matched < countLimit) {
      const seen = new Set(rows.map((r) => r.rowid));
      rows = [...rows, ...(await tables.bestMatches(match, lo, hi, limit)).filter((r) => !seen.has(r.rowid))];
    }
  }
  const exact = matched === rows.length;
  const nowSec = Math.floor((tuning.now ?? new Date()).getTime() / 1000);
  const scored: Scored[] = rows.map((r) => ({ ...r, score: -r.bm25 * recencyFactor(r.rowid, nowSec) }));
  const groups = groupByStory(scored);
  const estimate = Math.round((matched * groups.length) / Math.max(1, scored.length));
  const total = exact ? groups.length : Math.max(groups.length, estimate);

  const terms = parsed.terms.flatMap((t) => t.text.split(/\s+/)).filter((t) => t !== '');
  const results: SearchHit[] = [];
  const shown = groups.slice((page - 1) * pageSize, page * pageSize);
  // Read concurrently: one round trip's latency for the page on PostgreSQL, not one per hit.
  const hitRows = await Promise.all(shown.map((g) => tables.hitRow((g.members[0] as Scored).article_id)));
  for (const [i, g] of shown.entries()) {
    const best = g.members[0] as Scored;
    const row = hitRows[i];
    if (row === undefined) continue;
    results.push({
      storyId: g.storyId,
      articleId: row.id,
      title: row.title,
      outlet: row.outlet,
      outletKey: row.outlet_key,
      publishedAt: row.published_at,
      snippet: makeSnippet(row.text, terms),
      score: Number(best.score.toFixed(4)),
      alsoMatched: g.members.slice(1).map((m) => m.article_id),
    });
  }
  const outletKeys = [...new Set(groups.flatMap((g) => g.members.map((m) => m.outlet_key)))];
  const names = await Promise.all(outletKeys.map((key) => tables.outletName(key)));
  const outletNames = new Map(outletKeys.map((key, i) => [key, names[i] ?? key]));
  const outletName = (key: string): string => outletNames.get(key) ?? key;
  return {
    total,
    totalExact: exact,
    page,
    pageSize,
    results,
    facets: {
      outlets: facetCounts(groups, (r) => [r.outlet_key], outletName),
      categories: facetCounts(groups, categoriesOf, (k) => k),
    },
  };
}
