/** The response object every fetch returns, and how raw HTTP answers become one. */
import { charsetFromContentType, decodeText, type DecodedText } from './charset.js';
import { FetchError } from './fetch-error.js';
import type { RawResponse } from './request-once.js';

/** Everything a caller asks about a fetch, success or failure. */
export interface FetchResponse {
  /** The URL asked for. */
  url: string;
  /** The URL that answered, after redirects. */
  effectiveUrl: string;
  /** HTTP status; 0 when no response arrived. */
  status: number;
  /** Media type without parameters, lowercased, e.g. `application/rss+xml`; '' when absent. */
  contentType: string;
  /** The charset parameter of Content-Type, lowercased, when given. */
  charset: string | undefined;
  /** ETag to send next time (kept from the request on a 304 without one). */
  etag: string | undefined;
  /** Last-Modified to send next time. */
  lastModified: string | undefined;
  /** True on 304 Not Modified: nothing changed since the ETag / Last-Modified sent. */
  notModified: boolean;
  /** Retry-After of the answer, in milliseconds, when given. */
  retryAfterMs: number | undefined;
  /** Body bytes (decompressed); empty on errors and 304. */
  body: Buffer;
  /** Requests made, retries included. */
  attempts: number;
  /** Why the fetch failed, or null when it succeeded (2xx or 304). */
  error: FetchError | null;
}

/**
 * Parses Retry-After (seconds or an HTTP date) into milliseconds from `now`.
 * @example parseRetryAfter('120') // 120000
 */
export function parseRetryAfter(
  value: string | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function header(raw: RawResponse, name: string): string | undefined {
  const value = raw.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function statusError(
  url: string,
  raw: RawResponse,
  retryAfterMs: number | undefined,
): FetchError | null {
  const { status } = raw;
  if ((status >= 200 && status < 300) || status === 304) return null;
  const details = { url, status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  if (status >= 500) return new FetchError('http-5xx', `${url}: HTTP ${status}`, details);
  if (status >= 400) return new FetchError('http-4xx', `${url}: HTTP ${status}`, details);
  return new FetchError('network', `${url}: unexpected HTTP ${status}`, details);
}

/** Builds the response for a finished request (`raw`) or a failure (`error`). */
export function buildResponse(
  url: string,
  effectiveUrl: string,
  raw: RawResponse | null,
  error: FetchError | null = null,
): FetchResponse {
  if (!raw) {
    return {
      url,
      effectiveUrl,
      status: error?.status ?? 0,
      contentType: '',
      charset: undefined,
      etag: undefined,
      lastModified: undefined,
      notModified: false,
      retryAfterMs: error?.retryAfterMs,
      body: Buffer.alloc(0),
      attempts: 1,
      error,
    };
  }
  const contentTypeHeader = header(raw, 'content-type');
  const retryAfterMs = parseRetryAfter(header(raw, 'retry-after'));
  const failure = statusError(effectiveUrl, raw, retryAfterMs);
  return {
    url,
    effectiveUrl,
    status: raw.status,
    contentType: (contentTypeHeader ?? '').split(';', 1)[0]!.trim().toLowerCase(),
    charset: charsetFromContentType(contentTypeHeader),
    etag: header(raw, 'etag'),
    lastModified: header(raw, 'last-modified'),
    notModified: raw.status === 304,
    retryAfterMs,
    body: failure ? Buffer.alloc(0) : raw.body,
    attempts: 1,
    error: failure,
  };
}

/**
 * Decodes a response body as text: header charset, then `<meta charset>` / XML encoding, then sniffing.
 * @example decodeResponseText(res).text
 */
export function decodeResponseText(res: Pick<FetchResponse, 'body' | 'charset'>): DecodedText {
  return decodeText(res.body, { headerCharset: res.charset });
}
