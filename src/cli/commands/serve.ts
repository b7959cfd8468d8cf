/** `caixun serve`: the web UI, JSON API and feeds over one database, until SIGINT/SIGTERM. */
import { once } from 'node:events';
import pino from 'pino';
import { openStore } from '../../store/open-store.js';
import { UsageError } from '../../util/errors.js';
import { startServer, type RunningServer, type ServerOptions } from '../../web/server.js';
import { EXIT } from '../exit.js';
import { writeLine } from '../output.js';

/** Options of `caixun serve`. */
export interface ServeCommandOptions {
  db: string;
  /** TCP port. Default 8080. */
  port: number;
  /** Interface. Default 127.0.0.1. */
  host: string;
  /** Absolute origin for feed links. Default: the address the server listens on. */
  publicUrl?: string;
}

/**
 * {@link startServer}, with a port that is taken or not allowed reported as a usage error
 * (exit 2, one line) instead of a crash. `caixun serve` and `caixun start` both listen through it.
 */
export async function listenOrExplain(options: ServerOptions): Promise<RunningServer> {
  try {
    return await startServer(options);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      const where = `${options.host ?? '127.0.0.1'}:${options.port}`;
      throw new UsageError(`web: cannot listen on ${where} (${code}); choose another --port`, { cause: err });
    }
    throw err;
  }
}

/** Throws a usage error unless `publicUrl` is absent or an http(s) origin. */
export function checkPublicUrl(command: string, publicUrl: string | undefined): void {
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+\/?$/.test(publicUrl)) {
    throw new UsageError(`${command}: --public-url must be an origin such as https://news.example.org, not ${JSON.stringify(publicUrl)}`);
  }
}

/** Starts the server, prints its URL, and stops cleanly on SIGINT or SIGTERM. */
export async function runServeCommand(options: ServeCommandOptions): Promise<number> {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new UsageError(`serve: --port must be 0–65535, not ${options.port}`);
  }
  checkPublicUrl('serve', options.publicUrl);
  const store = await openStore(options.db, { mustExist: true });
  const log = pino({ name: 'caixun-web' }, pino.destination(2));
  try {
    const server = await listenOrExplain({
      store,
      port: options.port,
      host: options.host,
      publicUrl: options.publicUrl,
      onError: (err, path) => log.error({ err, path }, 'request failed'),
    });
    await writeLine(`caixun: serving ${options.db} at ${server.url}/ (Ctrl-C stops)`);
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    await server.close();
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
