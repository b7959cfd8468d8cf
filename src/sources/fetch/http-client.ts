/**
 * The one shared HTTP client: every fetch caixun makes goes through {@link createHttpClient},
 * so the User-Agent, timeouts, size cap, redirect limit, retries and the private-address
 * guard are set once.
 */
import { FetchError, isRetryable } from './fetch-error.js';
import { requestOnce, type RawResponse, type RequestLimits } from './request-once.js';
import { buildResponse, parseRetryAfter, type FetchResponse } from './response.js';

/** Options of {@link createHttpClient}; every field has a default. */
export interface HttpClientOptions {
  /** Allow loopback, private, link-local and metadata addresses. Default false. */
  allowPrivate?: boolean;
  /** Private IP addresses allowed anyway, e.g. a self-hosted RSSHub on the LAN. Default none. */
  allowAddresses?: readonly string[];
  /** Default `caixun/0.1 (+https://github.com/caixun)`. */
  userAgent?: string;
  /** Time to open the TCP connection. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Time from sending the request to the response headers. Default 20 000 ms. */
  headersTimeoutMs?: number;
  /** Time from the headers to the end of the body. Default 60 000 ms. */
  bodyTimeoutMs?: number;
  /** Largest body accepted, after decompression. Default 10 MiB. */
  maxBodyBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Extra attempts after a timeout, network error or 5xx. Default 2. */
  retries?: number;
  /** First retry delay; doubles on each further retry. Default 500 ms. */
  retryBaseDelayMs?: number;
  /** Longest wait before a retry; a longer Retry-After ends the attempts. Default 30 000 ms. */
  retryMaxDelayMs?: number;
  /** Waits between retries; tests replace it. Default: a timer. */
  sleep?: (ms: number) => Promise<void>;
}

/** Per-request options. */
export interface FetchRequestOptions {
  /** ETag from the previous response: sent as If-None-Match. */
  etag?: string | undefined;
  /** Last-Modified from the previous response: sent as If-Modified-Since. */
  lastModified?: string | undefined;
  /** Accept header. Default any. */
  accept?: string;
}

/** The shared client. */
export interface HttpClient {
  /**
   * GETs `url`. Never throws for HTTP or network failures: the response's `error` says what
   * went wrong (a 304 is a success with `notModified`).
   */
  fetch(url: string, options?: FetchRequestOptions): Promise<FetchResponse>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const sleepFor = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The URL a redirect points to; a Location that is no URL is the server's fault, not ours. */
function redirectTarget(location: string, from: URL, status: number): URL {
  try {
    return new URL(location, from);
  } catch {
    throw new FetchError(
      'protocol',
      `${from.href}: HTTP ${status} redirects to a malformed Location ${JSON.stringify(location.slice(0, 200))}`,
      { url: from.href, status },
    );
  }
}

interface ChainResult {
  raw: RawResponse;
  effectiveUrl: string;
}

/**
 * Creates the client.
 * @example
 * const client = createHttpClient({ allowPrivate: false });
 * const res = await client.fetch('https://rsshub.app/cls/depth/1000', { etag });
 * if (res.error) record(res.error.kind); else if (!res.notModified) parse(res.body);
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const limits: RequestLimits = {
    allowPrivate: options.allowPrivate ?? false,
    allowAddresses: new Set(options.allowAddresses ?? []),
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    headersTimeoutMs: options.headersTimeoutMs ?? 20_000,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 60_000,
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
  };
  const maxRedirects = options.maxRedirects ?? 5;
  const retries = options.retries ?? 2;
  const baseDelay = options.retryBaseDelayMs ?? 500;
  const maxDelay = options.retryMaxDelayMs ?? 30_000;
  const sleep = options.sleep ?? sleepFor;
  const userAgent = options.userAgent ?? 'caixun/0.1 (+https://github.com/caixun)';

  async function followRedirects(
    start: string,
    headers: Record<string, string>,
  ): Promise<ChainResult> {
    let current = new URL(start);
    for (let hop = 0; ; hop++) {
      const raw = await requestOnce(current, headers, limits);
      const location = raw.headers.location;
      if (!REDIRECT_STATUSES.has(raw.status) || !location)
        return { raw, effectiveUrl: current.href };
      if (hop >= maxRedirects) {
        throw new FetchError(
          'too-many-redirects',
          `${start}: more than ${maxRedirects} redirects`,
          { url: current.href, status: raw.status },
        );
      }
      // The next hop goes through requestOnce again, so the guard also checks where we are sent.
      current = redirectTarget(location, current, raw.status);
    }
  }

  async function attempt(url: string, headers: Record<string, string>): Promise<FetchResponse> {
    try {
      const { raw, effectiveUrl } = await followRedirects(url, headers);
      return buildResponse(url, effectiveUrl, raw);
    } catch (err) {
      if (err instanceof FetchError) return buildResponse(url, err.url ?? url, null, err);
      throw err;
    }
  }

  return {
    async fetch(url, request = {}) {
      const headers: Record<string, string> = {
        'user-agent': userAgent,
        accept: request.accept ?? '*/*',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (request.etag) headers['if-none-match'] = request.etag;
      if (request.lastModified) headers['if-modified-since'] = request.lastModified;

      let attempts = 0;
      for (;;) {
        attempts++;
        const res = await attempt(url, headers);
        res.attempts = attempts;
        if (!res.error || !isRetryable(res.error) || attempts > retries) return res;
        const backoff = Math.min(baseDelay * 2 ** (attempts - 1), maxDelay);
        const wait = res.retryAfterMs ?? backoff;
        if (wait > maxDelay) return res;
        await sleep(wait);
      }
    },
  };
}

export { parseRetryAfter };
