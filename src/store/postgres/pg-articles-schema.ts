/**
 * The PostgreSQL steps for articles, their revisions, source state and content fingerprints:
 * the same tables, columns and indexes as the SQLite store (src/store/sqlite/migrations.ts,
 * source-state.ts), so rows copy across unchanged. JSON columns stay JSON text and timestamps
 * stay ISO text, so watermarks and cursors compare exactly as they do on SQLite.
 */
import type { PgMigration } from './migrations.js';

/** Step: `articles` and `article_revisions`. */
export const articlesPgMigration: PgMigration = {
  name: 'articles and revisions',
  sql: `
    CREATE TABLE articles (
      id             text PRIMARY KEY,
      outlet         text NOT NULL,
      outlet_key     text NOT NULL,
      title          text NOT NULL,
      url            text,
      published_at   text,
      -- UTC epoch seconds of publishedAt (fetchedAt when unknown): ordering across offsets
      sort_ts        bigint NOT NULL,
      fetched_at     text NOT NULL,
      categories     text NOT NULL,
      tags           text NOT NULL,
      html           text NOT NULL,
      text           text NOT NULL,
      images         text NOT NULL,
      provenance     text NOT NULL,
      format         text NOT NULL,
      content_hash   text NOT NULL,
      digest         text,
      flags          text NOT NULL,
      raw_origin     text NOT NULL,
      raw_media_type text NOT NULL,
      raw_body       text NOT NULL,
      revision       integer NOT NULL DEFAULT 1,
      created_at     text NOT NULL,
      updated_at     text NOT NULL
    );
    CREATE INDEX articles_by_time ON articles (sort_ts DESC, id DESC);
    CREATE INDEX articles_by_outlet_time ON articles (outlet_key, sort_ts DESC, id DESC);
    CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;

    CREATE TABLE article_revisions (
      article_id    text NOT NULL,
      revision      integer NOT NULL,
      content_hash  text NOT NULL,
      replaced_at   text NOT NULL,
      article_json  text NOT NULL,
      PRIMARY KEY (article_id, revision)
    );
    CREATE INDEX article_revisions_by_hash ON article_revisions (article_id, content_hash);
  `,
};

/** Step: `source_state` (with the health columns) and `article_fingerprints`. */
export const sourceStatePgMigration: PgMigration = {
  name: 'source state and article fingerprints',
  sql: `
    CREATE TABLE source_state (
      key                  text PRIMARY KEY,
      etag                 text,
      last_modified        text,
      last_attempt_at      text,
      last_success_at      text,
      last_failure_at      text,
      last_error_kind      text,
      last_error           text,
      consecutive_failures integer NOT NULL DEFAULT 0,
      next_due_at          text,
      items_fetched        bigint NOT NULL DEFAULT 0,
      outlet               text,
      kind                 text
    );
    CREATE TABLE article_fingerprints (
      fingerprint text PRIMARY KEY,
      article_id  text NOT NULL
    );
  `,
};

/** Step: article bodies and revisions Brotli-compressed, as on SQLite (src/store/packed-text.ts). */
export const packedTextPgMigration: PgMigration = {
  name: 'compressed article bodies and revisions',
  sql: `
    ALTER TABLE articles ADD COLUMN body_br bytea;
    ALTER TABLE article_revisions ADD COLUMN article_json_br bytea;
  `,
};
