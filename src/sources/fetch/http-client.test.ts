import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sendBody,
  sendWithEtag,
  startMockServer,
  type MockServer,
} from '../../../test/fetch/mock-server.js';
import { encodeGbk } from '../../../test/fetch/fixtures/gbk.js';
import { createHttpClient } from './http-client.js';
import { decodeResponseText } from './response.js';

let server: MockServer;
const GBK_PAGE =
  '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>示例页</title></head><body><p>沪深两市成交额回升。</p></body></html>';
const noSleep = async (): Promise<void> => {};
const client = createHttpClient({ allowPrivate: true, sleep: noSleep, retryBaseDelayMs: 1 });

beforeAll(async () => {
  server = await startMockServer({
    '/ok': sendBody('<p>你好</p>', 'text/html; charset=UTF-8'),
    '/gz': (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
        .end(gzipSync('压缩的正文'));
    },
    '/etag': sendWithEtag(() => 'v1', 'text/plain', '"abc"'),
    '/lm': (req, res) => {
      const lm = 'Mon, 20 Dec 2021 10:00:00 GMT';
      if (req.headers['if-modified-since'] === lm) res.writeHead(304).end();
      else res.writeHead(200, { 'last-modified': lm }).end('x');
    },
    '/slow-headers': (_req, res) => void setTimeout(() => res.end('late'), 2000),
    '/stall-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('start…');
    },
    '/huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 97);
      let sent = 0;
      const pump = (): void => {
        while (sent < 50 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    },
    '/huge-declared': (_req, res) => {
      res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      res.write('a');
    },
    '/loop-a': (_req, res) => void res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => void res.writeHead(302, { location: '/loop-a' }).end(),
    '/redirect': (_req, res) => void res.writeHead(301, { location: '/ok' }).end(),
    '/bad-location': (_req, res) => void res.writeHead(302, { location: 'http://[::1' }).end(),
    '/flaky': (_req, res, hit) => {
      if (hit === 1) res.writeHead(500).end('boom');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('recovered');
    },
    '/always-503': (_req, res) => void res.writeHead(503, { 'retry-after': '0' }).end(),
    '/retry-after-long': (_req, res) => void res.writeHead(503, { 'retry-after': '3600' }).end(),
    '/too-many': (_req, res) => void res.writeHead(429, { 'retry-after': '120' }).end(),
    '/gbk-page': sendBody(encodeGbk(GBK_PAGE), 'text/html'),
    '/gbk-wrong': sendBody(encodeGbk('<p>标称UTF-8的国标页面</p>'), 'text/html; charset=utf-8'),
    '/reset': (req) => void req.socket.destroy(),
  });
});
afterAll(() => server.close());

describe('createHttpClient', () => {
  it('returns status, content type, charset and body', async () => {
    const res = await client.fetch(`${server.origin}/ok`);
    expect(res).toMatchObject({
      status: 200,
      contentType: 'text/html',
      charset: 'utf-8',
      error: null,
      notModified: false,
    });
    expect(decodeResponseText(res).text).toBe('<p>你好</p>');
  });

  it('decodes a GBK page without a charset header from its <meta>', async () => {
    const res = await client.fetch(`${server.origin}/gbk-page`);
    expect(res.charset).toBeUndefined();
    expect(decodeResponseText(res)).toEqual({ text: GBK_PAGE, charset: 'gb18030', source: 'meta' });
  });

  it('decodes a GBK page that claims to be UTF-8', async () => {
    const res = await client.fetch(`${server.origin}/gbk-wrong`);
    expect(decodeResponseText(res)).toEqual({
      text: '<p>标称UTF-8的国标页面</p>',
      charset: 'gb18030',
      source: 'sniff',
    });
  });

  it('decompresses gzip', async () => {
    const res = await client.fetch(`${server.origin}/gz`);
    expect(res.body.toString('utf8')).toBe('压缩的正文');
  });

  it('follows a redirect and reports the effective URL', async () => {
    const res = await client.fetch(`${server.origin}/redirect`);
    expect(res.status).toBe(200);
    expect(res.effectiveUrl).toBe(`${server.origin}/ok`);
  });

  it('does a conditional GET with ETag, then with Last-Modified', async () => {
    const first = await client.fetch(`${server.origin}/etag`);
    expect(first.etag).toBe('"abc"');
    const second = await client.fetch(`${server.origin}/etag`, { etag: first.etag });
    expect(second).toMatchObject({ status: 304, notModified: true, error: null, etag: '"abc"' });
    const lm = await client.fetch(`${server.origin}/lm`);
    const again = await client.fetch(`${server.origin}/lm`, { lastModified: lm.lastModified });
    expect(again.notModified).toBe(true);
  });

  it.each([
    ['/slow-headers', 'timeout', { headersTimeoutMs: 200 }],
    ['/stall-body', 'timeout', { bodyTimeoutMs: 200 }],
    ['/huge', 'too-large', { maxBodyBytes: 1024 * 1024 }],
    ['/huge-declared', 'too-large', { maxBodyBytes: 1024 * 1024 }],
    ['/loop-a', 'too-many-redirects', {}],
    ['/bad-location', 'protocol', {}],
    ['/missing', 'http-4xx', {}],
    ['/too-many', 'http-4xx', {}],
    ['/always-503', 'http-5xx', {}],
    ['/reset', 'network', {}],
  ] as const)('classifies %s as %s', async (path, kind, extra) => {
    const c = createHttpClient({ allowPrivate: true, sleep: noSleep, retries: 0, ...extra });
    const res = await c.fetch(`${server.origin}${path}`);
    expect(res.error?.kind).toBe(kind);
    expect(res.body.length).toBe(0);
  });

  it('reports a malformed redirect Location as the server breaking HTTP, not as our bug', async () => {
    const res = await client.fetch(`${server.origin}/bad-location`);
    expect(res.error?.kind).toBe('protocol');
    expect(res.error?.message).toBe(
      `fetch: ${server.origin}/bad-location: HTTP 302 redirects to a malformed Location "http://[::1"`,
    );
  });

  it('reports a refused connection', async () => {
    const res = await client.fetch('http://127.0.0.1:1/');
    expect(res.error?.kind).toBe('refused');
  });

  it('retries a 500 and succeeds', async () => {
    const res = await client.fetch(`${server.origin}/flaky`);
    expect(res).toMatchObject({ status: 200, attempts: 2, error: null });
    expect(res.body.toString()).toBe('recovered');
  });

  it('waits with exponential backoff between retries', async () => {
    const waits: number[] = [];
    const c = createHttpClient({
      allowPrivate: true,
      retries: 3,
      retryBaseDelayMs: 100,
      sleep: async (ms) => void waits.push(ms),
    });
    const res = await c.fetch(`${server.origin}/reset`);
    expect(res.attempts).toBe(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('honours Retry-After, and stops when it is longer than the longest wait', async () => {
    const waits: number[] = [];
    const c = createHttpClient({
      allowPrivate: true,
      retries: 2,
      sleep: async (ms) => void waits.push(ms),
    });
    expect((await c.fetch(`${server.origin}/always-503`)).attempts).toBe(3);
    expect(waits).toEqual([0, 0]);
    const long = await c.fetch(`${server.origin}/retry-after-long`);
    expect(long).toMatchObject({ attempts: 1, retryAfterMs: 3_600_000 });
  });

  it('does not retry a 4xx and keeps its Retry-After', async () => {
    const before = server.hits.get('/too-many') ?? 0;
    const res = await client.fetch(`${server.origin}/too-many`);
    expect(res).toMatchObject({ attempts: 1, status: 429, retryAfterMs: 120_000 });
    expect(server.hits.get('/too-many')).toBe(before + 1);
    const missing = await client.fetch(`${server.origin}/missing`);
    expect(missing.attempts).toBe(1);
  });
});

describe('private-address guard', () => {
  const guarded = createHttpClient({ allowPrivate: false, sleep: noSleep });

  it('refuses a literal loopback address without connecting', async () => {
    const before = server.hits.get('/ok') ?? 0;
    const res = await guarded.fetch(`${server.origin}/ok`);
    expect(res.error?.kind).toBe('private-address');
    expect(res.attempts).toBe(1);
    expect(server.hits.get('/ok') ?? 0).toBe(before);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:9/',
    'http://[::ffff:127.0.0.1]:9/',
    'http://10.0.0.1/',
  ])('refuses %s', async (url) => {
    expect((await guarded.fetch(url)).error?.kind).toBe('private-address');
  });

  it('refuses a host name that resolves to loopback (checked after DNS)', async () => {
    const res = await guarded.fetch(`http://localhost:${server.port}/ok`);
    expect(res.error?.kind).toBe('private-address');
  });

  it('checks every redirect hop', async () => {
    server.route(
      '/to-metadata',
      (_req, res) => void res.writeHead(302, { location: 'http://169.254.169.254/latest/' }).end(),
    );
    server.route(
      '/to-localhost',
      (_req, res) =>
        void res.writeHead(302, { location: `http://localhost:${server.port}/ok` }).end(),
    );
    // 127.0.0.1 is allowed by name, so the first hop connects; the next hop must still be refused.
    const lan = createHttpClient({ allowAddresses: ['127.0.0.1'], sleep: noSleep });
    expect((await lan.fetch(`${server.origin}/ok`)).status).toBe(200);
    const metadata = await lan.fetch(`${server.origin}/to-metadata`);
    expect(metadata.error?.kind).toBe('private-address');
    expect(metadata.effectiveUrl).toBe('http://169.254.169.254/latest/');
    expect((await guarded.fetch(`${server.origin}/to-localhost`)).error?.kind).toBe(
      'private-address',
    );
  });

  it('allows loopback when allowPrivate is true', async () => {
    const res = await client.fetch(`http://localhost:${server.port}/ok`);
    expect(res.status).toBe(200);
  });
});
