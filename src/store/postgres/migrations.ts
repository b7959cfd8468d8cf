/**
 * The PostgreSQL schema as plain SQL steps, applied in order; `schema_migrations` records how
 * many ran. Append-only, like the SQLite list: a shipped step is never edited. Each part of the
 * store owns its step (articles and source state here, the others beside their tables).
 */
import { articlesPgMigration, packedTextPgMigration, sourceStatePgMigration } from './pg-articles-schema.js';
import {
  factsCompactRowsPgMigration,
  factsDirectionPgMigration,
  factsPgMigration,
  factsSentenceLengthPgMigration,
  factsWatermarkPgMigration,
} from './pg-facts-tables.js';
import { searchPgMigration, searchStatisticsPgMigration } from './pg-search-tables.js';
import { storyPendingPgMigration } from './pg-story-queues.js';
import { storyStateBrPgMigration, storyTablesPgMigration } from './pg-story-tables.js';
import { workQueuePgMigration } from './pg-work-queue.js';

/** One schema step: plain SQL, run in one transaction. */
export interface PgMigration {
  name: string;
  sql: string;
}

/** Every step, in the order they were added. */
export const pgMigrations: readonly PgMigration[] = [
  articlesPgMigration,
  sourceStatePgMigration,
  storyTablesPgMigration,
  searchPgMigration,
  factsPgMigration,
  workQueuePgMigration,
  factsDirectionPgMigration,
  packedTextPgMigration,
  factsSentenceLengthPgMigration,
  searchStatisticsPgMigration,
  factsCompactRowsPgMigration,
  storyStateBrPgMigration,
  factsWatermarkPgMigration,
  storyPendingPgMigration,
];
