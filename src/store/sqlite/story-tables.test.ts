import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations.js';
import { migrate } from './sqlite-store.js';
import { storyKeySetsMigration } from './story-tables.js';

describe('story key sets migration', () => {
  it('replaces the per-key tables and sends every clustered article back to pending', () => {
    const db = new Database(':memory:');
    const step = migrations.indexOf(storyKeySetsMigration);
    expect(step).toBeGreaterThan(1);
    // A database as the steps before this one left it, with a clustered story in it.
    for (let i = 0; i < step; i++) db.exec(migrations[i]?.sql ?? '');
    db.pragma(`user_version = ${step}`);
    db.exec(`INSERT INTO stories (id, first_seen, first_seen_ms, last_seen_ms, state) VALUES ('st-1', NULL, NULL, NULL, '{}');
      INSERT INTO story_members (article_id, story_id, content_hash) VALUES ('a', 'st-1', 'h');
      INSERT INTO story_keys (key, ids) VALUES (1, '[1]');
      INSERT INTO story_key_articles (n, id) VALUES (1, 'a');`);
    migrate(db);
    const tables = db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'stor%' ORDER BY name").pluck().all();
    expect(tables).toEqual(['stories', 'story_changed', 'story_key_sets', 'story_members', 'story_pending']);
    expect(db.prepare('SELECT count(*) FROM stories').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM story_members').pluck().get()).toBe(0);
    db.close();
  });
});
