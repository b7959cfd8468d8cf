/**
 * A mock outlet server on 127.0.0.1 for fetch tests: routes are plain handlers, and the
 * server counts requests per path and tracks the highest number of requests in flight.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Handles one request; may answer slowly or not at all. */
export type MockHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  hit: number,
) => void | Promise<void>;

/** A running mock server. */
export interface MockServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Requests seen per path (without query). */
  hits: Map<string, number>;
  /** Highest number of requests in flight at once. */
  maxInFlight: () => number;
  /** Starts counting the highest number in flight afresh. */
  resetPeak(): void;
  route(path: string, handler: MockHandler): void;
  close(): Promise<void>;
}

/** Starts a server with the given routes; unknown paths answer 404. `host` defaults to 127.0.0.1. */
export async function startMockServer(
  routes: Record<string, MockHandler> = {},
  host = '127.0.0.1',
): Promise<MockServer> {
  const table = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  let inFlight = 0;
  let peak = 0;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    inFlight++;
    peak = Math.max(peak, inFlight);
    res.on('close', () => inFlight--);
    const handler = table.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    void Promise.resolve(handler(req, res, hit)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    port,
    hits,
    maxInFlight: () => peak,
    resetPeak: () => void (peak = inFlight),
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler that sends a fixed body. */
export function sendBody(
  body: string | Buffer,
  contentType: string,
  extraHeaders: Record<string, string> = {},
): MockHandler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, ...extraHeaders }).end(body);
  };
}

/** A handler that answers 304 when the request's If-None-Match equals `etag`. */
export function sendWithEtag(
  body: () => string | Buffer,
  contentType: string,
  etag: string,
): MockHandler {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, etag }).end(body());
  };
}
