/**
 * Structured logs (pino), one JSON object per line on stderr so stdout stays the command's
 * output. Fixed keys: `source`, `kind`, `url`, `status`, `durationMs`, `items`, `new`,
 * `updated`, `unchanged`, `errorKind`, `error`, `stage`.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { SourceResult } from '../fetch-round/types.js';
import { UsageError } from '../util/errors.js';

export type { Logger };

/** Levels accepted by `--log-level` / `CAIXUN_LOG_LEVEL`. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Minimum level. Default `info`. */
  level?: LogLevel;
  /** Where lines go. Default stderr (synchronous, so nothing is lost at exit). */
  destination?: DestinationStream;
}

/**
 * The level to use: the flag, else `CAIXUN_LOG_LEVEL`, else `info`.
 * @throws UsageError for an unknown level
 */
export function resolveLogLevel(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): LogLevel {
  const value = (flag ?? env['CAIXUN_LOG_LEVEL'] ?? 'info').trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new UsageError(`log: unknown level ${JSON.stringify(value)}; use one of ${LOG_LEVELS.join(', ')}`);
  }
  return value as LogLevel;
}

/**
 * Creates the logger.
 * @example const log = createLogger({ level: resolveLogLevel(opts.logLevel) });
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    { level: options.level ?? 'info', base: { name: 'caixun' } },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

/** Logs one polled source: info when it worked, warn when it (or some of its items) failed. */
export function logSourceResult(logger: Logger, result: SourceResult): void {
  const fields = {
    stage: 'fetch',
    source: result.key,
    kind: result.kind,
    url: result.url,
    status: result.status,
    durationMs: result.durationMs,
    items: result.items,
    new: result.new,
    updated: result.updated,
    unchanged: result.unchanged,
    ...(result.itemFailures > 0 ? { itemFailures: result.itemFailures } : {}),
    ...(result.errorKind === undefined ? {} : { errorKind: result.errorKind }),
    ...(result.reason === undefined ? {} : { error: result.reason }),
  };
  if (result.status === 'skipped') logger.debug(fields, 'fetch skipped');
  else if (result.status === 'failed') logger.warn(fields, 'fetch failed');
  else if (result.itemFailures > 0) logger.warn(fields, 'fetch partly failed');
  else logger.info(fields, 'fetch');
}
