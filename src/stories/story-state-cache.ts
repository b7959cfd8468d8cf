/**
 * A clustering run's view of the story repository: story states parsed once and kept for the run,
 * and writes held until the end of each batch's transaction.
 *
 * Why: the clusterer reads a candidate story by id for every article it compares, and rewrites the
 * story it joins. A story's state is JSON that grows with its members (a 339-member story is
 * 78 KB), so parsing it on every read and serialising it on every join made the story tables
 * three fifths of a recluster's CPU (10,000 permuted documents: `get` 19 s and `put` 7 s of 46 s).
 * The clusterer never changes a state it was given (it builds a new one and puts that), so one
 * parsed object can be handed out for the whole run. Memberships are kept the same way (the
 * index's candidates are asked for again and again), held for the batch too, and
 * a batch's writes go to the store as a few statements (`writeMany`, `assignMany`) when the
 * store offers them; the same-event window query asks the store for ids only, so the states of
 * the hours around an article, read for the article before it, are not parsed again.
 *
 * Valid only while the clustering lock is held and no other writer touches the story tables:
 * make one per run, call {@link flush} inside each transaction before it commits, and drop the
 * object when a transaction fails (its writes were rolled back under it).
 */
import type { StoryRepository, StoryState } from './story-state.js';

/** Most parsed story states kept between batches; the least recently used go first. */
const DEFAULT_CACHE_LIMIT = 5_000;

/**
 * Most article → story memberships kept between batches. The index's candidates are mostly the
 * articles of the last days, asked for again by every article that shares a key with them.
 */
const MEMBERSHIP_LIMIT = 50_000;

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Epoch ms of an ISO time; null when absent or unparsable (as the stores index it). */
function epochMs(iso: string | null): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** A write held for the batch's end: the state with its span in epoch ms (null: removed). */
interface PendingWrite {
  state: StoryState | null;
  firstMs: number | null;
  lastMs: number | null;
}

const REMOVED: PendingWrite = { state: null, firstMs: null, lastMs: null };

/**
 * {@link StoryRepository} over another one for one clustering run.
 *
 * @example
 * const states = new StoryStateCache(tables.repository);
 * const clusterer = new StoryClusterer({ index: tables.index, repository: states });
 * await tables.transaction(async () => { for (const a of batch) await clusterer.add(a); await states.flush(); });
 */
export class StoryStateCache implements StoryRepository {
  readonly #inner: StoryRepository;
  readonly #limit: number;
  /** Parsed states read or written this run (null: known not to exist), oldest use first. */
  readonly #states = new Map<string, StoryState | null>();
  /** Writes of the open batch, not yet passed on. */
  #pending = new Map<string, PendingWrite>();
  /** Memberships recorded in the open batch, not yet passed on. */
  #assigned = new Map<string, string>();
  /** Memberships read or written this run (before this batch), oldest use first. */
  readonly #memberships = new Map<string, string>();

  /**
   * @param inner - the store's repository
   * @param options.limit - most parsed states kept between batches
   */
  constructor(inner: StoryRepository, options: { limit?: number } = {}) {
    this.#inner = inner;
    this.#limit = Math.max(1, options.limit ?? DEFAULT_CACHE_LIMIT);
  }

  #remember(id: string, state: StoryState | null): void {
    this.#states.delete(id);
    this.#states.set(id, state);
    while (this.#states.size > this.#limit) {
      const oldest = this.#states.keys().next();
      if (oldest.done === true) break;
      // A state still waiting to be written stays reachable through #pending.
      this.#states.delete(oldest.value);
    }
  }

  /** @inheritdoc */
  async get(storyId: string): Promise<StoryState | undefined> {
    const pending = this.#pending.get(storyId);
    if (pending !== undefined) return pending.state ?? undefined;
    const cached = this.#states.get(storyId);
    if (cached !== undefined) {
      this.#remember(storyId, cached);
      return cached ?? undefined;
    }
    const state = (await this.#inner.get(storyId)) ?? null;
    this.#remember(storyId, state);
    return state ?? undefined;
  }

  /** @inheritdoc */
  async put(state: StoryState): Promise<void> {
    this.#pending.set(state.id, { state, firstMs: epochMs(state.firstSeen), lastMs: epochMs(state.lastSeen) });
    this.#remember(state.id, state);
  }

  /** @inheritdoc */
  async remove(storyId: string): Promise<void> {
    this.#pending.set(storyId, REMOVED);
    this.#remember(storyId, null);
  }

  #rememberMembership(articleId: string, storyId: string): void {
    this.#memberships.delete(articleId);
    this.#memberships.set(articleId, storyId);
    if (this.#memberships.size > MEMBERSHIP_LIMIT) {
      const oldest = this.#memberships.keys().next();
      if (oldest.done !== true) this.#memberships.delete(oldest.value);
    }
  }

  /** @inheritdoc */
  async storyOf(articleId: string): Promise<string | undefined> {
    return this.#assigned.get(articleId) ?? this.#memberships.get(articleId) ?? this.#inner.storyOf(articleId);
  }

  /** @inheritdoc */
  async storiesOfMany(articleIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const ask: string[] = [];
    for (const id of articleIds) {
      const known = this.#assigned.get(id) ?? this.#memberships.get(id);
      if (known === undefined) ask.push(id);
      else out.set(id, known);
    }
    if (ask.length === 0) return out;
    if (this.#inner.storiesOfMany !== undefined) {
      for (const [id, story] of await this.#inner.storiesOfMany(ask)) {
        out.set(id, story);
        this.#rememberMembership(id, story);
      }
    } else {
      for (const id of ask) {
        const story = await this.#inner.storyOf(id);
        if (story !== undefined) out.set(id, story);
      }
    }
    return out;
  }

  /** @inheritdoc */
  async assign(articleId: string, storyId: string): Promise<void> {
    this.#assigned.set(articleId, storyId);
  }

  /**
   * @inheritdoc
   * The stored stories the window query finds, with this batch's unwritten changes applied:
   * a story changed in the batch is judged by its new times, a removed one is left out.
   */
  async storiesSeenBetween(fromMs: number, toMs: number): Promise<StoryState[]> {
    const found = new Map<string, StoryState>();
    if (this.#inner.storyIdsSeenBetween !== undefined) {
      // Ids only: most of these states were parsed for the previous article already.
      for (const id of await this.#inner.storyIdsSeenBetween(fromMs, toMs)) {
        if (this.#pending.has(id)) continue;
        const state = await this.get(id);
        if (state !== undefined) found.set(id, state);
      }
    } else {
      for (const stored of await this.#inner.storiesSeenBetween(fromMs, toMs)) {
        if (this.#pending.has(stored.id)) continue;
        const cached = this.#states.get(stored.id);
        found.set(stored.id, cached ?? stored);
        if (cached === undefined) this.#remember(stored.id, stored);
      }
    }
    // The stores' window condition: the span [firstSeen, lastSeen] overlaps [fromMs, toMs].
    for (const [id, { state, firstMs, lastMs }] of this.#pending) {
      if (state !== null && firstMs !== null && lastMs !== null && firstMs <= toMs && lastMs >= fromMs) found.set(id, state);
    }
    return [...found.keys()].sort(compareIds).map((id) => found.get(id) as StoryState);
  }

  /** Pass the batch's writes on to the store's repository (inside the batch's transaction). */
  async flush(): Promise<void> {
    const writes = this.#pending;
    const assigned = this.#assigned;
    this.#pending = new Map();
    this.#assigned = new Map();
    if (this.#inner.writeMany !== undefined) {
      const states: StoryState[] = [];
      const removed: string[] = [];
      for (const [id, { state }] of writes) {
        if (state === null) removed.push(id);
        else states.push(state);
      }
      await this.#inner.writeMany(states, removed);
    } else {
      for (const [id, { state }] of writes) {
        if (state === null) await this.#inner.remove(id);
        else await this.#inner.put(state);
      }
    }
    if (this.#inner.assignMany !== undefined) await this.#inner.assignMany([...assigned]);
    else for (const [articleId, storyId] of assigned) await this.#inner.assign(articleId, storyId);
    for (const [articleId, storyId] of assigned) this.#rememberMembership(articleId, storyId);
  }
}
