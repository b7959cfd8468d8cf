/**
 * The facts tables: their migration and {@link SqliteFactsStore}, the handle the facts stage,
 * the CLI and the web read and write numeric claims with, in one database with the articles.
 * The row shapes are declared here (the store does not import the later facts stage).
 */
import type Database from 'better-sqlite3';
import { sqliteTransaction } from './async-transaction.js';
import type { Migration } from './migrations.js';
import { withText } from '../packed-text.js';
import {
  articleTextOf,
  CLAIM_COLUMNS,
  CLAIM_ID_SPAN,
  CLAIM_ORDER,
  CLAIM_SOURCES,
  claimId,
  type ClaimRow,
  REVISION_SOURCE_SQL,
  SENTENCE_SOURCE_SQL,
  sourcesOf,
  storedDetail,
  storedKind,
  storedShape,
  storedSubject,
  toStoredClaims,
  versionKey,
} from '../claim-row.js';
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

/**
 * Migration step: compact claim rows (see src/store/claim-row.ts). `fact_articles` gets an
 * integer `article_key`, and a claim's id is `article_key × 65536 + seq` (the TEXT article id was
 * repeated in every claim and every index entry); `fact_subjects` holds each (subject_key,
 * subject) pair once; shape 'single' and kind 'level' are stored as ''; the rarely set fields go
 * to one JSON `detail`. Every stored claim is carried over, its figure text and copied sentence
 * (rows from before `sentence_length`) into `detail`.
 */
export const factsCompactRowsMigration: Migration = {
  name: 'compact claim rows',
  sql: `
    CREATE TABLE fact_articles_new (
      article_key   INTEGER PRIMARY KEY,
      article_id    TEXT NOT NULL UNIQUE,
      content_hash  TEXT NOT NULL,
      claims        INTEGER NOT NULL
    ) STRICT;
    INSERT INTO fact_articles_new (article_id, content_hash, claims)
      SELECT article_id, content_hash, claims FROM fact_articles ORDER BY article_id;
    -- A claim whose article has no fact_articles row (none should) keeps an entry so it is not lost.
    INSERT INTO fact_articles_new (article_id, content_hash, claims)
      SELECT article_id, '', count(*) FROM fact_claims
      WHERE article_id NOT IN (SELECT article_id FROM fact_articles) GROUP BY article_id ORDER BY article_id;

    CREATE TABLE fact_subjects (
      id            INTEGER PRIMARY KEY,
      subject_key   TEXT NOT NULL,
      -- '' when equal to subject_key
      subject       TEXT NOT NULL
    ) STRICT;
    INSERT INTO fact_subjects (subject_key, subject)
      SELECT DISTINCT subject_key, CASE WHEN subject = subject_key THEN '' ELSE subject END FROM fact_claims
      ORDER BY 1, 2;
    -- Found by the first two characters and the length of the key (SUBJECT_KEY_MATCH below),
    -- not by the key itself, which would store every key twice; pairs are kept unique by the
    -- writer, alone under the write lock.
    CREATE INDEX fact_subjects_by_key ON fact_subjects (substr(subject_key, 1, 2), length(subject_key));

    CREATE TABLE fact_claims_new (
      -- article_key × 65536 + seq (claim-row.ts)
      id             INTEGER PRIMARY KEY,
      subject_id     INTEGER NOT NULL,
      value          REAL NOT NULL,
      shape          TEXT NOT NULL,
      unit           TEXT NOT NULL,
      kind           TEXT NOT NULL,
      start          INTEGER NOT NULL,
      end            INTEGER NOT NULL,
      sentence_start INTEGER NOT NULL,
      sentence_length INTEGER,
      -- JSON of the fields rarely set; NULL when none is
      detail         TEXT
    ) STRICT;
    INSERT INTO fact_claims_new
      SELECT f.article_key * 65536 + c.seq, s.id, c.value, CASE c.shape WHEN 'single' THEN '' ELSE c.shape END, c.unit,
        CASE c.kind WHEN 'level' THEN '' ELSE c.kind END, c.start, c.end, c.sentence_start, c.sentence_length,
        json_patch('{}', json_object('high', c.high, 'direction', c.direction, 'baseline', c.baseline, 'qualifier', c.qualifier,
          'period', c.period, 'deadline', c.deadline, 'text', c.text,
          'sentence', CASE WHEN c.sentence_length IS NULL THEN c.sentence END))
      FROM fact_claims c
      JOIN fact_articles_new f ON f.article_id = c.article_id
      JOIN fact_subjects s ON s.subject_key = c.subject_key
        AND s.subject = CASE WHEN c.subject = c.subject_key THEN '' ELSE c.subject END
      ORDER BY 1;

    DROP TABLE fact_claims;
    DROP TABLE fact_articles;
    ALTER TABLE fact_claims_new RENAME TO fact_claims;
    ALTER TABLE fact_articles_new RENAME TO fact_articles;
    CREATE INDEX fact_claims_by_subject ON fact_claims (subject_id);
    CREATE INDEX fact_claims_targets ON fact_claims (kind) WHERE kind = 'target';
  `,
};

/** The subjects `s` with key `@key`, through the index `fact_subjects_by_key`. */
const SUBJECT_KEY_MATCH = `substr(s.subject_key, 1, 2) = substr(@key, 1, 2) AND length(s.subject_key) = length(@key) AND s.subject_key = @key`;

/**
 * Migration step: `fact_state` keeps the facts step's watermark (src/facts/derive.ts), so a run
 * looks only at articles changed since the last complete one instead of every article. A later
 * step that drops stored claims must delete the watermark too.
 */
export const factsWatermarkMigration: Migration = {
  name: 'facts watermark',
  sql: `CREATE TABLE fact_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID;`,
};

/** The key of the facts step's watermark in `fact_state`. */
const WATERMARK = 'watermark';

/** The facts tables of one SQLite database. Obtain it with `SqliteStore.facts()`. */
export class SqliteFactsStore implements FactsTables {
  readonly #db: Database.Database;
  readonly #stmt;

  /** @param db - an open database migrated to the facts tables. */
  constructor(db: Database.Database) {
    this.#db = db;
    const stale = `NOT EXISTS (SELECT 1 FROM fact_articles f WHERE f.article_id = a.id AND f.content_hash = a.content_hash)`;
    this.#stmt = {
      pending: db.prepare<{ id: string; limit: number }, FactsPendingRow>(
        `SELECT a.id, a.text, a.body_br, a.published_at, a.content_hash, a.updated_at FROM articles a
         WHERE a.id > @id AND ${stale} ORDER BY a.id LIMIT @limit`,
      ),
      pendingChanged: db.prepare<{ since: string; u: string; id: string; limit: number }, FactsPendingRow>(
        `SELECT a.id, a.text, a.body_br, a.published_at, a.content_hash, a.updated_at FROM articles a
         WHERE a.updated_at >= @since AND (a.updated_at > @u OR (a.updated_at = @u AND a.id > @id)) AND ${stale}
         ORDER BY a.updated_at, a.id LIMIT @limit`,
      ),
      countPending: db.prepare<[string], number>(`SELECT count(*) FROM articles a WHERE a.updated_at >= ? AND ${stale}`).pluck(),
      newestChange: db.prepare<[], string | null>('SELECT max(updated_at) FROM articles').pluck(),
      getState: db.prepare<[string], string>('SELECT value FROM fact_state WHERE key = ?').pluck(),
      putState: db.prepare('INSERT OR REPLACE INTO fact_state (key, value) VALUES (?, ?)'),
      markDone: db.prepare<[string, string, number], number>(
        `INSERT INTO fact_articles (article_id, content_hash, claims) VALUES (?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET content_hash = excluded.content_hash, claims = excluded.claims
         RETURNING article_key`,
      ).pluck(),
      deleteClaims: db.prepare<[number, number]>('DELETE FROM fact_claims WHERE id BETWEEN ? AND ?'),
      addSubject: db.prepare<{ key: string; subject: string }, number>(
        'INSERT INTO fact_subjects (subject_key, subject) VALUES (@key, @subject) RETURNING id',
      ).pluck(),
      subjectId: db
        .prepare<{ key: string; subject: string }, number>(`SELECT id FROM fact_subjects s WHERE ${SUBJECT_KEY_MATCH} AND s.subject = @subject`)
        .pluck(),
      insertClaim: db.prepare(
        `INSERT INTO fact_claims (id, subject_id, value, shape, unit, kind, start, end, sentence_start, sentence_length, detail)
         VALUES (@id, @subjectId, @value, @shape, @unit, @kind, @start, @end, @sentenceStart, @sentenceLength, @detail)`,
      ),
      version: db.prepare<[string, string], { article_json: string; article_json_br: Buffer | null }>(REVISION_SOURCE_SQL('?', '?')),
      countClaims: db.prepare<[], number>('SELECT count(*) FROM fact_claims').pluck(),
      texts: db.prepare<[string], { id: string; text: string; body_br: Buffer | null }>(
        SENTENCE_SOURCE_SQL('a.id IN (SELECT value FROM json_each(?))'),
      ),
    };
  }

  /** The id of a (key, subject) pair in `fact_subjects`, added when new. */
  #subjectId(subjectKey: string, subject: string, known: Map<string, number>): number {
    const cacheKey = `${subjectKey}\u0000${subject}`;
    let id = known.get(cacheKey);
    if (id === undefined) {
      // Looked up, then added: this connection holds the write lock (BEGIN IMMEDIATE) meanwhile.
      id = this.#stmt.subjectId.get({ key: subjectKey, subject }) ?? this.#stmt.addSubject.get({ key: subjectKey, subject })!;
      known.set(cacheKey, id);
    }
    return id;
  }

  /** Up to `limit` articles after id `afterId` whose claims are missing or stale, by id. */
  async pendingAfter(afterId: string, limit: number): Promise<FactsPendingRow[]> {
    return this.#stmt.pending.all({ id: afterId, limit });
  }

  /** Up to `limit` stale articles changed at or after `since`, in (updated_at, id) order after `cursor`. */
  async pendingChangedAfter(since: string, cursor: { updatedAt: string; id: string } | null, limit: number): Promise<FactsPendingRow[]> {
    return this.#stmt.pendingChanged.all({ since, u: cursor?.updatedAt ?? '', id: cursor?.id ?? '', limit });
  }

  /** Number of articles whose claims are missing or stale. */
  async countPending(since = ''): Promise<number> {
    return this.#stmt.countPending.get(since) ?? 0;
  }

  /** The newest `updated_at` of any article ('' when there is none). */
  async newestChange(): Promise<string> {
    return this.#stmt.newestChange.get() ?? '';
  }

  /** Where the last complete run began ('' before one). */
  async watermark(): Promise<string> {
    return this.#stmt.getState.get(WATERMARK) ?? '';
  }

  /** Record where a complete run began. */
  async setWatermark(updatedAt: string): Promise<void> {
    this.#stmt.putState.run(WATERMARK, updatedAt);
  }

  /** Number of stored claims. */
  async countClaims(): Promise<number> {
    return this.#stmt.countClaims.get() ?? 0;
  }

  /** Replace the claims of several articles in one transaction, recording each article's hash. */
  async replaceClaims(batch: readonly { articleId: string; contentHash: string; claims: readonly ClaimInput[] }[]): Promise<void> {
    await sqliteTransaction(this.#db, async () => {
      // Subject ids looked up in this transaction (an id is only known to hold once committed).
      const subjects = new Map<string, number>();
      for (const { articleId, contentHash, claims } of batch) {
        const articleKey = this.#stmt.markDone.get(articleId, contentHash, claims.length)!;
        this.#stmt.deleteClaims.run(claimId(articleKey, 0), claimId(articleKey, CLAIM_ID_SPAN - 1));
        claims.forEach((c, seq) =>
          this.#stmt.insertClaim.run({
            id: claimId(articleKey, seq),
            subjectId: this.#subjectId(c.subjectKey, storedSubject(c), subjects),
            value: c.value,
            shape: storedShape(c.shape),
            unit: c.unit,
            kind: storedKind(c.kind),
            start: c.start,
            end: c.end,
            sentenceStart: c.sentenceStart,
            sentenceLength: c.sentence.length,
            detail: storedDetail(c),
          }),
        );
      }
    });
  }

  /** Forget every extraction (the next derive run extracts every article again). */
  async wipe(): Promise<void> {
    this.#db.exec('DELETE FROM fact_claims; DELETE FROM fact_articles; DELETE FROM fact_subjects; DELETE FROM fact_state;');
  }

  /** Claims matching `query`, oldest article first, then in text order. */
  async listClaims(query: ClaimQuery = {}): Promise<StoredClaim[]> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: Math.max(1, Math.min(query.limit ?? 10_000, 100_000)) };
    if (query.articleIds !== undefined) {
      if (query.articleIds.length === 0) return [];
      where.push(`f.article_id IN (SELECT value FROM json_each(@articleIds))`);
      params.articleIds = JSON.stringify(query.articleIds);
    }
    if (query.storyId !== undefined) {
      where.push('f.article_id IN (SELECT article_id FROM story_members WHERE story_id = @storyId)');
      params.storyId = query.storyId;
    }
    if (query.subjectContains !== undefined) {
      where.push(`(instr(s.subject, @subject) > 0 OR instr(s.subject_key, @subject) > 0)`);
      params.subject = query.subjectContains;
    }
    if (query.subjectKey !== undefined) {
      where.push(SUBJECT_KEY_MATCH);
      params.key = query.subjectKey;
    }
    if (query.kind !== undefined) {
      where.push('c.kind = @kind');
      params.kind = storedKind(query.kind);
    }
    const sql = `SELECT ${CLAIM_COLUMNS} FROM ${CLAIM_SOURCES}
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${CLAIM_ORDER} LIMIT @limit`;
    const rows = this.#db.prepare<[Record<string, unknown>], ClaimRow>(sql).all(params);
    const { current, versions } = sourcesOf(rows);
    const texts = current.length === 0 ? [] : this.#stmt.texts.all(JSON.stringify(current));
    const versionTexts = new Map<string, string>();
    for (const [id, hash] of versions) {
      const row = this.#stmt.version.get(id, hash);
      if (row !== undefined) versionTexts.set(versionKey(id, hash), articleTextOf(row));
    }
    return toStoredClaims(rows, { current: new Map(texts.map((t) => [t.id, withText(t).text])), versions: versionTexts });
  }
}
