/** `caixun serve`: the web UI, JSON API and feeds over one database, until SIGINT/SIGTERM. */
import { once } from 'node:events';
import pino from 'pino';
import { openStore } from '../../store/open-store.js';
import { UsageError } from '../../util/errors.js';
import { startServer, type RunningServer } from '../../web/server.js';
import { EXIT } from '../exit.js';
import { writeLine } from '../output.js';

/** Options of `caixun serve`. */
export interface ServeCommandOptions {
  db: string;
  /** TCP port. Default 8080. */
  port: number;
  /** Interface. Default 127.0.0.1. */
  host: string;
  /** Absolute origin for feed links. Default: each request's origin. */
  publicUrl?: string;
}

/** Starts the server, prints its URL, and stops cleanly on SIGINT or SIGTERM. */
export async function runServeCommand(options: ServeCommandOptions): Promise<number> {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new UsageError(`serve: --port must be 0–65535, not ${options.port}`);
  }
  if (options.publicUrl !== undefined && !/^https?:\/\/[^/]+\/?$/.test(options.publicUrl)) {
    throw new UsageError(`serve: --public-url must be an origin such as https://news.example.org, not ${JSON.stringify(options.publicUrl)}`);
  }
  const store = openStore(options.db, { mustExist: true });
  const log = pino({ name: 'caixun-web' }, pino.destination(2));
  try {
    let server: RunningServer;
    try {
      server = await startServer({
        store,
        port: options.port,
        host: options.host,
        publicUrl: options.publicUrl,
        onError: (err, path) => log.error({ err, path }, 'request failed'),
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
        throw new UsageError(`serve: cannot listen on ${options.host}:${options.port} (${code})`, { cause: err });
      }
      throw err;
    }
    await writeLine(`caixun: serving ${options.db} at ${server.url}/ (Ctrl-C stops)`);
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    await server.close();
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
