/**
 * Schema migrations: an append-only ordered list. Never edit a step that has shipped;
 * add a new one. `PRAGMA user_version` records how many steps a database has applied.
 */
import {
  factsCompactRowsMigration,
  factsDirectionMigration,
  factsSentenceLengthMigration,
  factsTablesMigration,
  factsWatermarkMigration,
} from './facts-tables.js';
import { searchTablesMigration } from './search-tables.js';
import { sourceHealthMigration, sourceStateMigration } from './source-state.js';
import { storyPendingMigration } from './story-queues.js';
import { storyKeySetsMigration, storyStateBrMigration, storyTablesMigration } from './story-tables.js';

export interface Migration {
  /** What the step does, for error messages. */
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    name: 'articles and revisions',
    sql: `
      CREATE TABLE articles (
        id            TEXT PRIMARY KEY,
        outlet        TEXT NOT NULL,
        outlet_key    TEXT NOT NULL,
        title         TEXT NOT NULL,
        url           TEXT,
        published_at  TEXT,
        -- UTC epoch seconds of publishedAt (fetchedAt when unknown): ordering across offsets
        sort_ts       INTEGER NOT NULL,
        fetched_at    TEXT NOT NULL,
        categories    TEXT NOT NULL,
        tags          TEXT NOT NULL,
        html          TEXT NOT NULL,
        text          TEXT NOT NULL,
        images        TEXT NOT NULL,
        provenance    TEXT NOT NULL,
        format        TEXT NOT NULL,
        content_hash  TEXT NOT NULL,
        digest        TEXT,
        flags         TEXT NOT NULL,
        raw_origin    TEXT NOT NULL,
        raw_media_type TEXT NOT NULL,
        raw_body      TEXT NOT NULL,
        revision      INTEGER NOT NULL DEFAULT 1,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX articles_by_time ON articles (sort_ts DESC, id DESC);
      CREATE INDEX articles_by_outlet_time ON articles (outlet_key, sort_ts DESC, id DESC);
      CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;

      CREATE TABLE article_revisions (
        article_id    TEXT NOT NULL,
        revision      INTEGER NOT NULL,
        content_hash  TEXT NOT NULL,
        replaced_at   TEXT NOT NULL,
        article_json  TEXT NOT NULL,
        PRIMARY KEY (article_id, revision)
      ) STRICT;
      CREATE INDEX article_revisions_by_hash ON article_revisions (article_id, content_hash);
    `,
  },
  storyTablesMigration,
  sourceStateMigration,
  searchTablesMigration,
  storyKeySetsMigration,
  factsTablesMigration,
  sourceHealthMigration,
  factsDirectionMigration,
  {
    // An article's text, HTML and raw input Brotli-compressed together, and revisions
    // compressed (src/store/packed-text.ts). New rows leave the plain columns empty; older rows
    // keep their texts there and are read as before.
    name: 'compressed article bodies and revisions',
    sql: `
      ALTER TABLE articles ADD COLUMN body_br BLOB;
      ALTER TABLE article_revisions ADD COLUMN article_json_br BLOB;
    `,
  },
  factsSentenceLengthMigration,
  factsCompactRowsMigration,
  storyStateBrMigration,
  factsWatermarkMigration,
  storyPendingMigration,
];
