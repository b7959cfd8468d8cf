/**
 * `caixun fetch --config FILE [--db FILE] [--json] [--source KEY…]`: one round over the sources,
 * then the derive steps (stories, search, facts) over what arrived, then exit (for cron).
 */
import { loadConfig } from '../../config/load-config.js';
import { runFetchRound } from '../../fetch-round/run-fetch-round.js';
import type { FetchRoundSummary, SourceResult } from '../../fetch-round/types.js';
import { derivePending, type DeriveCounts } from '../../derive/derive-pending.js';
import { createLogger, logSourceResult, resolveLogLevel, type Logger } from '../../log/logger.js';
import { isPostgresUrl, openStore } from '../../store/open-store.js';
import { UsageError } from '../../util/errors.js';
import { EXIT } from '../exit.js';

/** Options of {@link runFetchCommand}. */
export interface FetchCommandOptions {
  /** Path of caixun.config.yaml. */
  config: string;
  /** SQLite database file. */
  db: string;
  /** Print the summary as one JSON object. Default false. */
  json?: boolean;
  /** Only these source keys. Default all. */
  source?: string[];
  /** Skip the derive steps (`--no-derive`). Default: derive. */
  derive?: boolean;
  /** Log level (`--log-level`); default `CAIXUN_LOG_LEVEL`, else info. */
  logLevel?: string;
  /** Logger; tests pass one. Default: pino on stderr. */
  logger?: Logger;
}

function describe(r: SourceResult): string {
  const counts = `${r.new} new, ${r.updated} updated, ${r.unchanged} unchanged`;
  switch (r.status) {
    case 'ok':
      return `ok (${r.items} items: ${counts}${r.itemFailures ? `; ${r.reason ?? `${r.itemFailures} items failed`}` : ''})`;
    case 'not-modified':
      return 'not modified';
    case 'skipped':
      return `skipped: ${r.reason ?? ''}`;
    case 'failed':
      return `FAILED ${r.errorKind ?? ''}: ${r.reason ?? ''}`;
  }
}

function formatSummary(s: FetchRoundSummary): string {
  const width = Math.max(...s.sources.map((r) => r.key.length), 6);
  const lines = s.sources.map((r) => `  ${r.key.padEnd(width)}  ${describe(r)}`);
  lines.unshift(
    `fetched ${s.sources.length} sources in ${(s.durationMs / 1000).toFixed(1)} s: ` +
      `${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ` +
      `${s.notModified} not modified, ${s.failed} failed, ${s.skipped} skipped`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Runs the command; returns the exit code: 0, 1 when every polled source failed, 2 for a bad
 * configuration, 3 when the database cannot be opened.
 * @example await runFetchCommand({ config: 'caixun.config.yaml', db: 'caixun.db' })
 */
export async function runFetchCommand(options: FetchCommandOptions): Promise<number> {
  // A bad configuration throws ConfigError (a UsageError): exit.ts prints it and exits 2.
  const config = loadConfig(options.config);
  const logger = options.logger ?? createLogger({ level: resolveLogLevel(options.logLevel) });
  const unknown = (options.source ?? []).filter((k) => !config.sources.some((s) => s.key === k));
  if (unknown.length > 0) {
    process.stderr.write(`caixun: no source with key ${unknown.join(', ')} in ${options.config}\n`);
    return EXIT.usage;
  }
  // A round outside the workers' queue could poll a source a second time beside them.
  if (isPostgresUrl(options.db)) {
    throw new UsageError('fetch: with a PostgreSQL database run `caixun worker --once --db URL --config FILE` (it polls through the shared queue)');
  }
  const store = await openStore(options.db);
  try {
    const summary = await runFetchRound(config, store, {
      ...(options.source?.length ? { only: options.source } : {}),
      onEvent: (e) => {
        if (e.type === 'source-done') logSourceResult(logger, e.result);
      },
    });
    let derived: DeriveCounts = {};
    if (options.derive !== false) {
      const started = Date.now();
      derived = await derivePending(store);
      logger.info({ stage: 'derive', ...derived, durationMs: Date.now() - started }, 'derive');
    }
    const output = { ...summary, derived };
    process.stdout.write(options.json ? `${JSON.stringify(output)}\n` : formatSummary(summary));
    const polled = summary.sources.filter((r) => r.status !== 'skipped').length;
    return polled > 0 && summary.failed === polled ? EXIT.partial : EXIT.ok;
  } finally {
    await store.close();
  }
}
