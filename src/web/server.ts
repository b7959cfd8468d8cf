/** Runs the web app on a TCP port (node's HTTP server through @hono/node-server). */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/store.js';
import { createApp, type AppOptions } from './app.js';
import { factsPanelFor, factsRoutes } from './routes/facts.js';

/** Options of {@link startServer}. */
export interface ServerOptions extends Omit<AppOptions, 'store'> {
  store: Store;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** Stops accepting connections, closes idle ones and resolves when the server is closed. */
  close(): Promise<void>;
}

/**
 * Starts the web UI, JSON API and feeds over `store`. The caller owns the store (closes it after).
 * @example
 * const server = await startServer({ store, port: 8080 });
 * // … later
 * await server.close();
 */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  // The facts panel and routes are part of the served app unless the caller chose others.
  const app = createApp({
    ...options,
    factsPanel: options.factsPanel ?? factsPanelFor(options.store),
    routes: options.routes ?? [factsRoutes({ store: options.store })],
  });
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    const onError = (err: Error): void => reject(err);
    server = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info: AddressInfo) => {
      server?.off('error', onError);
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            const s = server as ServerType & { closeAllConnections?: () => void; closeIdleConnections?: () => void };
            s.close((err) => (err ? fail(err) : done()));
            s.closeIdleConnections?.();
            s.closeAllConnections?.();
          }),
      });
    });
    server.once('error', onError);
  });
}
