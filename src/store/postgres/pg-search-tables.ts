/**
 * The search tables on PostgreSQL: their migration and {@link PgSearchTables}, the same contract
 * as the SQLite FTS5 index (src/store/sqlite/search-tables.ts) with core PostgreSQL only.
 *
 * `search_docs` holds one row per indexed article: the rowid (the article's time,
 * `sort_ts × 65536 + n`, allocated per second as on SQLite, so newest-first and date ranges are
 * rowid order and rowid ranges), the content hash that was indexed, the filter columns, and the
 * document as a `tsvector` built from our own segmentation (pg-tsvector.ts) under a GIN index.
 * Queries are tsquery literals (src/search/tsquery-expression.ts) passed as parameters. Relevance is the negated
 * sum over the query's terms of `ts_rank` with the title weighted ×5 against the body (the
 * FTS5 column weights) and a length normalisation, so lower is better as BM25 is and search.ts
 * runs unchanged. ts_rank has no IDF (every term of a query weighs the same; all of them must
 * match anyway). Story membership is joined when a query runs, as on SQLite.
 *
 * `newestMatches` picks the newest matches by rowid first and ranks only those: when the query's
 * rarest term is common, windows of the primary key from the newest end, each intersected with
 * the GIN bitmap (cost ∝ window, not ∝ matches); otherwise every match from the bitmap. Either way only the
 * tsvectors of the candidates it ranks are read.
 *
 * Several workers may index at once: every write transaction takes one advisory lock first, so
 * writers of the index take turns (no rowid race, no deadlock between seconds), `article_id` is
 * unique and a put replaces whatever row the article has now, and the watermark only moves
 * forward.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import type { ExpressionFilters } from '../../search/fts-expression.js';
import type { ParsedQuery } from '../../search/query-parse.js';
import { StoreError } from '../../util/errors.js';
import type {
  CompiledMatch,
  SearchCandidateRow,
  SearchDocument,
  SearchHitRow,
  SearchSourceRow,
  SearchTables,
} from '../tables.js';
import type { PgMigration } from './migrations.js';
import { withPgTransaction, type PgQueryable } from './pg-pool.js';
import { buildTsquery, type PgTsquery } from '../../search/tsquery-expression.js';
import { writePuts, type PendingPut } from './pg-search-writes.js';
import { tsvectorLiteral } from './pg-tsvector.js';
import { withText } from '../packed-text.js';

/** Step: the search documents, their GIN index and the indexer's state. */
export const searchPgMigration: PgMigration = {
  name: 'search index (tsvector + GIN) and its state',
  sql: `
    CREATE TABLE search_docs (
      rowid          bigint PRIMARY KEY,
      article_id     text NOT NULL UNIQUE,
      content_hash   text NOT NULL,
      outlet_key     text NOT NULL,
      -- JSON array, as articles.categories
      categories     text NOT NULL,
      tsv            tsvector NOT NULL
    );
    CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv);

    CREATE TABLE search_state (
      key            text PRIMARY KEY,
      value          text NOT NULL
    );

    -- The indexer's "what changed since last time" scan.
    CREATE INDEX IF NOT EXISTS articles_by_updated ON articles (updated_at, id);
  `,
};

/**
 * Step: statistics on 10,000 lexemes of the search documents instead of 1,000, so the planner's
 * estimate of a term's matches (which picks how `newestMatches` finds the newest ones) holds for
 * terms in 0.1 % of the documents, not only the commonest. Takes effect at the next ANALYZE.
 */
export const searchStatisticsPgMigration: PgMigration = {
  name: 'search documents: tsvector statistics target 1000',
  sql: `ALTER TABLE search_docs ALTER COLUMN tsv SET STATISTICS 1000;`,
};

/**
 * ts_rank weights of the classes {D, C, B, A}: body grams and words D, filter lexemes B (no
 * relevance), title grams and words A: ×5 the body, as the FTS5 column weights (5, 1, 5, 1, 0).
 */
export const PG_RANK_WEIGHTS = [0.2, 0, 0, 1] as const;
/**
 * ts_rank normalisation: 1 divides by 1 + log(document length), a milder form of BM25's length
 * normalisation (a term in a short article counts more than in a long one). On the corpus, the
 * top 10 results of the bench queries are 99.5 % the same as with SQLite's BM25.
 */
export const PG_RANK_NORMALIZATION = 1;

const WATERMARK = 'indexed_updated_at';
/**
 * `newestMatches`: what reading one match from the GIN bitmap costs (a heap row with its inline
 * tsvector) in rows of a primary-key window (an index entry and a bitmap bit); measured at 1 M.
 */
const ROW_READS_PER_MATCH = 7;
/**
 * The first window holds this many times the matches wanted at the estimated density, and a
 * window that held too few is followed by one at least this many times larger. Each window
 * scans the GIN entries of the query again (10–20 ms for a prefix or several common words), but
 * reads every match inside it: at 1 M, margins of 4 and ×8 were three times slower than these.
 */
const FIRST_WINDOW_MARGIN = 1.5;
const WINDOW_GROWTH = 4;
/** How long a count seen by `newestMatches` answers `countMatches` for the same query. */
const COUNT_REUSE_MS = 2_000;
/** Buffered puts written in one statement. */
const PUT_BATCH = 200;

/** The state of one transaction: its client, whether it holds the writers' lock, its buffered puts. */
interface TxState {
  client: pg.PoolClient;
  locked: boolean;
  pending: Map<string, PendingPut>;
}
/** Advisory lock (two-key form) that index writers take in turn: 'cxns', 1. */
const WRITE_LOCK = [0x63786e73, 1] as const;

/** A tsquery with its terms, and how they are ranked. */
interface PgMatch extends CompiledMatch, PgTsquery {
  readonly backend: 'postgres';
  readonly rank: RankPlan;
}

function matchOf(match: CompiledMatch): PgMatch {
  if (match.backend !== 'postgres') throw new StoreError(`search: a ${match.backend} query cannot run on PostgreSQL`);
  return match as PgMatch;
}

/**
 * How a query's relevance is computed: `ts_rank` of each tsquery in `queries` times its factor,
 * summed. The relevance is the sum of each term's own ts_rank, but each ts_rank call reads (and
 * detoasts) the whole document again, ~35 KB for a long article: so the terms that are one lexeme
 * (or one prefix) are ranked together by ONE call of their OR, times their number. ts_rank of an
 * OR is the mean of its distinct lexemes' ranks (calc_rank_or), and the length normalisation
 * divides that mean, so this is the same sum (to float rounding, ~1e-7). A phrase (ranked by
 * calc_rank_and, by proximity) and a repeated term keep their own call.
 */
interface RankPlan {
  queries: string[];
  factors: number[];
}

export function rankPlan(terms: readonly string[]): RankPlan {
  const single = [...new Set(terms.filter((t) => !t.startsWith('(')))];
  const queries: string[] = [];
  const factors: number[] = [];
  if (single.length > 0) {
    queries.push(single.join(' | '));
    factors.push(single.length);
  }
  const rest = [...terms];
  for (const t of single) rest.splice(rest.indexOf(t), 1);
  for (const t of rest) {
    queries.push(t);
    factors.push(1);
  }
  return { queries, factors };
}

/** The relevance (higher is better) of `alias.tsv`, for the rank queries from parameter `first` on. */
function rankSql(alias: string, plan: RankPlan, first: number): string {
  const parts = plan.factors.map(
    (f, i) => `${f === 1 ? '' : `${f} * `}ts_rank('{${PG_RANK_WEIGHTS.join(',')}}'::float4[], ${alias}.tsv, $${first + i}::tsquery, ${PG_RANK_NORMALIZATION})`,
  );
  return `(${parts.join(' + ')})`;
}

interface CandidateDbRow {
  rowid: number | string;
  rank: number;
  article_id: string;
  outlet_key: string;
  categories: string;
  story_id: string | null;
}

/** The result columns of chosen rows `p` (rowid), joined with their document and story. */
const CHOSEN_COLUMNS = (plan: RankPlan, first: number): string =>
  `d.rowid, ${rankSql('d', plan, first)} AS rank, d.article_id, d.outlet_key, d.categories, s.story_id`;
const CHOSEN_JOIN = 'JOIN search_docs d ON d.rowid = p.rowid LEFT JOIN story_members s ON s.article_id = d.article_id';

/** A node of an EXPLAIN (FORMAT JSON) plan. */
interface PlanNode {
  'Plan Rows': number;
  Plans?: PlanNode[];
}

const countKey = (m: PgMatch, lo: number, hi: number): string => `${lo} ${hi} ${m.match}`;

const candidateOf = (r: CandidateDbRow): SearchCandidateRow => ({
  rowid: Number(r.rowid),
  bm25: -Number(r.rank),
  article_id: r.article_id,
  outlet_key: r.outlet_key,
  categories: r.categories,
  story_id: r.story_id,
});

/** The search tables of one PostgreSQL database. Obtain it with `PgStore.search()`. */
export class PgSearchTables implements SearchTables {
  readonly #pool: pg.Pool;
  /** The transaction the current async call runs in, if any. */
  readonly #tx = new AsyncLocalStorage<TxState>();
  /** The planner's row count of search_docs, and when it was read. */
  #rows: { n: number; at: number } | undefined;
  /**
   * What the last `newestMatches` counted on its way (the matches of its windows, or all of them
   * when it reached the range's start), so the `countMatches` that follows it in a search does
   * not scan the GIN index again.
   */
  #counted: { key: string; n: number; exact: boolean; at: number } | undefined;

  /** @param pool - a pool on a database migrated to the search tables. */
  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Run one statement (in the current transaction, after writing its buffered puts). */
  async #query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    const tx = this.#tx.getStore();
    if (tx !== undefined && tx.pending.size > 0) await this.#flush(tx);
    const db: PgQueryable = tx?.client ?? this.#pool;
    return (await db.query<R>(sql, params)).rows;
  }

  /** The tsquery of a parsed query (src/search/tsquery-expression.ts). */
  compile(query: ParsedQuery, filters: ExpressionFilters = {}): CompiledMatch | null {
    const compiled = buildTsquery(query, filters);
    if (compiled === null) return null;
    const match: PgMatch = { backend: 'postgres', ...compiled, rank: rankPlan(compiled.terms) };
    return match;
  }

  /**
   * Run `fn` in one transaction on one pooled client (nested calls join the outer one). Puts
   * are buffered and written together before the next statement or the commit.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#tx.getStore() !== undefined) return fn();
    return withPgTransaction(this.#pool, (client) => {
      const tx: TxState = { client, locked: false, pending: new Map() };
      return this.#tx.run(tx, async () => {
        const result = await fn();
        await this.#flush(tx);
        return result;
      });
    });
  }

  /** Inside a transaction: take the index writers' lock once. Outside: run `fn` in its own. */
  async #write<T>(fn: (tx: TxState) => Promise<T>): Promise<T> {
    const tx = this.#tx.getStore();
    if (tx === undefined) return this.transaction(() => this.#write(fn));
    await this.#lock(tx);
    return fn(tx);
  }

  async #lock(tx: TxState): Promise<void> {
    if (tx.locked) return;
    await tx.client.query('SELECT pg_advisory_xact_lock($1, $2)', [...WRITE_LOCK]);
    tx.locked = true;
  }

  /** `updated_at` of the newest article the last indexing run saw ('' before the first run). */
  async watermark(): Promise<string> {
    const rows = await this.#query<{ value: string }>('SELECT value FROM search_state WHERE key = $1', [WATERMARK]);
    return rows[0]?.value ?? '';
  }

  /** Record the watermark; it only moves forward (another worker may have gone further). */
  async setWatermark(updatedAt: string): Promise<void> {
    await this.#write(() =>
      this.#query(
        `INSERT INTO search_state (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = GREATEST(search_state.value COLLATE "C", EXCLUDED.value COLLATE "C")`,
        [WATERMARK, updatedAt],
      ),
    );
  }

  /** Articles with `updated_at` after the cursor, oldest change first, with their index state. */
  async changedAfter(cursor: { updatedAt: string; id: string }, limit: number): Promise<SearchSourceRow[]> {
    const rows = await this.#query<SearchSourceRow>(
      `SELECT a.id, a.title, a.outlet_key, a.categories, a.sort_ts, a.content_hash, a.updated_at,
              d.rowid AS doc_rowid, d.content_hash AS doc_hash,
              CASE WHEN d.content_hash IS NOT DISTINCT FROM a.content_hash THEN '' ELSE a.text END AS text,
              CASE WHEN d.content_hash IS NOT DISTINCT FROM a.content_hash THEN NULL ELSE a.body_br END AS body_br
       FROM articles a LEFT JOIN search_docs d ON d.article_id = a.id
       WHERE (a.updated_at, a.id) > ($1, $2)
       ORDER BY a.updated_at, a.id LIMIT $3`,
      [cursor.updatedAt, cursor.id, limit],
    );
    return rows.map((r) => ({ ...r, sort_ts: Number(r.sort_ts), doc_rowid: r.doc_rowid === null ? null : Number(r.doc_rowid) }));
  }

  /** How many articles changed at or after `updatedAt`. */
  async countChangedSince(updatedAt: string): Promise<number> {
    const rows = await this.#query<{ n: number }>('SELECT count(*) AS n FROM articles WHERE updated_at >= $1', [updatedAt]);
    return Number(rows[0]?.n ?? 0);
  }

  /** Number of indexed articles. */
  async countDocuments(): Promise<number> {
    const rows = await this.#query<{ n: number }>('SELECT count(*) AS n FROM search_docs');
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Index (or re-index) one article; replaces the row the article has NOW (by article id: the
   * `doc_rowid` read before the lock may be stale when another worker indexed it meanwhile).
   * Written with the other puts of the transaction, in one statement per {@link PUT_BATCH}.
   */
  async put(row: Pick<SearchSourceRow, 'id' | 'sort_ts' | 'content_hash' | 'outlet_key' | 'categories' | 'doc_rowid'>, doc: SearchDocument): Promise<void> {
    const put: PendingPut = { id: row.id, sortTs: row.sort_ts, hash: row.content_hash, outlet: row.outlet_key, categories: row.categories, tsv: tsvectorLiteral(doc) };
    await this.#write(async (tx) => {
      tx.pending.delete(put.id);
      tx.pending.set(put.id, put);
      if (tx.pending.size >= PUT_BATCH) await this.#flush(tx);
    });
  }

  /** Write the buffered puts of a transaction (under the writers' lock). */
  async #flush(tx: TxState): Promise<void> {
    const puts = [...tx.pending.values()];
    tx.pending.clear();
    if (puts.length === 0) return;
    await this.#lock(tx);
    await writePuts(tx.client, puts);
  }

  /** Remove one document from the index. */
  async remove(rowid: number): Promise<void> {
    await this.#write(() => this.#query('DELETE FROM search_docs WHERE rowid = $1', [rowid]));
  }

  /** Empty the index and forget the watermark (before a full rebuild). */
  async wipe(): Promise<void> {
    await this.transaction(() =>
      this.#write(async () => {
        await this.#query('TRUNCATE search_docs');
        await this.#query('DELETE FROM search_state WHERE key = $1', [WATERMARK]);
      }),
    );
  }

  /** After a rebuild: merge the GIN index's pending list, reclaim dead rows, refresh the statistics. */
  async optimize(): Promise<void> {
    await this.#pool.query('VACUUM (ANALYZE) search_docs');
  }

  /** The best `limit` matches within a rowid (time) range by relevance (every match is ranked). */
  async bestMatches(match: CompiledMatch, lo: number, hi: number, limit: number): Promise<SearchCandidateRow[]> {
    const m = matchOf(match);
    const rows = await this.#run<CandidateDbRow>(
      m,
      `SELECT c.rowid, c.rank, c.article_id, c.outlet_key, c.categories, s.story_id
       FROM (SELECT d.rowid, ${rankSql('d', m.rank, 5)} AS rank, d.article_id, d.outlet_key, d.categories
             FROM search_docs d WHERE d.tsv @@ $1::tsquery AND d.rowid BETWEEN $2 AND $3
             ORDER BY rank DESC, d.rowid DESC LIMIT $4) c
       LEFT JOIN story_members s ON s.article_id = c.article_id`,
      [m.match, lo, hi, limit, ...m.rank.queries],
    );
    return rows.map(candidateOf);
  }

  /**
   * The newest `limit` matches (by rowid, ranked only once they are chosen). Two ways to find
   * them, chosen from the planner's estimate of the query's rarest term alone (the tsvector
   * statistics keep 10,000 lexemes, so a term in 0.1 % of documents is estimated well; a rare
   * combination of common words is taken for common, and its windows grow until they reach it):
   * - few matches: the GIN bitmap of every match in the range, sorted (cost ∝ matches: each is a
   *   heap row read, ~2 µs);
   * - many: windows of the primary key from the newest end of the range, each intersected with
   *   the GIN bitmap (BitmapAnd), so only the matches inside a window are read (cost ∝ window,
   *   ~0.3 µs a row, whatever the match count). The first window is what should hold `limit`
   *   matches at the estimated density; a window that holds too few gives the density to size
   *   the next (at least ×4: topics cluster in time). A window that would take the windows past
   *   what reading every match costs is not walked: the rest of the range is read that way.
   * Never the primary key walked with the match as a filter: that reads (detoasts) the tsvector of
   * every walked row, ~16 µs each (740 ms at 1 M articles for a term in 5 % of them).
   */
  async newestMatches(match: CompiledMatch, lo: number, hi: number, limit: number): Promise<SearchCandidateRow[]> {
    const m = matchOf(match);
    const [estimate, rows] = await Promise.all([this.#estimateMatches(m, lo, hi), this.#estimateRows()]);
    const matches = Math.max(1, estimate);
    const found: SearchCandidateRow[] = [];
    // Matches seen in the windows so far (each window's count comes with its rows).
    let seen = 0;
    const finish = async (top: number): Promise<SearchCandidateRow[]> => {
      const rest = await this.#newestOfAll(m, lo, top, limit - found.length);
      this.#counted = { key: countKey(m, lo, hi), n: seen + rest.matches, exact: true, at: Date.now() };
      return [...found, ...rest.rows];
    };
    // Walking a window row costs ~1/7 of reading a match: windows only while matches² × 7 > limit × rows.
    if (rows <= 0 || matches * matches * ROW_READS_PER_MATCH <= limit * rows) return finish(hi);
    const budget = matches * ROW_READS_PER_MATCH;
    let top = hi;
    let walked = 0;
    let window = Math.max(limit, Math.ceil(((limit * rows) / matches) * FIRST_WINDOW_MARGIN));
    for (;;) {
      if (walked + window > budget) return finish(top);
      const w = await this.#newestInWindow(m, lo, top, limit - found.length, window);
      found.push(...w.rows);
      seen += w.matches;
      const reachedStart = w.bound === null || w.bound <= lo;
      if (found.length >= limit || reachedStart) {
        this.#counted = { key: countKey(m, lo, hi), n: seen, exact: reachedStart, at: Date.now() };
        return found;
      }
      walked += window;
      top = (w.bound as number) - 1;
      const density = w.matches / window;
      window = Math.max(window * WINDOW_GROWTH, density > 0 ? Math.ceil(((limit - found.length) / density) * 2) : 0);
    }
  }

  /**
   * The newest `limit` matches in [lo, hi] from the GIN bitmap of all of them (`rowid + 0` keeps
   * the key walk out), and how many match.
   */
  async #newestOfAll(m: PgMatch, lo: number, hi: number, limit: number): Promise<{ rows: SearchCandidateRow[]; matches: number }> {
    const rows = await this.#run<CandidateDbRow & { n: number | string }>(
      m,
      `SELECT p.n, ${CHOSEN_COLUMNS(m.rank, 5)}
       FROM (SELECT d.rowid, count(*) OVER () AS n FROM search_docs d
             WHERE d.tsv @@ $1::tsquery AND d.rowid BETWEEN $2 AND $3
             ORDER BY d.rowid + 0 DESC LIMIT $4) p
       ${CHOSEN_JOIN}
       ORDER BY d.rowid DESC`,
      [m.match, lo, hi, limit, ...m.rank.queries],
    );
    return { rows: rows.map(candidateOf), matches: Number(rows[0]?.n ?? 0) };
  }

  /**
   * The newest `need` matches among the `window` newest rowids of [lo, top], ranked; how many
   * matches the window holds; and its lower bound (lo when it reached the range's start; null
   * when the range is empty).
   */
  async #newestInWindow(m: PgMatch, lo: number, top: number, need: number, window: number): Promise<{ rows: SearchCandidateRow[]; matches: number; bound: number | null }> {
    const bounds = await this.#query<{ rowid: number | string }>(
      'SELECT rowid FROM search_docs WHERE rowid BETWEEN $1 AND $2 ORDER BY rowid DESC OFFSET $3 LIMIT 1',
      [lo, top, window],
    );
    // Fewer rows than the window: it reaches the range's start.
    const bound = bounds[0] === undefined ? lo : Number(bounds[0].rowid);
    // The bound is a parameter (so the plan sees the window's share of the key) and the tsquery an
    // InitPlan (so the plan sees a default share of matches, not the product of the terms'
    // frequencies, 33 rows for 36,585 at 1 M, and looks up no lexeme statistics): the window's key
    // bitmap is intersected with the GIN bitmap (BitmapAnd) and only the matches inside it are read.
    const rows = await this.#run<CandidateDbRow & { n: number | string }>(
      m,
      `SELECT p.n, ${CHOSEN_COLUMNS(m.rank, 5)}
       FROM (SELECT d.rowid, count(*) OVER () AS n FROM search_docs d
             WHERE d.tsv @@ (SELECT $1::tsquery) AND d.rowid BETWEEN $2 AND $3
             ORDER BY d.rowid + 0 DESC LIMIT $4) p
       ${CHOSEN_JOIN}
       ORDER BY d.rowid DESC`,
      [m.match, bound, top, need, ...m.rank.queries],
    );
    return { rows: rows.map(candidateOf), matches: Number(rows[0]?.n ?? 0), bound };
  }

  /**
   * The matches in a range, estimated from the query's rarest term: the planner's estimate of
   * each term alone (one EXPLAIN for all of them). The planner's estimate of the whole query
   * multiplies its terms' frequencies as if they were independent, which is far too low for words
   * that occur together (数据中心 绿色 发展: 147 estimated, 12,195 at 1 M); the rarest term's own
   * frequency is an upper bound, close for such queries, and sets the windows from its density.
   */
  async #estimateMatches(m: PgMatch, lo: number, hi: number): Promise<number> {
    const queries = m.terms.length === 1 && m.terms[0] === m.match ? [m.match] : m.terms;
    const branches = queries.map((_, i) => `SELECT 1 FROM search_docs WHERE tsv @@ $${i + 3}::tsquery AND rowid BETWEEN $1 AND $2`);
    const rows = await this.#run<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(m, `EXPLAIN (FORMAT JSON) ${branches.join(' UNION ALL ')}`, [lo, hi, ...queries]);
    const root = rows[0]?.['QUERY PLAN'][0]?.Plan;
    if (root === undefined) return 0;
    const plans = queries.length > 1 && root.Plans !== undefined ? root.Plans : [root];
    return Math.min(...plans.map((p) => Number(p['Plan Rows'])));
  }

  /** The planner's estimate of the documents (refreshed once a minute; 0 before the first ANALYZE). */
  async #estimateRows(): Promise<number> {
    if (this.#rows === undefined || Date.now() - this.#rows.at > 60_000) {
      const rows = await this.#query<{ n: number }>(`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'search_docs'::regclass`);
      this.#rows = { n: Math.max(0, Number(rows[0]?.n ?? 0)), at: Date.now() };
    }
    return this.#rows.n;
  }

  /** Run a search statement, naming the query when it fails. */
  async #run<R extends pg.QueryResultRow>(m: PgMatch, sql: string, params: unknown[]): Promise<R[]> {
    try {
      return await this.#query<R>(sql, params);
    } catch (err) {
      throw new StoreError(`search: query ${JSON.stringify(m.match)} failed: ${(err as Error).message}`, { cause: err });
    }
  }

  /** How many documents match, counting at most `limit`. */
  async countMatches(match: CompiledMatch, lo: number, hi: number, limit: number): Promise<number> {
    const m = matchOf(match);
    const counted = this.#counted;
    if (counted !== undefined && counted.key === countKey(m, lo, hi) && Date.now() - counted.at <= COUNT_REUSE_MS) {
      if (counted.exact || counted.n >= limit) return Math.min(counted.n, limit);
    }
    const rows = await this.#run<{ n: number }>(
      m,
      `SELECT count(*) AS n FROM (SELECT 1 FROM search_docs
       WHERE tsv @@ $1::tsquery AND rowid BETWEEN $2 AND $3 LIMIT $4) c`,
      [m.match, lo, hi, limit],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * The columns a result shows, for one article. The calls made together (search.ts asks for a
   * page of hits at once) are answered by one statement: one round trip and one connection, so
   * a search runs on one backend and the pool's next search finds it warm (a backend that has
   * not yet touched a page of shared memory pays a page fault for it).
   */
  hitRow(articleId: string): Promise<SearchHitRow | undefined> {
    // In a transaction, alone: a batch runs in the context (the client) of its first caller.
    if (this.#tx.getStore() !== undefined) return this.#hits.getAlone(articleId);
    return this.#hits.get(articleId);
  }

  readonly #hits = new Batched<SearchHitRow>(async (ids) => {
    const rows = await this.#query<SearchHitRow & { body_br: Buffer | null }>(
      'SELECT id, title, text, body_br, outlet, outlet_key, published_at FROM articles WHERE id = ANY($1::text[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, withText(r)]));
  });

  /** Display name of an outlet key (its newest article's), or undefined; calls made together share one statement. */
  outletName(key: string): Promise<string | undefined> {
    if (this.#tx.getStore() !== undefined) return this.#outlets.getAlone(key);
    return this.#outlets.get(key);
  }

  readonly #outlets = new Batched<string>(async (keys) => {
    const rows = await this.#query<{ key: string; outlet: string | null }>(
      `SELECT k.key, (SELECT outlet FROM articles WHERE outlet_key = k.key ORDER BY sort_ts DESC LIMIT 1) AS outlet
       FROM unnest($1::text[]) AS k(key)`,
      [keys],
    );
    return new Map(rows.filter((r) => r.outlet !== null).map((r) => [r.key, r.outlet as string]));
  });
}

/**
 * Look-ups by key made in the same turn of the event loop, answered together: the first call
 * waits one microtask, then `load` runs once for every key asked meanwhile.
 */
class Batched<T> {
  readonly #load: (keys: string[]) => Promise<Map<string, T>>;
  #pending: { keys: Set<string>; result: Promise<Map<string, T>> } | undefined;

  constructor(load: (keys: string[]) => Promise<Map<string, T>>) {
    this.#load = load;
  }

  async get(key: string): Promise<T | undefined> {
    let batch = this.#pending;
    if (batch === undefined) {
      const keys = new Set<string>();
      const result = Promise.resolve().then(() => {
        this.#pending = undefined;
        return this.#load([...keys]);
      });
      batch = { keys, result };
      this.#pending = batch;
    }
    batch.keys.add(key);
    return (await batch.result).get(key);
  }

  /** One key in a statement of its own. */
  async getAlone(key: string): Promise<T | undefined> {
    return (await this.#load([key])).get(key);
  }
}
