/** Results and events of a fetch round. */
import type { SourceConfig } from '../config/schema.js';

/** Why a source failed: the fetcher's classes plus the later stages'. */
export type SourceFailureKind =
  import('../sources/fetch/fetch-error.js').FetchErrorKind | 'parse' | 'store' | 'internal';

/** What one source did in a round. */
export interface SourceResult {
  key: string;
  kind: SourceConfig['kind'];
  url: string;
  /** `ok`: fetched and stored; `not-modified`: 304; `failed`; `skipped`: disabled, not due or unsupported. */
  status: 'ok' | 'not-modified' | 'failed' | 'skipped';
  /** Items read from the source this round. */
  items: number;
  new: number;
  updated: number;
  unchanged: number;
  /** Items that could not be read (a news API detail that failed, an item that cannot be cleaned); retried next round. */
  itemFailures: number;
  /** Present (true) when the source had more new items than one poll takes; it is polled again soon. */
  more?: true;
  /** Set when `status` is `failed`. */
  errorKind?: SourceFailureKind;
  /** Why it failed or was skipped. */
  reason?: string;
  durationMs: number;
}

/** The whole round. */
export interface FetchRoundSummary {
  sources: SourceResult[];
  new: number;
  updated: number;
  unchanged: number;
  notModified: number;
  failed: number;
  skipped: number;
  durationMs: number;
}

/** Progress events, one pair per source. */
export type FetchRoundEvent =
  | { type: 'source-start'; key: string; url: string }
  | { type: 'source-done'; result: SourceResult };
