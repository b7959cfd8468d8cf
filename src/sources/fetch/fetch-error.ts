/** The fetcher's one error class and its fixed classification of failures. */
import { CaixunError } from '../../util/errors.js';

/** Every way a fetch can fail; callers record this, never a free-form reason. */
export const FETCH_ERROR_KINDS = [
  'timeout',
  'dns',
  'refused',
  'private-address',
  'too-large',
  'too-many-redirects',
  /** The server's answer breaks HTTP (a redirect Location that is no URL). */
  'protocol',
  'http-4xx',
  'http-5xx',
  'tls',
  'network',
] as const;

/** One of {@link FETCH_ERROR_KINDS}. */
export type FetchErrorKind = (typeof FETCH_ERROR_KINDS)[number];

/** Extra facts about a failed fetch. */
export interface FetchErrorDetails {
  /** The URL whose request failed (the last redirect hop). */
  url?: string;
  /** HTTP status, when the server answered. */
  status?: number;
  /** Delay the server asked for (Retry-After), in milliseconds. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** A fetch failed; `kind` says how. Messages start with `fetch:`. */
export class FetchError extends CaixunError {
  readonly kind: FetchErrorKind;
  readonly url: string | undefined;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  constructor(kind: FetchErrorKind, message: string, details: FetchErrorDetails = {}) {
    super(
      'fetch',
      `fetch: ${message}`,
      details.cause === undefined ? {} : { cause: details.cause },
    );
    this.name = 'FetchError';
    this.kind = kind;
    this.url = details.url;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

const TLS_CODES =
  /^(?:ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

/** Classifies a Node socket/DNS error into a {@link FetchError}. */
export function classifySocketError(err: unknown, url: string): FetchError {
  if (err instanceof FetchError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  const details = { url, cause: err };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA' || code === 'EAI_FAIL') {
    return new FetchError('dns', `cannot resolve ${new URL(url).hostname} (${code})`, details);
  }
  if (code === 'ECONNREFUSED')
    return new FetchError('refused', `connection refused by ${url}`, details);
  if (code === 'ETIMEDOUT') return new FetchError('timeout', `${url}: ${message}`, details);
  if (TLS_CODES.test(code)) return new FetchError('tls', `${url}: TLS failed (${code})`, details);
  return new FetchError('network', `${url}: ${message}${code ? ` (${code})` : ''}`, details);
}

/** Whether retrying the same request later may succeed. */
export function isRetryable(err: FetchError): boolean {
  return err.kind === 'timeout' || err.kind === 'network' || err.kind === 'http-5xx';
}
