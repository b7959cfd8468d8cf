/**
 * The store interface: articles with their revisions, plus the derived tables (stories, search,
 * facts) and source state. SQLite (default, embedded, better-sqlite3) and PostgreSQL (pg, for
 * several workers sharing one database) implement it; every method is async so callers need
 * not know which one they hold.
 */
import type { Article } from '../model/article.js';
import type { SourceStateRepository } from './source-state.js';
import type { FactsTables, SearchTables, StoryTables } from './tables.js';
import type { RetentionTables } from './retention.js';

/** What an upsert did to one article. */
export type UpsertOutcome = 'new' | 'updated' | 'unchanged';

/** An earlier version of an article, kept when a changed document replaced it. */
export interface ArticleRevision {
  articleId: string;
  /** 1 for the first version stored, increasing. */
  revision: number;
  contentHash: string;
  /** ISO 8601 (UTC) of when this version was replaced. */
  replacedAt: string;
  article: Article;
}

export interface ListArticlesOptions {
  /** Only this outlet. */
  outletKey?: string;
  /** Only articles filed under this category (exact name). */
  category?: string;
  /** Page size; default 50. */
  limit?: number;
  /** Keyset cursor: the `nextCursor` of the previous page. A cursor no list gave throws InvalidCursorError. */
  after?: string;
}

/** How many articles the archive holds from one outlet. */
export interface OutletCount {
  outletKey: string;
  /** The outlet's name as its newest article gives it. */
  outlet: string;
  articleCount: number;
  /** publishedAt of its newest dated article, or null. */
  latestAt: string | null;
}

export interface ArticlePage {
  articles: Article[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface ArticleStore {
  /**
   * Inserts or updates a batch in ONE transaction: either every article of the batch is
   * written or none is. An article whose content hash equals its current or any earlier
   * revision is `unchanged` (so re-importing two stored versions of one document never
   * flip-flops); a different hash keeps the old version as a revision and is `updated`.
   */
  upsertArticles(articles: readonly Article[]): Promise<UpsertOutcome[]>;
  getArticle(id: string): Promise<Article | undefined>;
  /** Newest first (publishedAt, then id), keyset-paginated. */
  listArticles(options?: ListArticlesOptions): Promise<ArticlePage>;
  /** Every article in id order, streamed, for export and re-processing. */
  iterateArticles(): AsyncIterable<Article>;
  countArticles(): Promise<number>;
  /** Every outlet with articles, most articles first, then by key. */
  countArticlesByOutlet(): Promise<OutletCount[]>;
  /** Earlier versions, oldest first. */
  getRevisions(articleId: string): Promise<ArticleRevision[]>;
  close(): Promise<void>;
}

/** A whole store: articles, derived tables and source state in one database. */
export interface Store extends ArticleStore {
  /** Which backend this is. */
  readonly kind: 'sqlite' | 'postgres';
  /** Where it is, for messages: the file path, or the URL without its password. */
  readonly location: string;
  /** The story tables (clustering state, memberships, candidate index). One handle per store. */
  stories(): StoryTables;
  /** The search index. One handle per store. */
  search(): SearchTables;
  /** Dropping raw inputs and deleting old articles (`caixun prune`). */
  retention(): RetentionTables;
  /** The numeric claims. */
  facts(): FactsTables;
  /** Source health, conditional-GET state and content fingerprints. */
  sourceStates(): SourceStateRepository;
  /**
   * Take the named lock if nobody holds it, across every process using this archive; resolves
   * to the function that releases it, or `undefined` at once when another holder has it. Workers
   * use it so that one of them runs a derive step while the others go on storing.
   */
  tryLock(name: string): Promise<(() => Promise<void>) | undefined>;
  /**
   * Say that this process stores articles into the archive until the returned function is
   * called or the store is closed (a dead process drops out); from then on each stored batch
   * tells the others how far in clustering order it reached. Workers register, so that
   * clustering waits for what the others are still storing (derive-pending.ts).
   */
  registerWriter(): Promise<() => Promise<void>>;
  /**
   * The earliest `sort_ts` (seconds) that the latest batch of another registered writer reached,
   * among those that stored within `freshSeconds`; undefined when there are none (always on SQLite).
   */
  writersHorizon(freshSeconds: number): Promise<number | undefined>;
}
