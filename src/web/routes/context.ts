/** What every route module gets: the data layer, the link builder and the optional extensions. */
import type { Links } from '../links.js';
import type { PageCache } from '../page-cache.js';
import type { WebData } from '../data/web-data.js';

/** Renders the facts panel of a story (trusted HTML), or undefined when it has none. */
export type FactsPanel = (storyId: string) => Promise<string | undefined> | string | undefined;

/** Shared route dependencies. */
export interface RouteContext {
  data: WebData;
  links: Links;
  /** Hot pages (home, stories), kept UTF-8 encoded. */
  pages: PageCache<Uint8Array<ArrayBuffer>>;
  /** Story facts panel; default none. */
  factsPanel?: FactsPanel | undefined;
  /** Absolute origin for feeds (`https://news.example.org`); default the address the server listens on (never the Host header). */
  publicUrl?: string | undefined;
}
