/**
 * `caixun sources [--db FILE] [--json] [--config FILE]`: the health of every polled source —
 * last attempt, last success, last error, failures in a row, items fetched, next due time.
 * With `--config`, configured sources never polled yet are listed too.
 */
import { ConfigError, loadConfig } from '../../config/load-config.js';
import { openStore } from '../../store/open-store.js';
import { toSourceHealth, type SourceHealth } from '../../store/source-state.js';
import { EXIT } from '../exit.js';
import { writeLine } from '../output.js';

/** Options of {@link runSourcesCommand}. */
export interface SourcesCommandOptions {
  db: string;
  /** One JSON object per source per line. Default false. */
  json?: boolean;
  /** Configuration whose sources are listed even before their first poll. Default none. */
  config?: string;
}

/** Health rows: stored states, plus configured sources not polled yet, by key. */
export function mergeHealth(
  stored: readonly SourceHealth[],
  configured: readonly { key: string; outlet: string; kind: string }[],
): SourceHealth[] {
  const byKey = new Map(stored.map((h) => [h.key, h]));
  for (const s of configured) {
    const known = byKey.get(s.key);
    if (known) byKey.set(s.key, { ...known, outlet: known.outlet ?? s.outlet, kind: known.kind ?? s.kind });
    else {
      byKey.set(s.key, {
        key: s.key,
        outlet: s.outlet,
        kind: s.kind,
        lastAttemptAt: null,
        lastSuccessAt: null,
        lastError: null,
        consecutiveFailures: 0,
        itemsFetched: 0,
        nextDueAt: null,
      });
    }
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

const short = (iso: string | null): string => (iso ? iso.slice(0, 19).replace('T', ' ') : '-');

/** The human table. */
export function formatHealthTable(rows: readonly SourceHealth[]): string[] {
  const header = ['source', 'kind', 'last attempt', 'last success', 'fails', 'items', 'next due', 'last error'];
  const cells = rows.map((r) => [
    r.key,
    r.kind ?? '-',
    short(r.lastAttemptAt),
    short(r.lastSuccessAt),
    String(r.consecutiveFailures),
    String(r.itemsFetched),
    short(r.nextDueAt),
    r.lastError ? r.lastError.replace(/\s+/g, ' ').slice(0, 80) : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]): string =>
    c.map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i] ?? 0))).join('  ');
  return [line(header), ...cells.map(line)];
}

/**
 * Runs the command; returns the exit code.
 * @example await runSourcesCommand({ db: 'caixun.db', json: true })
 */
export async function runSourcesCommand(options: SourcesCommandOptions): Promise<number> {
  let configured: { key: string; outlet: string; kind: string }[] = [];
  if (options.config) {
    try {
      configured = loadConfig(options.config).sources;
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      process.stderr.write(`caixun: ${err.message}\n`);
      return EXIT.usage;
    }
  }
  const store = await openStore(options.db);
  try {
    const stored = (await store.sourceStates().listSourceStates()).map(toSourceHealth);
    const rows = mergeHealth(stored, configured);
    if (options.json) for (const row of rows) await writeLine(JSON.stringify(row));
    else if (rows.length === 0) await writeLine('no source has been polled yet (run caixun fetch or caixun start)');
    else for (const line of formatHealthTable(rows)) await writeLine(line);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
