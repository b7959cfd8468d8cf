/**
 * The queues of the stories step on PostgreSQL (what is pending, what may have changed) and the
 * kept number of stories, maintained by triggers, so PgStoryTables (pg-story-tables.ts)
 * reads them at the cost of what is queued.
 */
import type { PgMigration } from './migrations.js';

/**
 * Step: what is pending for the stories step, kept as it changes, as on SQLite (see
 * `storyPendingMigration` in src/store/sqlite/story-queues.ts for why a queue table and
 * triggers). `story_pending` is ordered bytewise (`COLLATE "C"`) as clustering is.
 *
 * With several writers (READ COMMITTED), `story_changed` is a superset so no race loses a
 * change: an article's new hash always queues it, whether or not its membership is visible to
 * the updating transaction yet; a membership inserted with a hash that differs from the
 * article's (as seen when its trigger runs) queues it too; the lock checks the hashes.
 * One race is left: an article's sort_ts changed while another transaction releases it (its
 * story dissolved) can leave its queue row at the old sort_ts; it then clusters at its old
 * place in the order (paging follows the queue's sort_ts, so nothing is skipped).
 * TRUNCATE (which fires no row trigger) empties or refills the queues. `story_count` keeps the
 * number of stories.
 */
export const storyPendingPgMigration: PgMigration = {
  name: 'story pending and changed queues',
  sql: `
    CREATE TABLE story_pending (
      article_id     text PRIMARY KEY,
      sort_ts        bigint NOT NULL
    );
    CREATE INDEX story_pending_in_order ON story_pending (sort_ts, article_id COLLATE "C");
    CREATE TABLE story_changed (
      article_id     text PRIMARY KEY
    );

    INSERT INTO story_pending (article_id, sort_ts)
      SELECT a.id, a.sort_ts FROM articles a
      WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id);
    INSERT INTO story_changed (article_id)
      SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id
      WHERE m.content_hash IS DISTINCT FROM a.content_hash;

    CREATE FUNCTION story_queues_on_article() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        DELETE FROM story_pending WHERE article_id = OLD.id;
        DELETE FROM story_changed WHERE article_id = OLD.id;
      ELSIF TG_OP = 'INSERT' THEN
        INSERT INTO story_pending (article_id, sort_ts)
          SELECT NEW.id, NEW.sort_ts WHERE NOT EXISTS (SELECT 1 FROM story_members WHERE article_id = NEW.id)
          ON CONFLICT (article_id) DO UPDATE SET sort_ts = excluded.sort_ts;
        -- a membership written before its article (a copy): changed when the hashes differ
        INSERT INTO story_changed (article_id)
          SELECT article_id FROM story_members WHERE article_id = NEW.id AND content_hash IS DISTINCT FROM NEW.content_hash
          ON CONFLICT DO NOTHING;
      ELSE
        IF NEW.sort_ts IS DISTINCT FROM OLD.sort_ts THEN
          UPDATE story_pending SET sort_ts = NEW.sort_ts WHERE article_id = NEW.id;
        END IF;
        IF NEW.content_hash IS DISTINCT FROM OLD.content_hash THEN
          INSERT INTO story_changed (article_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
        END IF;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER story_queues_on_article AFTER INSERT OR DELETE OR UPDATE OF sort_ts, content_hash ON articles
      FOR EACH ROW EXECUTE FUNCTION story_queues_on_article();

    -- Only a real insert: a merge re-assigning a member (the upsert's UPDATE) changes neither.
    CREATE FUNCTION story_queues_on_member() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        DELETE FROM story_changed WHERE article_id = OLD.article_id;
        INSERT INTO story_pending (article_id, sort_ts)
          SELECT id, sort_ts FROM articles WHERE id = OLD.article_id
          ON CONFLICT DO NOTHING;
      ELSIF TG_OP = 'INSERT' THEN
        DELETE FROM story_pending WHERE article_id = NEW.article_id;
        DELETE FROM story_changed WHERE article_id = NEW.article_id;
        INSERT INTO story_changed (article_id)
          SELECT id FROM articles WHERE id = NEW.article_id AND content_hash IS DISTINCT FROM NEW.content_hash
          ON CONFLICT DO NOTHING;
      ELSIF NEW.content_hash IS DISTINCT FROM OLD.content_hash THEN
        INSERT INTO story_changed (article_id) VALUES (NEW.article_id) ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER story_queues_on_member AFTER INSERT OR DELETE OR UPDATE OF content_hash ON story_members
      FOR EACH ROW EXECUTE FUNCTION story_queues_on_member();

    -- TRUNCATE fires no row trigger (\`caixun migrate\` empties the articles so).
    CREATE FUNCTION story_queues_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      TRUNCATE story_pending, story_changed;
      IF TG_TABLE_NAME = 'story_members' THEN
        INSERT INTO story_pending (article_id, sort_ts) SELECT id, sort_ts FROM articles;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER story_queues_on_article_truncate AFTER TRUNCATE ON articles
      FOR EACH STATEMENT EXECUTE FUNCTION story_queues_on_truncate();
    CREATE TRIGGER story_queues_on_member_truncate AFTER TRUNCATE ON story_members
      FOR EACH STATEMENT EXECUTE FUNCTION story_queues_on_truncate();

    -- The number of stories, kept by statement triggers: counting the rows (states and all) cost
    -- every run a scan of the table. Only clustering (under its lock) and a copy write stories.
    CREATE TABLE story_count (
      only_row       boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      n              bigint NOT NULL
    );
    INSERT INTO story_count (only_row, n) SELECT true, count(*) FROM stories;
    CREATE FUNCTION story_count_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE story_count SET n = n + (SELECT count(*) FROM inserted);
      RETURN NULL;
    END $$;
    CREATE FUNCTION story_count_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE story_count SET n = n - (SELECT count(*) FROM deleted);
      RETURN NULL;
    END $$;
    CREATE FUNCTION story_count_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE story_count SET n = 0;
      RETURN NULL;
    END $$;
    CREATE TRIGGER story_count_on_insert AFTER INSERT ON stories REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION story_count_on_insert();
    CREATE TRIGGER story_count_on_delete AFTER DELETE ON stories REFERENCING OLD TABLE AS deleted
      FOR EACH STATEMENT EXECUTE FUNCTION story_count_on_delete();
    CREATE TRIGGER story_count_on_truncate AFTER TRUNCATE ON stories
      FOR EACH STATEMENT EXECUTE FUNCTION story_count_on_truncate();
  `,
};
