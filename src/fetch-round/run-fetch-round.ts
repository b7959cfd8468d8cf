/**
 * One fetch round: every enabled source polled once, in parallel under the per-host limits.
 * A source's failure is recorded in its state and never stops the others; the source's state
 * (validators, health, next due time) is saved after each source.
 */
import type { CaixunConfig, SourceConfig } from '../config/schema.js';
import type { SourceState, SourceStateRepository } from '../store/source-state.js';
import { FeedParseError } from '../sources/feed/feed-parse-error.js';
import { FetchError } from '../sources/fetch/fetch-error.js';
import { createHttpClient, type HttpClient } from '../sources/fetch/http-client.js';
import { NewsApiError } from '../sources/newsapi/newsapi-error.js';
import { CaixunError } from '../util/errors.js';
import { nextDueAt } from './backoff.js';
import { pollFeed, pollNewsApi, type PollOutcome } from './fetch-source.js';
import type { DeduplicatingStore } from './deduplicate.js';
import { pollEpaper } from './poll-epaper.js';
import { pollPage } from './poll-page.js';
import { createHostLimiter, type HostLimiter } from './host-limiter.js';
import type {
  FetchRoundEvent,
  FetchRoundSummary,
  SourceFailureKind,
  SourceResult,
} from './types.js';

/** The store a round writes to. */
export interface FetchRoundStore extends DeduplicatingStore {
  sourceStates(): SourceStateRepository;
}

/** Options of {@link runFetchRound}. */
export interface FetchRoundOptions {
  /** Clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Progress events. Default none. */
  onEvent?: (event: FetchRoundEvent) => void;
  /** Only these source keys. Default all. */
  only?: readonly string[];
  /** Skip sources whose next due time has not come (scheduler use). Default false: poll all. */
  onlyDue?: boolean;
  /** HTTP client. Default: one built from `config.network`. */
  client?: HttpClient;
  /** Per-host limiter. Default: one built from `config.network.hosts`. */
  limiter?: HostLimiter;
  /** Draws the schedule jitter, in [0, 1). Default Math.random. */
  random?: () => number;
}

/** Builds the shared client from the configuration's network section. */
export function clientFromConfig(network: CaixunConfig['network']): HttpClient {
  return createHttpClient({
    allowPrivate: network.allowPrivate,
    allowAddresses: network.allowAddresses,
    ...(network.userAgent === undefined ? {} : { userAgent: network.userAgent }),
    connectTimeoutMs: network.connectTimeout,
    headersTimeoutMs: network.headersTimeout,
    bodyTimeoutMs: network.bodyTimeout,
    maxBodyBytes: network.maxBodySize,
    maxRedirects: network.maxRedirects,
    retries: network.retries,
    retryBaseDelayMs: network.retryDelay,
  });
}

function emptyState(key: string): SourceState {
  return {
    key,
    etag: null,
    lastModified: null,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastFailureAt: null,
    lastErrorKind: null,
    lastError: null,
    consecutiveFailures: 0,
    nextDueAt: null,
    itemsFetched: 0,
  };
}

function classify(err: unknown): {
  kind: SourceFailureKind;
  message: string;
  retryAfterMs?: number | undefined;
} {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof FetchError) return { kind: err.kind, message, retryAfterMs: err.retryAfterMs };
  if (err instanceof FeedParseError || err instanceof NewsApiError)
    return { kind: 'parse', message };
  if (err instanceof CaixunError && err.code === 'store') return { kind: 'store', message };
  return { kind: 'internal', message };
}

function skipped(source: SourceConfig, reason: string): SourceResult {
  return {
    key: source.key,
    kind: source.kind,
    url: source.url,
    status: 'skipped',
    items: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    itemFailures: 0,
    reason,
    durationMs: 0,
  };
}

function poll(
  source: SourceConfig,
): ((s: SourceConfig, c: Parameters<typeof pollFeed>[1]) => Promise<PollOutcome>) | undefined {
  if (source.kind === 'feed') return pollFeed;
  if (source.kind === 'newsapi') return pollNewsApi;
  if (source.kind === 'page') return pollPage;
  if (source.kind === 'epaper') return pollEpaper;
  return undefined;
}

/**
 * Runs one round over the configured sources.
 * @example
 * const summary = await runFetchRound(loadConfig('caixun.config.yaml'), store, { onEvent: log });
 * if (summary.failed === summary.sources.length) process.exitCode = 1;
 */
export async function runFetchRound(
  config: CaixunConfig,
  store: FetchRoundStore,
  options: FetchRoundOptions = {},
): Promise<FetchRoundSummary> {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const started = now().getTime();
  const client = options.client ?? clientFromConfig(config.network);
  const limiter = options.limiter ?? createHostLimiter({ hosts: config.network.hosts });
  const states = store.sourceStates();
  const chosen = config.sources.filter((s) => !options.only || options.only.includes(s.key));

  const runSource = async (source: SourceConfig): Promise<SourceResult> => {
    if (!source.enabled) return skipped(source, 'disabled');
    const pollSource = poll(source);
    if (!pollSource) return skipped(source, `kind ${source.kind} is not supported yet`);
    const state = (await states.getSourceState(source.key)) ?? emptyState(source.key);
    const begin = now();
    if (options.onlyDue && state.nextDueAt && Date.parse(state.nextDueAt) > begin.getTime()) {
      return skipped(source, `not due until ${state.nextDueAt}`);
    }
    options.onEvent?.({ type: 'source-start', key: source.key, url: source.url });
    const fetchedAt = begin.toISOString();
    const base = { key: source.key, kind: source.kind, url: source.url };
    let result: SourceResult;
    let next: SourceState;
    try {
      const out = await pollSource(source, {
        client,
        limiter,
        store,
        etag: state.etag ?? undefined,
        lastModified: state.lastModified ?? undefined,
        fetchedAt,
        maxItems: source.maxItemsPerPoll ?? config.schedule.maxItemsPerPoll,
      });
      const count = (o: string): number => out.outcomes.filter((x) => x === o).length;
      result = {
        ...base,
        status: out.notModified ? 'not-modified' : 'ok',
        items: out.items,
        new: count('new'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        itemFailures: out.itemFailures,
        ...(out.more ? { more: true as const } : {}),
        ...(out.itemError === undefined
          ? {}
          : { reason: `${out.itemFailures} items failed, first ${out.itemError}` }),
        durationMs: now().getTime() - begin.getTime(),
      };
      next = {
        ...state,
        etag: out.etag ?? null,
        lastModified: out.lastModified ?? null,
        lastAttemptAt: fetchedAt,
        lastSuccessAt: fetchedAt,
        lastErrorKind: null,
        lastError: null,
        consecutiveFailures: 0,
        // Items left for later: poll again soon rather than after the whole interval.
        nextDueAt: out.more
          ? new Date(begin.getTime() + Math.min(config.schedule.backlogDelay, source.every)).toISOString()
          : nextDueAt({
              now: begin.getTime(),
              every: source.every,
              consecutiveFailures: 0,
              ceiling: config.schedule.backoffCeiling,
              jitter: config.schedule.jitter,
              random: random(),
            }),
        itemsFetched: state.itemsFetched + out.items,
      };
    } catch (err) {
      const failure = classify(err);
      const failures = state.consecutiveFailures + 1;
      result = {
        ...base,
        status: 'failed',
        items: 0,
        new: 0,
        updated: 0,
        unchanged: 0,
        itemFailures: 0,
        errorKind: failure.kind,
        reason: failure.message,
        durationMs: now().getTime() - begin.getTime(),
      };
      next = {
        ...state,
        lastAttemptAt: fetchedAt,
        lastFailureAt: fetchedAt,
        lastErrorKind: failure.kind,
        lastError: failure.message,
        consecutiveFailures: failures,
        nextDueAt: nextDueAt({
          now: begin.getTime(),
          every: source.every,
          consecutiveFailures: failures,
          ceiling: config.schedule.backoffCeiling,
          retryAfterMs: failure.retryAfterMs,
          jitter: config.schedule.jitter,
          random: random(),
        }),
      };
    }
    next = { ...next, outlet: source.outlet, kind: source.kind };
    try {
      await states.putSourceState(next);
    } catch (err) {
      result = { ...result, status: 'failed', errorKind: 'store', reason: (err as Error).message };
    }
    options.onEvent?.({ type: 'source-done', result });
    return result;
  };

  const results = await Promise.all(chosen.map(runSource));
  const sum = (f: (r: SourceResult) => number): number => results.reduce((n, r) => n + f(r), 0);
  return {
    sources: results,
    new: sum((r) => r.new),
    updated: sum((r) => r.updated),
    unchanged: sum((r) => r.unchanged),
    notModified: sum((r) => (r.status === 'not-modified' ? 1 : 0)),
    failed: sum((r) => (r.status === 'failed' ? 1 : 0)),
    skipped: sum((r) => (r.status === 'skipped' ? 1 : 0)),
    durationMs: now().getTime() - started,
  };
}
