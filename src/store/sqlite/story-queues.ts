/**
 * The queues of the stories step on SQLite: which articles are pending (not clustered) and which
 * clustered ones may have changed, kept by triggers as the articles and memberships change, so
 * SqliteStoryStore (story-tables.ts) finds them at the cost of what is queued.
 */
import type { Migration } from './migrations.js';

/**
 * Migration step: what is pending for the stories step, kept as it changes, so that a run
 * costs what is pending rather than what is stored (issue 16). Before it, every run counted
 * and walked the whole archive with `NOT EXISTS story_members` and joined every membership
 * with its article to find changed texts: seconds per run at a million articles.
 * - `story_pending`: exactly the articles without a `story_members` row, with their sort_ts,
 *   indexed in clustering order. A queue table rather than a flag on `articles`: marking an
 *   article clustered would rewrite its (large) row; here it is one small row deleted.
 * - `story_changed`: every clustered article whose text may have changed since (its current
 *   content hash may differ from the one its membership recorded): a superset, checked against
 *   the hashes when the clustering lock is taken, so a row that no longer differs is harmless.
 * Triggers keep both in step with `articles` and `story_members`, so every path that writes
 * them (import, fetch, `caixun migrate`, retention, dissolve, wipe) is covered without code.
 * The step fills both from the tables as they are.
 */
export const storyPendingMigration: Migration = {
  name: 'story pending and changed queues',
  sql: `
    CREATE TABLE story_pending (
      article_id     TEXT PRIMARY KEY,
      sort_ts        INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX story_pending_in_order ON story_pending (sort_ts, article_id);
    CREATE TABLE story_changed (
      article_id     TEXT PRIMARY KEY
    ) STRICT, WITHOUT ROWID;

    INSERT INTO story_pending (article_id, sort_ts)
      SELECT a.id, a.sort_ts FROM articles a
      WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id);
    INSERT INTO story_changed (article_id)
      SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id
      WHERE m.content_hash IS NOT a.content_hash;

    CREATE TRIGGER story_queues_article_insert AFTER INSERT ON articles BEGIN
      INSERT INTO story_pending (article_id, sort_ts)
        SELECT NEW.id, NEW.sort_ts WHERE NOT EXISTS (SELECT 1 FROM story_members WHERE article_id = NEW.id)
        ON CONFLICT (article_id) DO UPDATE SET sort_ts = excluded.sort_ts;
      -- a membership written before its article (a copy): changed when the hashes differ
      INSERT OR IGNORE INTO story_changed (article_id)
        SELECT article_id FROM story_members WHERE article_id = NEW.id AND content_hash IS NOT NEW.content_hash;
    END;
    CREATE TRIGGER story_queues_article_time AFTER UPDATE OF sort_ts ON articles
      WHEN OLD.sort_ts IS NOT NEW.sort_ts BEGIN
      UPDATE story_pending SET sort_ts = NEW.sort_ts WHERE article_id = NEW.id;
    END;
    CREATE TRIGGER story_queues_article_hash AFTER UPDATE OF content_hash ON articles
      WHEN OLD.content_hash IS NOT NEW.content_hash BEGIN
      INSERT OR IGNORE INTO story_changed (article_id) VALUES (NEW.id);
    END;
    CREATE TRIGGER story_queues_article_delete AFTER DELETE ON articles BEGIN
      DELETE FROM story_pending WHERE article_id = OLD.id;
      DELETE FROM story_changed WHERE article_id = OLD.id;
    END;
    -- Only a real insert: a merge re-assigning a member (the upsert's UPDATE) changes neither.
    CREATE TRIGGER story_queues_member_insert AFTER INSERT ON story_members BEGIN
      DELETE FROM story_pending WHERE article_id = NEW.article_id;
      DELETE FROM story_changed WHERE article_id = NEW.article_id;
      INSERT OR IGNORE INTO story_changed (article_id)
        SELECT id FROM articles WHERE id = NEW.article_id AND content_hash IS NOT NEW.content_hash;
    END;
    CREATE TRIGGER story_queues_member_hash AFTER UPDATE OF content_hash ON story_members
      WHEN OLD.content_hash IS NOT NEW.content_hash BEGIN
      INSERT OR IGNORE INTO story_changed (article_id) VALUES (NEW.article_id);
    END;
    CREATE TRIGGER story_queues_member_delete AFTER DELETE ON story_members BEGIN
      DELETE FROM story_changed WHERE article_id = OLD.article_id;
      INSERT OR IGNORE INTO story_pending (article_id, sort_ts)
        SELECT id, sort_ts FROM articles WHERE id = OLD.article_id;
    END;
  `,
};
