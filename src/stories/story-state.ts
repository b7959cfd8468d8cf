/**
 * Shapes shared by the clusterer and whoever persists it: the article as the clusterer sees it,
 * and the per-story state the store must keep between runs.
 */

/** What the clusterer needs from an article (a projection of `Article`). */
export interface ClusterInput {
  /** Article id (`Article.id`). */
  id: string;
  /** Article title. */
  title: string;
  /** Plain text, paragraphs separated by blank lines (`Article.text`); read it with `textOf`. */
  text: string;
  /**
   * The stored body holding the text, still packed (store/packed-text.ts): set by the stories
   * step so that the print worker, not the main thread, decompresses it; `text` is then unused.
   */
  body_br?: Uint8Array | null;
  /** ISO 8601 publication time; null when unknown (then only exact/reprint matching applies). */
  publishedAt: string | null;
  /** Outlet slug (`Article.outletKey`). */
  outletKey: string;
  /** Original publisher named in the text (`Article.provenance.source`), when stated. */
  provenanceSource?: string;
}

/** One article of a story, as much as the story needs to choose its representative and show it. */
export interface StoryMember {
  /** Article id. */
  id: string;
  /** Outlet slug. */
  outletKey: string;
  /** Article title. */
  title: string;
  /** ISO 8601 publication time or null. */
  publishedAt: string | null;
  /** Length of the article's matching text (code units): how complete this version is. */
  length: number;
  /** Original publisher the article names, when it names one. */
  provenanceSource?: string;
}

/** The representative's fingerprint, against which every new article is compared. */
export interface RepresentativePrint {
  /** MinHash signature values (plain numbers so the state serialises to JSON). */
  signature: number[];
  /** Distinct shingles of the representative's matching text. */
  shingleCount: number;
  /** Length of the representative's matching text. */
  length: number;
  /** 64-bit paragraph hashes (16 hex digits) of the representative, in order. */
  paragraphHashes: string[];
  /** Matching length of each of those paragraphs. */
  paragraphLengths: number[];
  /** Figures stated in the representative's title and text (see event-profile.ts). */
  figures: string[];
  /** Distinct bigrams of the representative's title + text (see event-profile.ts). */
  bigrams: number[];
}

/**
 * Everything the clusterer keeps about one story; the store persists it as is (JSON-safe: strings,
 * numbers, arrays) and hands it back through {@link StoryRepository}.
 */
export interface StoryState {
  /** Stable story id: `st-` + 12 hex digits derived from the first article's id. */
  id: string;
  /** Member articles in arrival order. */
  members: StoryMember[];
  /** Id of the representative member (the most complete version). */
  representativeId: string;
  /** Fingerprint of the representative. */
  representative: RepresentativePrint;
  /** Earliest publication time among members (ISO), null when none has one. */
  firstSeen: string | null;
  /** Latest publication time among members (ISO), null when none has one. */
  lastSeen: string | null;
  /** Ids of related stories (later events on the same subject), sorted. */
  relatedIds: string[];
}

/** A value, or a promise of it: SQLite and memory answer at once, PostgreSQL over the wire. */
export type Awaitable<T> = T | Promise<T>;

/**
 * Where story state lives: in memory (tests), or the story tables of the SQLite or PostgreSQL
 * store. Methods may answer synchronously; the clusterer awaits every call, so a synchronous
 * repository costs a microtask, not an event-loop turn (a SQLite batch stays atomic).
 */
export interface StoryRepository {
  /** The story with this id, if any. */
  get(storyId: string): Awaitable<StoryState | undefined>;
  /** Insert or replace a story. */
  put(state: StoryState): Awaitable<void>;
  /** The story an article belongs to, if it was clustered. */
  storyOf(articleId: string): Awaitable<string | undefined>;
  /** Record that an article belongs to a story. */
  assign(articleId: string, storyId: string): Awaitable<void>;
  /** Delete a story (after it was merged into another). */
  remove(storyId: string): Awaitable<void>;
  /** Stories whose [firstSeen, lastSeen] overlaps [fromMs, toMs] (epoch ms), sorted by id. */
  storiesSeenBetween(fromMs: number, toMs: number): Awaitable<StoryState[]>;
  /**
   * The ids of {@link storiesSeenBetween}, without reading the states: a caller that keeps
   * parsed states (story-state-cache.ts) reads only those it lacks. Optional.
   */
  storyIdsSeenBetween?(fromMs: number, toMs: number): Awaitable<string[]>;
  /** The stories of several articles (unclustered ones are absent from the map). Optional: one statement instead of one per article. */
  storiesOfMany?(articleIds: readonly string[]): Awaitable<Map<string, string>>;
  /** Record several memberships at once (as {@link assign} each). Optional: one statement instead of one per article. */
  assignMany?(assignments: readonly (readonly [articleId: string, storyId: string])[]): Awaitable<void>;
  /** Insert or replace and delete several stories at once (as {@link put} and {@link remove}). Optional. */
  writeMany?(states: readonly StoryState[], removedIds: readonly string[]): Awaitable<void>;
}

/** {@link StoryRepository} in memory. */
export class MemoryStoryRepository implements StoryRepository {
  readonly #stories = new Map<string, StoryState>();
  readonly #articleStory = new Map<string, string>();

  /** @inheritdoc */
  get(storyId: string): StoryState | undefined {
    return this.#stories.get(storyId);
  }

  /** @inheritdoc */
  put(state: StoryState): void {
    this.#stories.set(state.id, state);
  }

  /** @inheritdoc */
  remove(storyId: string): void {
    this.#stories.delete(storyId);
  }

  /** @inheritdoc */
  storyOf(articleId: string): string | undefined {
    return this.#articleStory.get(articleId);
  }

  /** @inheritdoc */
  assign(articleId: string, storyId: string): void {
    this.#articleStory.set(articleId, storyId);
  }

  /** @inheritdoc */
  storiesSeenBetween(fromMs: number, toMs: number): StoryState[] {
    // A linear scan: fine for tests and rebuilds; the SQLite version uses an index on lastSeen.
    const out: StoryState[] = [];
    for (const s of this.#stories.values()) {
      if (s.firstSeen === null || s.lastSeen === null) continue;
      if (Date.parse(s.firstSeen) <= toMs && Date.parse(s.lastSeen) >= fromMs) out.push(s);
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Every story, sorted by id. */
  all(): StoryState[] {
    return [...this.#stories.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
