/**
 * The facts tables on PostgreSQL: their migration step and {@link PgFactsTables}, the same
 * behaviour as the SQLite facts store (src/store/sqlite/facts-tables.ts). `listClaims` joins the
 * story helper's `story_members`, whose step runs before this one.
 */
import type pg from 'pg';
import { StoreError } from '../../util/errors.js';
import { withText } from '../packed-text.js';
import { articlesToCutFrom, type ClaimRow, SENTENCE_SOURCE_SQL, storedSentence, toStoredClaims } from '../claim-row.js';
import type { ClaimInput, ClaimQuery, FactsPendingRow, FactsTables, StoredClaim } from '../tables.js';
import type { PgMigration } from './migrations.js';
import { pgErrorReason, withPgTransaction } from './pg-pool.js';

/**
 * Step: `fact_claims` (one row per numeric claim of an article, in text order) and
 * `fact_articles` (which articles were extracted, at which content hash). The columns are
 * SQLite's; `end` is quoted (a keyword in PostgreSQL).
 */
export const factsPgMigration: PgMigration = {
  name: 'numeric claims per article',
  sql: `
    CREATE TABLE fact_claims (
      article_id     text NOT NULL,
      seq            integer NOT NULL,
      value          double precision NOT NULL,
      high           double precision,
      shape          text NOT NULL,
      unit           text NOT NULL,
      subject        text NOT NULL,
      subject_key    text NOT NULL,
      kind           text NOT NULL,
      qualifier      text,
      period         text,
      deadline       text,
      text           text NOT NULL,
      sentence       text NOT NULL,
      start          integer NOT NULL,
      "end"          integer NOT NULL,
      sentence_start integer NOT NULL,
      PRIMARY KEY (article_id, seq)
    );
    CREATE INDEX fact_claims_by_subject ON fact_claims (subject_key);
    CREATE INDEX fact_claims_targets ON fact_claims (kind) WHERE kind = 'target';

    CREATE TABLE fact_articles (
      article_id    text PRIMARY KEY,
      content_hash  text NOT NULL,
      claims        integer NOT NULL
    );
  `,
};

/** Step: a change's direction and baseline (issue 15); stored claims are extracted again. */
export const factsDirectionPgMigration: PgMigration = {
  name: 'claim direction and baseline',
  sql: `
    ALTER TABLE fact_claims ADD COLUMN direction text;
    ALTER TABLE fact_claims ADD COLUMN baseline text;
    DELETE FROM fact_claims;
    DELETE FROM fact_articles;
  `,
};

/** Step: a claim points at its sentence in the article text, as on SQLite (src/store/claim-row.ts). */
export const factsSentenceLengthPgMigration: PgMigration = {
  name: 'claims point at their sentence',
  sql: `ALTER TABLE fact_claims ADD COLUMN sentence_length integer;`,
};

const STALE = `NOT EXISTS (SELECT 1 FROM fact_articles f WHERE f.article_id = a.id AND f.content_hash = a.content_hash)`;

const INSERT_CLAIMS = `
  INSERT INTO fact_claims (article_id, seq, value, high, shape, unit, subject, subject_key, kind, direction, baseline,
    qualifier, period, deadline, text, sentence, sentence_length, start, "end", sentence_start)
  SELECT * FROM json_to_recordset($1::json) AS v(article_id text, seq integer, value double precision,
    high double precision, shape text, unit text, subject text, subject_key text, kind text, direction text, baseline text, qualifier text,
    period text, deadline text, text text, sentence text, sentence_length integer, start integer, "end" integer, sentence_start integer)`;

/** The facts tables of one PostgreSQL database. Obtain it with `PgStore.facts()`. */
export class PgFactsTables implements FactsTables {
  readonly #pool: pg.Pool;

  /** @param pool - the pool of a database migrated to the facts tables. */
  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Up to `limit` articles after id `afterId` whose claims are missing or stale, by id. */
  async pendingAfter(afterId: string, limit: number): Promise<FactsPendingRow[]> {
    const { rows } = await this.#pool.query<FactsPendingRow & { body_br: Buffer | null }>(
      `SELECT a.id, a.text, a.body_br, a.published_at, a.content_hash FROM articles a
       WHERE a.id > $1 AND ${STALE} ORDER BY a.id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map(withText);
  }

  /** Number of articles whose claims are missing or stale. */
  async countPending(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: number }>(`SELECT count(*) AS n FROM articles a WHERE ${STALE}`);
    return rows[0]?.n ?? 0;
  }

  /** Number of stored claims. */
  async countClaims(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: number }>('SELECT count(*) AS n FROM fact_claims');
    return rows[0]?.n ?? 0;
  }

  /**
   * Replace the claims of several articles in one transaction, recording each article's hash.
   * The `fact_articles` rows are written first, in id order, so two workers replacing the claims
   * of one article wait for each other instead of colliding on its claim rows.
   */
  async replaceClaims(batch: readonly { articleId: string; contentHash: string; claims: readonly ClaimInput[] }[]): Promise<void> {
    if (batch.length === 0) return;
    // The last entry of an article wins, as it does when SQLite applies them in order.
    const last = new Map(batch.map((b) => [b.articleId, b]));
    const entries = [...last.values()];
    try {
      await withPgTransaction(this.#pool, async (client) => {
        await client.query(
          `INSERT INTO fact_articles (article_id, content_hash, claims)
           SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) AS t(a, h, n) ORDER BY a
           ON CONFLICT (article_id) DO UPDATE SET content_hash = excluded.content_hash, claims = excluded.claims`,
          [entries.map((e) => e.articleId), entries.map((e) => e.contentHash), entries.map((e) => e.claims.length)],
        );
        await client.query('DELETE FROM fact_claims WHERE article_id = ANY($1)', [entries.map((e) => e.articleId)]);
        const rows = entries.flatMap(({ articleId, claims }) =>
          claims.map((c, seq) => ({
            article_id: articleId, seq, value: c.value, high: c.high, shape: c.shape, unit: c.unit,
            subject: c.subject, subject_key: c.subjectKey, kind: c.kind, direction: c.direction, baseline: c.baseline, qualifier: c.qualifier,
            period: c.period, deadline: c.deadline, text: c.text, ...storedSentence(c), start: c.start,
            end: c.end, sentence_start: c.sentenceStart,
          })),
        );
        if (rows.length > 0) await client.query(INSERT_CLAIMS, [JSON.stringify(rows)]);
      });
    } catch (err) {
      throw new StoreError(`store: saving claims failed: ${pgErrorReason(err)}`, { cause: err });
    }
  }

  /** Forget every extraction (the next derive run extracts every article again). */
  async wipe(): Promise<void> {
    await withPgTransaction(this.#pool, async (client) => {
      await client.query('DELETE FROM fact_claims');
      await client.query('DELETE FROM fact_articles');
    });
  }

  /** Claims matching `query`, oldest article first, then in text order. */
  async listClaims(query: ClaimQuery = {}): Promise<StoredClaim[]> {
    const where: string[] = [];
    const params: unknown[] = [Math.max(1, Math.min(query.limit ?? 10_000, 100_000))];
    const param = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    if (query.articleIds !== undefined) {
      if (query.articleIds.length === 0) return [];
      where.push(`c.article_id = ANY(${param(query.articleIds)}::text[])`);
    }
    if (query.storyId !== undefined) where.push(`m.story_id = ${param(query.storyId)}`);
    if (query.subjectContains !== undefined) {
      const p = param(query.subjectContains);
      where.push(`(strpos(c.subject, ${p}) > 0 OR strpos(c.subject_key, ${p}) > 0)`);
    }
    if (query.subjectKey !== undefined) where.push(`c.subject_key = ${param(query.subjectKey)}`);
    if (query.kind !== undefined) where.push(`c.kind = ${param(query.kind)}`);
    const sql = `SELECT c.*, m.story_id, a.published_at, a.outlet_key, a.title
      FROM fact_claims c JOIN articles a ON a.id = c.article_id
      LEFT JOIN story_members m ON m.article_id = c.article_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.sort_ts, c.article_id, c.seq LIMIT $1`;
    const { rows } = await this.#pool.query<ClaimRow>(sql, params);
    const ids = articlesToCutFrom(rows);
    const texts =
      ids.length === 0
        ? []
        : (await this.#pool.query<{ id: string; text: string; body_br: Buffer | null }>(SENTENCE_SOURCE_SQL('a.id = ANY($1::text[])'), [ids]))
            .rows;
    return toStoredClaims(rows, new Map(texts.map((t) => [t.id, withText(t).text])));
  }
}
