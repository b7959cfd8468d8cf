/**
 * `caixun migrate --from <sqlite file> --to <postgres url>`: copy an archive into PostgreSQL,
 * build the target's search index, and verify that both sides hold the same numbers of
 * articles, revisions, stories, members, claims and source states.
 */
import { indexPending } from '../../search/index-articles.js';
import { copyArchive, targetCounts } from '../../store/copy/copy-archive.js';
import { type ArchiveCounts, SqliteArchiveSource } from '../../store/copy/sqlite-source.js';
import { isPostgresUrl } from '../../store/open-store.js';
import { PgStore } from '../../store/postgres/pg-store.js';
import { UsageError } from '../../util/errors.js';
import { EXIT } from '../exit.js';
import { writeLine } from '../output.js';
import { createProgress } from '../progress.js';

/** Options of `caixun migrate`. */
export interface MigrateCommandOptions {
  /** The SQLite archive to copy. */
  from: string;
  /** The PostgreSQL URL to copy into. */
  to: string;
  json?: boolean;
  /** Articles per transaction (default 500). */
  batch?: number;
  /** Replace a target that holds other articles. */
  force?: boolean;
  /** Show progress on stderr (default true). */
  progress?: boolean;
}

const FIELDS: readonly (keyof ArchiveCounts)[] = ['articles', 'revisions', 'stories', 'members', 'claims', 'sourceStates'];

/** Run `caixun migrate`; returns the exit code (1 when the counts differ after the copy). */
export async function runMigrateCommand(options: MigrateCommandOptions): Promise<number> {
  if (isPostgresUrl(options.from)) throw new UsageError('migrate: --from must be a SQLite archive file');
  if (!isPostgresUrl(options.to)) throw new UsageError('migrate: --to must be a PostgreSQL URL (postgres://…)');
  if (options.batch !== undefined && options.batch < 1) throw new UsageError('migrate: --batch must be at least 1');
  const started = performance.now();
  const source = await SqliteArchiveSource.open(options.from);
  try {
    const target = await PgStore.open(options.to);
    try {
      const showProgress = options.progress !== false;
      const copying = createProgress('copying', showProgress, 'articles');
      try {
        await copyArchive(source, target, {
          ...(options.batch !== undefined ? { batchSize: options.batch } : {}),
          ...(options.force ? { force: true } : {}),
          onProgress: (done, total) => copying.update(done, total),
        });
      } finally {
        copying.stop();
      }
      const indexing = createProgress('indexing', showProgress, 'articles');
      try {
        await indexPending(target, { onProgress: (done, total) => indexing.update(done, total) });
      } finally {
        indexing.stop();
      }
      const want = source.counts();
      const got = await targetCounts(target);
      const verified = FIELDS.every((f) => want[f] === got[f]);
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      await report(want, got, verified, seconds, target.location, options.json === true);
      return verified ? EXIT.ok : EXIT.partial;
    } finally {
      await target.close();
    }
  } finally {
    source.close();
  }
}

async function report(
  want: ArchiveCounts,
  got: ArchiveCounts,
  verified: boolean,
  seconds: number,
  location: string,
  json: boolean,
): Promise<void> {
  if (json) {
    const mismatch = Object.fromEntries(
      FIELDS.filter((f) => want[f] !== got[f]).map((f) => [f, { source: want[f], target: got[f] }]),
    );
    await writeLine(JSON.stringify({ ...got, verified, seconds, ...(verified ? {} : { mismatch }) }));
    return;
  }
  for (const f of FIELDS) {
    await writeLine(`${f.padEnd(13)} ${String(want[f]).padStart(9)} → ${String(got[f]).padStart(9)}${want[f] === got[f] ? '' : '  MISMATCH'}`);
  }
  if (verified) await writeLine(`copied and verified into ${location} in ${seconds.toFixed(1)} s`);
  else process.stderr.write(`caixun: the copy in ${location} does not match the source (see MISMATCH above)\n`);
}
