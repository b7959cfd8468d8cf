/**
 * One HTTP GET without redirects or retries, over node:http/https: the private-address guard
 * runs inside the socket's DNS lookup (so it sees the address actually connected to),
 * with connect, headers and body timeouts and a body-size cap applied while streaming.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { classifySocketError, FetchError } from './fetch-error.js';
import { isPrivateAddress } from './private-address.js';

/** Limits of one request; every field is required here, defaults live in http-client.ts. */
export interface RequestLimits {
  allowPrivate: boolean;
  /** Private addresses allowed even when `allowPrivate` is false (a LAN RSSHub). */
  allowAddresses: ReadonlySet<string>;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxBodyBytes: number;
}

/** What one request returned: status, headers and the (decompressed) body. */
export interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** Whether the guard refuses a connection to `ip`. */
function isBlocked(ip: string, limits: RequestLimits): boolean {
  return !limits.allowPrivate && !limits.allowAddresses.has(ip) && isPrivateAddress(ip);
}

/** A DNS lookup that refuses private addresses unless allowed. */
function guardedLookup(limits: RequestLimits): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as LookupAddress[];
      const blocked = list.find((a) => isBlocked(a.address, limits));
      if (blocked) {
        const refusal = new FetchError(
          'private-address',
          `${hostname} resolves to private address ${blocked.address}; set network.allowPrivate to allow it`,
        );
        return callback(refusal as NodeJS.ErrnoException, '', 4);
      }
      const first = list[0];
      if (!first)
        return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 4);
      if ((options as LookupOptions).all)
        return (callback as (e: null, a: LookupAddress[]) => void)(null, list);
      return callback(null, first.address, first.family);
    });
  };
}

function decompress(res: IncomingMessage): Readable {
  const encoding = (res.headers['content-encoding'] ?? '').toLowerCase().trim();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

/** Rejects literal private IPs before any socket is opened (no DNS lookup happens for them). */
function checkLiteralHost(url: URL, limits: RequestLimits): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && isBlocked(host, limits)) {
    throw new FetchError(
      'private-address',
      `${url.href} is a private address; set network.allowPrivate to allow it`,
      { url: url.href },
    );
  }
}

/**
 * Sends one GET and reads the whole body.
 * @throws FetchError classified (`timeout`, `dns`, `refused`, `private-address`, `too-large`, `tls`, `network`)
 */
export function requestOnce(
  url: URL,
  headers: Record<string, string>,
  limits: RequestLimits,
): Promise<RawResponse> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.reject(
      new FetchError('network', `unsupported protocol in ${url.href}`, { url: url.href }),
    );
  }
  try {
    checkLiteralHost(url, limits);
  } catch (err) {
    return Promise.reject(err);
  }
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<RawResponse>((resolve, reject) => {
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    const finish = (err: FetchError | null, value?: RawResponse): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value!);
    };
    const timeout = (ms: number, what: string): NodeJS.Timeout => {
      const t = setTimeout(
        () =>
          finish(
            new FetchError('timeout', `${url.href}: no ${what} within ${ms} ms`, { url: url.href }),
          ),
        ms,
      );
      timers.push(t);
      return t;
    };

    const req = transport.request(url, {
      method: 'GET',
      headers,
      agent: false,
      lookup: guardedLookup(limits),
    });
    const connectTimer = timeout(limits.connectTimeoutMs, 'connection');
    const headersTimer = timeout(limits.headersTimeoutMs, 'response headers');
    req.on('socket', (socket) => {
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.on('error', (err) => finish(classifySocketError(err, url.href)));
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      clearTimeout(headersTimer);
      timeout(limits.bodyTimeoutMs, 'complete body');
      const status = res.statusCode ?? 0;
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
        finish(
          new FetchError(
            'too-large',
            `${url.href}: body of ${declared} bytes exceeds ${limits.maxBodyBytes}`,
            { url: url.href, status },
          ),
        );
        return;
      }
      const stream = decompress(res);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBodyBytes) {
          finish(
            new FetchError('too-large', `${url.href}: body exceeds ${limits.maxBodyBytes} bytes`, {
              url: url.href,
              status,
            }),
          );
          stream.destroy();
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () =>
        finish(null, { status, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      stream.on('error', (err) => finish(classifySocketError(err, url.href)));
      res.on('close', () => {
        if (!res.complete)
          finish(
            new FetchError('network', `${url.href}: connection closed mid-body`, {
              url: url.href,
              status,
            }),
          );
      });
    });
    req.end();
  });
}
