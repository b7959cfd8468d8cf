/**
 * `caixun worker --db postgres://… --config FILE [--concurrency N] [--lease 2m] [--once]`:
 * one of any number of fetch/ingest workers sharing a PostgreSQL database. Each claims due
 * sources from the work queue (so every source is polled by exactly one worker per round),
 * polls them, stores what arrived and folds it into stories, search and facts, until SIGINT /
 * SIGTERM (in-flight polls finish and are recorded, then it exits 0) or, with `--once`, after
 * one pass over the sources due when it started. `caixun serve` is the web server, a separate
 * process; a SQLite archive has one process doing both: `caixun start`.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../config/load-config.js';
import { parseDuration } from '../../config/duration.js';
import { derivePending } from '../../derive/derive-pending.js';
import { createLogger, logSourceResult, resolveLogLevel, type Logger } from '../../log/logger.js';
import { isPostgresUrl, openStore } from '../../store/open-store.js';
import type { PgStore } from '../../store/postgres/pg-store.js';
import { UsageError } from '../../util/errors.js';
import { createWorker, type WorkerSummary } from '../../worker/worker.js';
import { EXIT } from '../exit.js';
import { writeLine } from '../output.js';

/** Options of {@link runWorkerCommand}. */
export interface WorkerCommandOptions {
  /** PostgreSQL URL (required; the CLI defaults it to CAIXUN_DB). */
  db?: string | undefined;
  /** Path of caixun.config.yaml. */
  config: string;
  /** Sources polled at once. Default `schedule.concurrency` of the configuration. */
  concurrency?: number;
  /**
   * Lease length (`2m`, `30s`): renewed every third of it while polling; how long the sources
   * of a killed worker wait for another one. Default 2m.
   */
  lease?: string;
  /** One pass over the due sources, then exit. Default false. */
  once?: boolean;
  /** Log level (`--log-level`); default `CAIXUN_LOG_LEVEL`, else info. */
  logLevel?: string;
  /** Logger; tests pass one. Default: pino on stderr. */
  logger?: Logger;
  /** Resolves when the worker should stop. Default: the first SIGINT or SIGTERM. */
  stopSignal?: Promise<string>;
}

/** The first SIGINT / SIGTERM, and a function that stops listening. */
function firstSignal(): { signal: Promise<string>; dispose: () => void } {
  let dispose = (): void => undefined;
  const signal = new Promise<string>((resolve) => {
    const on = (name: NodeJS.Signals): void => {
      dispose();
      resolve(name);
    };
    dispose = () => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
  return { signal, dispose };
}

function describePass(owner: string, s: WorkerSummary): string {
  const count = (f: (r: WorkerSummary['results'][number]) => number): number =>
    s.results.reduce((n, r) => n + f(r), 0);
  return (
    `worker ${owner}: polled ${s.results.length} sources: ${count((r) => r.new)} new, ` +
    `${count((r) => r.updated)} updated, ${count((r) => r.unchanged)} unchanged, ` +
    `${count((r) => (r.status === 'failed' ? 1 : 0))} failed`
  );
}

/**
 * Runs the worker; returns the exit code: 0, 1 when `--once` polled sources and every one
 * failed, 2 for bad usage (a SQLite `--db`, a bad configuration), 3 when the database fails.
 * @example await runWorkerCommand({ db: 'postgres://caixun@db/caixun', config: 'caixun.yaml' })
 */
export async function runWorkerCommand(options: WorkerCommandOptions): Promise<number> {
  if (!options.db) {
    throw new UsageError('worker: --db postgres://… is required (or set CAIXUN_DB)');
  }
  if (!isPostgresUrl(options.db)) {
    throw new UsageError(
      'worker: --db must be a PostgreSQL URL (postgres://…); ' +
        `for a SQLite archive run caixun start --db ${options.db}`,
    );
  }
  const leaseMs = parseDuration(options.lease ?? '2m');
  if (leaseMs === undefined || leaseMs < 300) {
    throw new UsageError(
      `worker: --lease must be a duration of at least 300ms such as 2m, not ${JSON.stringify(options.lease)}`,
    );
  }
  if (options.concurrency !== undefined && !(options.concurrency >= 1)) {
    throw new UsageError('worker: --concurrency must be at least 1');
  }
  // A bad configuration throws ConfigError (a UsageError): exit.ts prints it and exits 2.
  const config = loadConfig(options.config);
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const base = options.logger ?? createLogger({ level: resolveLogLevel(options.logLevel) });
  const logger = base.child({ worker: owner });
  const store = await openStore(options.db);
  // Registered while polling: each stored batch tells the other workers how far it reached.
  const leaveWriters = await store.registerWriter();
  const signals = options.stopSignal ? undefined : firstSignal();
  const stop = options.stopSignal ?? signals?.signal ?? new Promise<string>(() => undefined);
  try {
    // Loaded here, like the store itself, so SQLite users never load pg.
    const { PgWorkQueue } = await import('../../store/postgres/pg-work-queue.js');
    const queue = new PgWorkQueue((store as PgStore).pool);
    const worker = createWorker({
      config,
      store,
      queue,
      owner,
      leaseMs,
      once: options.once === true,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      derive: async () => {
        const started = Date.now();
        // Another worker running a step runs it for this worker's articles too, and clustering
        // waits for what the other workers are still storing (derive-pending.ts).
        const counts = await derivePending(store, { whenBusy: 'skip', followWriters: true });
        logger.info({ stage: 'derive', ...counts, durationMs: Date.now() - started }, 'derive');
      },
      onResult: (r, round) => {
        logSourceResult(logger, r);
        logger.debug({ stage: 'queue', source: r.key, round }, 'round completed');
      },
      onError: (stage, err) => logger.error({ stage, error: (err as Error).message }, `${stage} failed`),
    });
    const sources = config.sources.filter((s) => s.enabled).length;
    logger.info({ stage: 'worker', sources, once: options.once === true, leaseMs }, 'worker started');
    if (!options.once) {
      const line = `caixun: worker ${owner} polling ${sources} sources of ${options.config}`;
      await writeLine(`${line} (Ctrl-C stops)`);
    }
    void stop.then((signal) => {
      const inFlight = worker.inFlight();
      logger.info({ stage: 'worker', signal, inFlight }, 'stopping: finishing in-flight polls');
      worker.stop();
    });
    const summary = await worker.run();
    // Done storing: leave the writers first, then derive once more, so that what clustering held
    // back for this worker is clustered by whichever worker leaves last (derive-pending.ts).
    await leaveWriters();
    const final = await derivePending(store, { whenBusy: 'skip', followWriters: true });
    logger.info({ stage: 'derive', ...final }, 'final derive');
    logger.info({ stage: 'worker', polled: summary.results.length, lost: summary.lost }, 'stopped');
    if (options.once) {
      await writeLine(describePass(owner, summary));
      const failed = summary.results.filter((r) => r.status === 'failed').length;
      return summary.results.length > 0 && failed === summary.results.length ? EXIT.partial : EXIT.ok;
    }
    return EXIT.ok;
  } finally {
    signals?.dispose();
    await store.close();
  }
}
