/**
 * A small time-bounded cache of rendered pages (home and story pages under load): a page is
 * rebuilt at most once per `ttlMs`, so a burst of readers costs one render. Pages may be up to
 * `ttlMs` old; 0 disables caching.
 */

/** Options of {@link PageCache}. */
export interface PageCacheOptions {
  /** How long a rendered page is reused, ms. Default 2 000; 0 = never cache. */
  ttlMs?: number;
  /** Pages kept at most (least recently stored dropped first). Default 4 000. */
  maxEntries?: number;
}

/** Rendered pages (strings or encoded bytes) by key, each reused until it is `ttlMs` old. */
export class PageCache<T = string> {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(options: PageCacheOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 2_000;
    this.#maxEntries = options.maxEntries ?? 4_000;
  }

  /** The cached page for `key`, or the result of `render` (stored; a failed render is not). */
  get(key: string, render: () => Promise<T>): Promise<T> {
    if (this.#ttlMs <= 0) return render();
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit !== undefined && now - hit.at < this.#ttlMs) return hit.value;
    const value = render();
    this.#entries.delete(key);
    this.#entries.set(key, { at: now, value });
    value.catch(() => this.#entries.delete(key));
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return value;
  }
}

/**
 * Rendered pages by key, each valid while its source's signature is unchanged (a story page
 * while the story's members, representative and links stay the same) and for at most `maxAgeMs`
 * (what the signature does not cover, such as a facts panel derived later, shows up then).
 * Bounded; least recently used dropped first.
 */
export class SignedPageCache<T = string> {
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;
  readonly #entries = new Map<string, { signature: string; at: number; page: T }>();

  /**
   * @param maxEntries - pages kept at most. Default 4 000 (story pages are ~5–50 KB).
   * @param maxAgeMs - a page is rendered again after this long, ms. Default 60 000.
   */
  constructor(maxEntries = 4_000, maxAgeMs = 60_000) {
    this.#maxEntries = maxEntries;
    this.#maxAgeMs = maxAgeMs;
  }

  /** The page stored for `key` under `signature`, or the result of `render` (then stored). */
  async get(key: string, signature: string, render: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit !== undefined && hit.signature === signature && now - hit.at < this.#maxAgeMs) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.page;
    }
    const page = await render();
    this.#entries.delete(key);
    this.#entries.set(key, { signature, at: now, page });
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return page;
  }
}
