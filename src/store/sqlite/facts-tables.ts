/**
 * The facts tables: their migration and {@link SqliteFactsStore}, the handle the facts stage,
 * the CLI and the web read and write numeric claims with, in one database with the articles.
 * The row shapes are declared here (the store does not import the later facts stage).
 */
import type Database from 'better-sqlite3';
import { sqliteTransaction } from './async-transaction.js';
import type { Migration } from './migrations.js';
import { withText } from '../packed-text.js';
import { articlesToCutFrom, type ClaimRow, SENTENCE_SOURCE_SQL, storedSentence, toStoredClaims } from '../claim-row.js';
import type { ClaimInput, ClaimQuery, FactsPendingRow, FactsTables, StoredClaim } from '../tables.js';

/**
 * Migration step (after the search tables).
 * - `fact_claims`: one row per numeric claim of an article, in text order (`seq`);
 *   `subject_key` is the normalised subject that groups claims into series.
 * - `fact_articles`: which articles have been extracted, at which content hash (an article
 *   whose current hash differs has changed and is extracted again).
 */
export const factsTablesMigration: Migration = {
  name: 'numeric claims per article',
  sql: `
    CREATE TABLE fact_claims (
      article_id    TEXT NOT NULL,
      seq           INTEGER NOT NULL,
      value         REAL NOT NULL,
      high          REAL,
      shape         TEXT NOT NULL,
      unit          TEXT NOT NULL,
      subject       TEXT NOT NULL,
      subject_key   TEXT NOT NULL,
      kind          TEXT NOT NULL,
      qualifier     TEXT,
      period        TEXT,
      deadline      TEXT,
      text          TEXT NOT NULL,
      sentence      TEXT NOT NULL,
      start         INTEGER NOT NULL,
      end           INTEGER NOT NULL,
      sentence_start INTEGER NOT NULL,
      PRIMARY KEY (article_id, seq)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX fact_claims_by_subject ON fact_claims (subject_key);
    CREATE INDEX fact_claims_targets ON fact_claims (kind) WHERE kind = 'target';

    CREATE TABLE fact_articles (
      article_id    TEXT PRIMARY KEY,
      content_hash  TEXT NOT NULL,
      claims        INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
  `,
};

/**
 * Migration step: a change's direction and baseline (issue 15). The stored claims are dropped so
 * that the next derive run extracts every article again, with signed changes.
 */
export const factsDirectionMigration: Migration = {
  name: 'claim direction and baseline',
  sql: `
    ALTER TABLE fact_claims ADD COLUMN direction TEXT;
    ALTER TABLE fact_claims ADD COLUMN baseline TEXT;
    DELETE FROM fact_claims;
    DELETE FROM fact_articles;
  `,
};

/**
 * Migration step: a claim points at its sentence in the article text (`sentence_start` and the
 * new `sentence_length`) instead of copying it into `sentence`, which new rows leave empty.
 */
export const factsSentenceLengthMigration: Migration = {
  name: 'claims point at their sentence',
  sql: `ALTER TABLE fact_claims ADD COLUMN sentence_length INTEGER;`,
};

/** The facts tables of one SQLite database. Obtain it with `SqliteStore.facts()`. */
export class SqliteFactsStore implements FactsTables {
  readonly #db: Database.Database;
  readonly #stmt;

  /** @param db - an open database migrated to the facts tables. */
  constructor(db: Database.Database) {
    this.#db = db;
    const stale = `NOT EXISTS (SELECT 1 FROM fact_articles f WHERE f.article_id = a.id AND f.content_hash = a.content_hash)`;
    this.#stmt = {
      pending: db.prepare<{ id: string; limit: number }, FactsPendingRow & { body_br: Buffer | null }>(
        `SELECT a.id, a.text, a.body_br, a.published_at, a.content_hash FROM articles a
         WHERE a.id > @id AND ${stale} ORDER BY a.id LIMIT @limit`,
      ),
      countPending: db.prepare<[], number>(`SELECT count(*) FROM articles a WHERE ${stale}`).pluck(),
      deleteClaims: db.prepare<[string]>('DELETE FROM fact_claims WHERE article_id = ?'),
      insertClaim: db.prepare(
        `INSERT INTO fact_claims (article_id, seq, value, high, shape, unit, subject, subject_key, kind, direction, baseline,
           qualifier, period, deadline, text, sentence, sentence_length, start, end, sentence_start)
         VALUES (@articleId, @seq, @value, @high, @shape, @unit, @subject, @subjectKey, @kind, @direction, @baseline,
           @qualifier, @period, @deadline, @text, @sentence, @sentence_length, @start, @end, @sentenceStart)`,
      ),
      markDone: db.prepare<[string, string, number]>(
        `INSERT INTO fact_articles (article_id, content_hash, claims) VALUES (?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET content_hash = excluded.content_hash, claims = excluded.claims`,
      ),
      countClaims: db.prepare<[], number>('SELECT count(*) FROM fact_claims').pluck(),
      texts: db.prepare<[string], { id: string; text: string; body_br: Buffer | null }>(
        SENTENCE_SOURCE_SQL('a.id IN (SELECT value FROM json_each(?))'),
      ),
    };
  }

  /** Up to `limit` articles after id `afterId` whose claims are missing or stale, by id. */
  async pendingAfter(afterId: string, limit: number): Promise<FactsPendingRow[]> {
    return this.#stmt.pending.all({ id: afterId, limit }).map(withText);
  }

  /** Number of articles whose claims are missing or stale. */
  async countPending(): Promise<number> {
    return this.#stmt.countPending.get() ?? 0;
  }

  /** Number of stored claims. */
  async countClaims(): Promise<number> {
    return this.#stmt.countClaims.get() ?? 0;
  }

  /** Replace the claims of several articles in one transaction, recording each article's hash. */
  async replaceClaims(batch: readonly { articleId: string; contentHash: string; claims: readonly ClaimInput[] }[]): Promise<void> {
    await sqliteTransaction(this.#db, async () => {
      for (const { articleId, contentHash, claims } of batch) {
        this.#stmt.deleteClaims.run(articleId);
        claims.forEach((c, seq) => this.#stmt.insertClaim.run({ ...c, ...storedSentence(c), articleId, seq }));
        this.#stmt.markDone.run(articleId, contentHash, claims.length);
      }
    });
  }

  /** Forget every extraction (the next derive run extracts every article again). */
  async wipe(): Promise<void> {
    this.#db.exec('DELETE FROM fact_claims; DELETE FROM fact_articles;');
  }

  /** Claims matching `query`, oldest article first, then in text order. */
  async listClaims(query: ClaimQuery = {}): Promise<StoredClaim[]> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: Math.max(1, Math.min(query.limit ?? 10_000, 100_000)) };
    if (query.articleIds !== undefined) {
      if (query.articleIds.length === 0) return [];
      where.push(`c.article_id IN (SELECT value FROM json_each(@articleIds))`);
      params.articleIds = JSON.stringify(query.articleIds);
    }
    if (query.storyId !== undefined) {
      where.push('m.story_id = @storyId');
      params.storyId = query.storyId;
    }
    if (query.subjectContains !== undefined) {
      where.push(`(instr(c.subject, @subject) > 0 OR instr(c.subject_key, @subject) > 0)`);
      params.subject = query.subjectContains;
    }
    if (query.subjectKey !== undefined) {
      where.push('c.subject_key = @subjectKey');
      params.subjectKey = query.subjectKey;
    }
    if (query.kind !== undefined) {
      where.push('c.kind = @kind');
      params.kind = query.kind;
    }
    const sql = `SELECT c.*, m.story_id, a.published_at, a.outlet_key, a.title
      FROM fact_claims c JOIN articles a ON a.id = c.article_id
      LEFT JOIN story_members m ON m.article_id = c.article_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.sort_ts, c.article_id, c.seq LIMIT @limit`;
    const rows = this.#db.prepare<[Record<string, unknown>], ClaimRow>(sql).all(params);
    const ids = articlesToCutFrom(rows);
    const texts = ids.length === 0 ? [] : this.#stmt.texts.all(JSON.stringify(ids));
    return toStoredClaims(rows, new Map(texts.map((t) => [t.id, withText(t).text])));
  }
}
