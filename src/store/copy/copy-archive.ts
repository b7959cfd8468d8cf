/**
 * Copy a SQLite archive into a PostgreSQL store (`caixun migrate`): articles with their revision
 * history and timestamps exactly, source state, fingerprints, the story tables and the numeric
 * claims. Safe to run again: articles are copied in keyset batches, each batch one transaction,
 * upserted by id (an interrupted run resumes by copying again, never duplicating); the other
 * tables are replaced whole, each in one transaction. The search index is the caller's to build.
 */
import type pg from 'pg';
import { UsageError } from '../../util/errors.js';
import { withPgTransaction } from '../postgres/pg-pool.js';
import type { PgStore } from '../postgres/pg-store.js';
import {
  ARTICLES,
  type CopiedTable,
  FACT_ARTICLES,
  FACT_CLAIMS,
  FACT_SUBJECTS,
  FINGERPRINTS,
  insertRows,
  REVISIONS,
  SOURCE_STATE,
  STORIES,
  STORY_KEY_SETS,
  STORY_MEMBERS,
} from './copy-tables.js';
import type { ArchiveCounts, SqliteArchiveSource } from './sqlite-source.js';

/** Options of {@link copyArchive}. */
export interface CopyOptions {
  /** Articles per transaction; default 500. */
  batchSize?: number;
  /** Replace a target that holds other articles (its caixun tables are emptied first). Default false. */
  force?: boolean;
  /** Called after each committed batch of articles. */
  onProgress?: (done: number, total: number) => void;
}

/** Rows per statement of the smaller tables. */
const SMALL_BATCH = 2000;
/** Advisory-lock key of clustering (pg-story-tables.ts): held while the story tables are replaced. */
const CLUSTER_LOCK = 'caixun:stories';

/** Row counts of the verified tables in the PostgreSQL store. */
export async function targetCounts(target: PgStore): Promise<ArchiveCounts> {
  const { rows } = await target.pool.query<ArchiveCounts>(`SELECT
    (SELECT count(*) FROM articles) AS articles,
    (SELECT count(*) FROM article_revisions) AS revisions,
    (SELECT count(*) FROM stories) AS stories,
    (SELECT count(*) FROM story_members) AS members,
    (SELECT count(*) FROM fact_claims) AS claims,
    (SELECT count(*) FROM source_state) AS "sourceStates"`);
  return rows[0]!;
}

/**
 * The first article of the target that is not a version of one in the source (another archive,
 * or another edit of it), or undefined when the target holds only the source's articles or a part
 * of them (an earlier, interrupted or older copy).
 */
async function foreignArticle(source: SqliteArchiveSource, target: PgStore): Promise<string | undefined> {
  let after = '';
  for (;;) {
    const { rows } = await target.pool.query<{ id: string; content_hash: string }>(
      'SELECT id, content_hash FROM articles WHERE id > $1 ORDER BY id LIMIT 5000',
      [after],
    );
    for (const r of rows) if (!source.knownHashes(r.id).includes(r.content_hash)) return r.id;
    if (rows.length < 5000) return undefined;
    after = rows[rows.length - 1]!.id;
  }
}

/** Empty every table the copy writes, and the search index (rebuilt after the copy). */
async function emptyTarget(target: PgStore): Promise<void> {
  await target.search().wipe();
  await target.stories().wipe();
  await target.facts().wipe();
  await target.pool.query('TRUNCATE articles, article_revisions, source_state, article_fingerprints');
}

/** Copy the whole of `spec` in keyset batches on `client` (inside the caller's transaction). */
async function copyWhole(source: SqliteArchiveSource, client: pg.PoolClient, spec: CopiedTable): Promise<void> {
  let after: string | number | null = null;
  for (;;) {
    const rows = source.batchAfter(spec.table, spec.key, after, SMALL_BATCH);
    await insertRows(client, spec, rows);
    if (rows.length < SMALL_BATCH) return;
    after = rows[rows.length - 1]![spec.key] as string | number;
  }
}

async function copyArticles(source: SqliteArchiveSource, target: PgStore, total: number, options: CopyOptions): Promise<void> {
  const batchSize = Math.max(1, options.batchSize ?? 500);
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const rows = source.batchAfter('articles', 'id', after, batchSize);
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id as string);
    const revisions = source.rowsWhereIn('article_revisions', 'article_id', ids);
    await withPgTransaction(target.pool, async (client) => {
      await insertRows(client, ARTICLES, rows);
      await insertRows(client, REVISIONS, revisions);
    });
    done += rows.length;
    options.onProgress?.(done, total);
    if (rows.length < batchSize) break;
    after = ids[ids.length - 1]!;
  }
}

async function copyStories(source: SqliteArchiveSource, target: PgStore): Promise<void> {
  await withPgTransaction(target.pool, async (client) => {
    // No worker may cluster while the story tables are replaced under it.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CLUSTER_LOCK]);
    await client.query('DELETE FROM story_members');
    await client.query('DELETE FROM stories');
    await client.query('DELETE FROM story_key_sets');
    for (const spec of [STORIES, STORY_MEMBERS, STORY_KEY_SETS]) await copyWhole(source, client, spec);
    // New key sets are numbered after the copied ones; workers reload their in-memory index.
    await client.query(`SELECT setval('story_key_sets_n', coalesce((SELECT max(n) FROM story_key_sets), 0) + 1, false)`);
    await client.query('UPDATE story_index_state SET generation = generation + 1');
  });
}

async function copyFacts(source: SqliteArchiveSource, target: PgStore): Promise<void> {
  await withPgTransaction(target.pool, async (client) => {
    await client.query('DELETE FROM fact_claims');
    await client.query('DELETE FROM fact_articles');
    await client.query('DELETE FROM fact_subjects');
    await copyWhole(source, client, FACT_SUBJECTS);
    let after: number | null = null;
    for (;;) {
      const rows = source.batchAfter('fact_articles', 'article_key', after, SMALL_BATCH);
      await insertRows(client, FACT_ARTICLES, rows);
      const keys = rows.map((r) => r.article_key as number);
      await insertRows(client, FACT_CLAIMS, source.claimsOf(keys));
      if (rows.length < SMALL_BATCH) break;
      after = keys[keys.length - 1]!;
    }
    // Keys and subject ids written from now on follow the copied ones.
    for (const [table, column] of [['fact_articles', 'article_key'], ['fact_subjects', 'id']] as const) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${table}', '${column}'), coalesce((SELECT max(${column}) FROM ${table}), 0) + 1, false)`,
      );
    }
  });
}

/**
 * Copy `source` into `target`. A target holding articles that are not versions of the source's
 * is refused with a {@link UsageError} unless `force` (then it is emptied first).
 */
export async function copyArchive(source: SqliteArchiveSource, target: PgStore, options: CopyOptions = {}): Promise<void> {
  const before = await targetCounts(target);
  if (before.articles > 0) {
    const foreign = await foreignArticle(source, target);
    if (foreign !== undefined) {
      if (!options.force) {
        throw new UsageError(
          `migrate: ${target.location} already holds other articles (${foreign} is not in ${source.path}); ` +
            'use --force to replace them',
        );
      }
      await emptyTarget(target);
    }
  }
  const total = source.counts().articles;
  options.onProgress?.(0, total);
  await copyArticles(source, target, total, options);
  await withPgTransaction(target.pool, async (client) => {
    await client.query('DELETE FROM source_state');
    await client.query('DELETE FROM article_fingerprints');
    await copyWhole(source, client, SOURCE_STATE);
    await copyWhole(source, client, FINGERPRINTS);
  });
  await copyStories(source, target);
  await copyFacts(source, target);
}
