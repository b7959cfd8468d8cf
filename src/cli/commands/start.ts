/**
 * `caixun start [--config FILE] [--db FILE] [--port 8080] [--host H]`: the scheduler and the
 * web server in one process until SIGINT / SIGTERM, which stop scheduling, let in-flight
 * polls and their writes finish, close the server and the database, and exit 0.
 */
import { loadConfig } from '../../config/load-config.js';
import { derivePending } from '../../derive/derive-pending.js';
import { createLogger, logSourceResult, resolveLogLevel, type Logger } from '../../log/logger.js';
import { createScheduler } from '../../scheduler/scheduler.js';
import { isPostgresUrl, openStore } from '../../store/open-store.js';
import { UsageError } from '../../util/errors.js';
import { EXIT } from '../exit.js';
import { writeLine } from '../output.js';
import { checkPublicUrl, listenOrExplain } from './serve.js';

/** Options of {@link runStartCommand}. */
export interface StartCommandOptions {
  config: string;
  db: string;
  /** Web server port; 0 picks a free one. Default 8080. */
  port?: number;
  /** Interface the web server listens on. Default 127.0.0.1. */
  host?: string;
  /** Absolute origin for feed links. Default: the address the server listens on. */
  publicUrl?: string;
  /** Run the scheduler only (`--no-web`). Default: with the web server. */
  web?: boolean;
  logLevel?: string;
  logger?: Logger;
  /** Resolves when the process should stop. Default: the first SIGINT or SIGTERM. */
  stopSignal?: Promise<string>;
}

function firstSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/**
 * Runs until stopped; returns the exit code.
 * @example await runStartCommand({ config: 'caixun.config.yaml', db: 'caixun.db', port: 8080 })
 */
export async function runStartCommand(options: StartCommandOptions): Promise<number> {
  // A bad configuration throws ConfigError (a UsageError): exit.ts prints it and exits 2.
  checkPublicUrl('start', options.publicUrl);
  const config = loadConfig(options.config);
  const logger = options.logger ?? createLogger({ level: resolveLogLevel(options.logLevel) });
  const stop = options.stopSignal ?? firstSignal();
  // Several processes share a PostgreSQL archive; the in-process scheduler would poll beside the
  // workers' queue, so PostgreSQL gets `caixun worker` (any number) plus `caixun serve`.
  if (isPostgresUrl(options.db)) {
    throw new UsageError('start: with a PostgreSQL database run `caixun worker --db URL --config FILE` (one or more) and `caixun serve --db URL`');
  }
  const store = await openStore(options.db);
  try {
    const server =
      options.web === false
        ? undefined
        : await listenOrExplain({ store, port: options.port ?? 8080, ...(options.host ? { host: options.host } : {}), publicUrl: options.publicUrl });
    if (server) {
      logger.info({ stage: 'web', url: server.url }, 'web server listening');
      await writeLine(`caixun: serving ${options.db} at ${server.url}/ and polling ${options.config} (Ctrl-C stops)`);
    }
    const scheduler = createScheduler({
      config,
      store,
      derive: async (s) => {
        const started = Date.now();
        const counts = await derivePending(s);
        logger.info({ stage: 'derive', ...counts, durationMs: Date.now() - started }, 'derive');
      },
      onResult: (r) => logSourceResult(logger, r),
      onError: (stage, err) => logger.error({ stage, error: (err as Error).message }, `${stage} failed`),
    });
    scheduler.start();
    logger.info({ stage: 'scheduler', sources: config.sources.filter((s) => s.enabled).length }, 'scheduler started');
    const signal = await stop;
    logger.info({ stage: 'scheduler', signal, inFlight: scheduler.inFlight() }, 'stopping: finishing in-flight polls');
    await scheduler.stop();
    await server?.close();
    logger.info({ stage: 'scheduler' }, 'stopped');
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
