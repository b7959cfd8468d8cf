/**
 * What the web pages, the API and the feeds read: stories, articles and outlets from the store,
 * shaped into view data. Story details are cached per story state (a changed story has a new
 * signature), so a hot story page costs one state lookup.
 */
import type { Article } from '../../model/article.js';
import { getOutlet } from '../../outlets/index.js';
import type { Store } from '../../store/store.js';
import type { StoryTables } from '../../store/tables.js';
import { InvalidCursorError } from '../../util/errors.js';
import type { StoryState } from '../../stories/story-state.js';
import { buildStoryDetail, toStoryListEntry, type StoryDetail, type StoryListEntry } from '../../stories/story-view.js';
import type { ArticleCard, OutletRef, StoryCard } from '../pages/view-types.js';
import { badRequest } from '../web-error.js';
import { decodeStoryCursor, encodeStoryCursor } from './story-cursor.js';

/** A page of stories. */
export interface StoryPage {
  entries: StoryListEntry[];
  cards: StoryCard[];
  /** Cursor of the next page, null on the last. */
  nextCursor: string | null;
}

/** A page of articles. */
export interface ArticleListPage {
  articles: Article[];
  nextCursor: string | null;
}

/** An outlet with how many articles the archive holds from it. */
export interface OutletSummary extends OutletRef {
  articleCount: number;
  /** ISO time of its newest article, or null. */
  latestAt: string | null;
}

/** A story with everything its page shows. */
export interface LoadedStory {
  state: StoryState;
  detail: StoryDetail;
  representative: Article | undefined;
}

/** Options of {@link WebData}. */
export interface WebDataOptions {
  /** Story details kept in memory. Default 500. */
  cacheSize?: number;
  /** How long the outlet list is reused, ms. Default 600 000 (one grouped count over every article). */
  outletsTtlMs?: number;
}

/** Page size bounds of every list. */
export function clampLimit(limit: number | undefined, fallback: number, max = 100): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}

/** What a story page depends on: changes whenever the story's members, representative or links change. */
export const storySignature = (s: StoryState): string =>
  `${s.representativeId}|${s.lastSeen ?? ''}|${s.members.map((m) => m.id).join(',')}|${s.relatedIds.join(',')}`;

/** Read access to the archive for the web layer. Create one per server. */
export class WebData {
  readonly store: Store;
  readonly #tables: StoryTables;
  readonly #names = new Map<string, string>();
  readonly #details = new Map<string, { signature: string; story: LoadedStory }>();
  readonly #cacheSize: number;
  readonly #outletsTtlMs: number;
  #outlets: { at: number; list: Promise<OutletSummary[]> } | undefined;

  constructor(store: Store, options: WebDataOptions = {}) {
    this.store = store;
    this.#tables = store.stories();
    this.#cacheSize = options.cacheSize ?? 500;
    this.#outletsTtlMs = options.outletsTtlMs ?? 600_000;
  }

  /** Display name of an outlet: as its articles give it, else the registry's, else the key. */
  outletName(key: string): string {
    return this.#names.get(key) ?? getOutlet(key)?.name ?? key;
  }

  #remember(a: Article): Article {
    if (!this.#names.has(a.outletKey)) this.#names.set(a.outletKey, a.outlet);
    return a;
  }

  /** One article (its outlet name is remembered). */
  async article(id: string): Promise<Article | undefined> {
    const a = await this.store.getArticle(id);
    return a === undefined ? undefined : this.#remember(a);
  }

  /** The story an article belongs to, or null. */
  async storyIdOf(articleId: string): Promise<string | null> {
    return (await this.#tables.repository.storyOf(articleId)) ?? null;
  }

  /** A story's state, or undefined. */
  async storyState(id: string): Promise<StoryState | undefined> {
    return this.#tables.getStory(id);
  }

  /** The list card of a story; outlets unknown by name are looked up through one member article. */
  async card(s: StoryState): Promise<StoryCard> {
    const entry = toStoryListEntry(s);
    for (const key of entry.outlets) {
      if (this.#names.has(key)) continue;
      const member = s.members.find((m) => m.outletKey === key);
      if (member !== undefined) await this.article(member.id);
    }
    return {
      id: s.id,
      title: entry.title,
      firstSeen: s.firstSeen,
      articleCount: entry.articleIds.length,
      outlets: entry.outlets.map((key) => ({ key, name: this.outletName(key) })),
    };
  }

  /** Newest stories first, `limit` per page after `cursor`. */
  async stories(options: { after?: string | undefined; limit?: number | undefined } = {}): Promise<StoryPage> {
    const limit = clampLimit(options.limit, 30);
    const cursor = options.after === undefined || options.after === '' ? undefined : decodeStoryCursor(options.after);
    if (options.after && cursor === undefined) throw badRequest(`invalid cursor ${JSON.stringify(options.after)}`);
    const page = cursor === undefined ? await this.#tables.listStories(limit + 1) : await this.#tables.listStoriesAfter(cursor, limit + 1);
    const more = page.length > limit;
    const states = page.slice(0, limit);
    const last = states[states.length - 1];
    const cards: StoryCard[] = [];
    for (const s of states) cards.push(await this.card(s));
    return {
      entries: states.map(toStoryListEntry),
      cards,
      nextCursor: more && last ? encodeStoryCursor(last.firstSeen, last.id) : null,
    };
  }

  /** A story with its versions diffed against the representative (cached per story state). */
  async story(id: string): Promise<LoadedStory | undefined> {
    const state = await this.#tables.getStory(id);
    if (state === undefined) return undefined;
    const signature = storySignature(state);
    const hit = this.#details.get(id);
    if (hit !== undefined && hit.signature === signature) {
      // Map order is insertion order: re-inserting keeps the hottest entries last.
      this.#details.delete(id);
      this.#details.set(id, hit);
      return hit.story;
    }
    const articles = new Map<string, Article>();
    for (const m of state.members) {
      const a = await this.article(m.id);
      if (a !== undefined) articles.set(m.id, a);
    }
    const rep = articles.get(state.representativeId);
    // The raw input is never shown: do not keep it in the cache.
    const representative = rep === undefined ? undefined : { ...rep, raw: { ...rep.raw, body: '' } };
    const story: LoadedStory = { state, detail: buildStoryDetail(state, articles), representative };
    this.#details.set(id, { signature, story });
    if (this.#details.size > this.#cacheSize) {
      const oldest = this.#details.keys().next().value;
      if (oldest !== undefined) this.#details.delete(oldest);
    }
    return story;
  }

  /** Cards of the related stories that still exist. */
  async related(state: StoryState): Promise<StoryCard[]> {
    const cards: StoryCard[] = [];
    for (const id of state.relatedIds) {
      const s = await this.#tables.getStory(id);
      if (s !== undefined) cards.push(await this.card(s));
    }
    return cards;
  }

  /** Newest articles (of one outlet, or filed under one category), keyset-paginated. */
  async articles(
    options: { outletKey?: string | undefined; category?: string | undefined; after?: string | undefined; limit?: number | undefined } = {},
  ): Promise<ArticleListPage> {
    try {
      const page = await this.store.listArticles({
        limit: clampLimit(options.limit, 30),
        ...(options.outletKey === undefined ? {} : { outletKey: options.outletKey }),
        ...(options.category === undefined ? {} : { category: options.category }),
        ...(options.after ? { after: options.after } : {}),
      });
      return { articles: page.articles.map((a) => this.#remember(a)), nextCursor: page.nextCursor };
    } catch (err) {
      if (err instanceof InvalidCursorError) throw badRequest(`invalid cursor ${JSON.stringify(err.cursor)}`);
      throw err;
    }
  }

  /** Newest articles filed under a category. */
  categoryArticles(name: string, options: { after?: string | undefined; limit?: number | undefined } = {}): Promise<ArticleListPage> {
    return this.articles({ ...options, category: name });
  }

  /** Cards for an article list, each with its story. */
  async articleCards(articles: readonly Article[]): Promise<ArticleCard[]> {
    const cards: ArticleCard[] = [];
    for (const a of articles) {
      cards.push({
        id: a.id,
        title: a.title,
        outlet: { key: a.outletKey, name: a.outlet },
        publishedAt: a.publishedAt,
        storyId: await this.storyIdOf(a.id),
        digest: a.digest,
      });
    }
    return cards;
  }

  /** Every outlet with its article count, most articles first (recomputed at most every `outletsTtlMs`). */
  outlets(): Promise<OutletSummary[]> {
    const now = Date.now();
    if (this.#outlets === undefined || now - this.#outlets.at > this.#outletsTtlMs) {
      const list = this.#countOutlets();
      this.#outlets = { at: now, list };
      // A failed count is not kept: the next request tries again.
      list.catch(() => {
        if (this.#outlets?.list === list) this.#outlets = undefined;
      });
    }
    return this.#outlets.list;
  }

  async #countOutlets(): Promise<OutletSummary[]> {
    return (await this.store.countArticlesByOutlet()).map((o) => {
      if (!this.#names.has(o.outletKey)) this.#names.set(o.outletKey, o.outlet);
      return { key: o.outletKey, name: o.outlet, articleCount: o.articleCount, latestAt: o.latestAt };
    });
  }

  /** One outlet's summary, or undefined when the archive has none of its articles. */
  async outlet(key: string): Promise<OutletSummary | undefined> {
    return (await this.outlets()).find((o) => o.key === key);
  }
}
