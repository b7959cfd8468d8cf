/**
 * What caixun remembers about each configured source between rounds (conditional-GET state,
 * health, schedule) and the content fingerprints live ingest deduplicates by: the types and the
 * repository interface both stores implement.
 */
/** What caixun remembers about one source between rounds. */
export interface SourceState {
  /** The source's configured key. */
  key: string;
  /** ETag of the last 200, sent as If-None-Match. */
  etag: string | null;
  /** Last-Modified of the last 200, sent as If-Modified-Since. */
  lastModified: string | null;
  /** ISO time of the last attempt, success or not. */
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  /** Error class of the last failure (`timeout`, `http-5xx`, `parse` …); null after a success. */
  lastErrorKind: string | null;
  /** Message of the last failure; null after a success. */
  lastError: string | null;
  /** Failures since the last success. */
  consecutiveFailures: number;
  /** ISO time before which the scheduler leaves the source alone. */
  nextDueAt: string | null;
  /** Items read from the source, all rounds together. */
  itemsFetched: number;
  /** Outlet name the configuration gives the source (null for rows written before it was kept). */
  outlet?: string | null;
  /** Kind of source (`feed`, `newsapi`, `page`, `epaper`). */
  kind?: string | null;
}

/** One row of `caixun sources --json` and the web UI's /sources table (field names are an interface). */
export interface SourceHealth {
  key: string;
  outlet: string | null;
  kind: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** `<kind>: <message>` of the last failure; null after a success. */
  lastError: string | null;
  consecutiveFailures: number;
  itemsFetched: number;
  nextDueAt: string | null;
}

/** The health view of a stored state. */
export function toSourceHealth(state: SourceState): SourceHealth {
  return {
    key: state.key,
    outlet: state.outlet ?? null,
    kind: state.kind ?? null,
    lastAttemptAt: state.lastAttemptAt,
    lastSuccessAt: state.lastSuccessAt,
    lastError:
      state.lastError === null
        ? null
        : state.lastErrorKind
          ? `${state.lastErrorKind}: ${state.lastError}`
          : state.lastError,
    consecutiveFailures: state.consecutiveFailures,
    itemsFetched: state.itemsFetched,
    nextDueAt: state.nextDueAt,
  };
}

/** A content fingerprint of a stored article (same outlet, title and text ⇒ same article). */
export interface ArticleFingerprint {
  fingerprint: string;
  articleId: string;
}

/** Reads and writes {@link SourceState}s. */
export interface SourceStateRepository {
  getSourceState(key: string): Promise<SourceState | undefined>;
  listSourceStates(): Promise<SourceState[]>;
  /** Inserts or replaces the state of `state.key`. */
  putSourceState(state: SourceState): Promise<void>;
  /** Every source's health, by key. */
  listSourceHealth(): Promise<SourceHealth[]>;
  /** The id of a stored article with this URL, if any (the oldest one). */
  findArticleIdByUrl(url: string): Promise<string | undefined>;
  /** The id of the article stored with this content fingerprint, if any. */
  findArticleIdByFingerprint(fingerprint: string): Promise<string | undefined>;
  /** Records fingerprints; one already recorded keeps its first article. */
  addFingerprints(entries: readonly ArticleFingerprint[]): Promise<void>;
}


/** One row of `source_state`. */
export interface SourceStateRow {
  key: string;
  etag: string | null;
  last_modified: string | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_failure_at: string | null;
  last_error_kind: string | null;
  last_error: string | null;
  consecutive_failures: number;
  next_due_at: string | null;
  items_fetched: number;
  outlet: string | null;
  kind: string | null;
}

/** The state of a `source_state` row (both stores use the same columns). */
export function rowToSourceState(r: SourceStateRow): SourceState {
  return {
    key: r.key,
    etag: r.etag,
    lastModified: r.last_modified,
    lastAttemptAt: r.last_attempt_at,
    lastSuccessAt: r.last_success_at,
    lastFailureAt: r.last_failure_at,
    lastErrorKind: r.last_error_kind,
    lastError: r.last_error,
    consecutiveFailures: r.consecutive_failures,
    nextDueAt: r.next_due_at,
    itemsFetched: r.items_fetched,
    outlet: r.outlet,
    kind: r.kind,
  };
}
