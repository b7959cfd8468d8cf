/**
 * The PostgreSQL side of `caixun migrate`: the tables copied from a SQLite archive, described as
 * data (name, key, columns with their PostgreSQL types), and the statements that write a batch of
 * SQLite rows into them unchanged.
 */
import type pg from 'pg';
import { ARTICLE_BYTE_COLUMNS, ARTICLE_COLUMNS } from '../article-row.js';
import type { SqliteRow } from './sqlite-source.js';

/** One copied table: its name, the column its batches are keyed by, and every column with its PostgreSQL type. */
export interface CopiedTable {
  table: string;
  key: string;
  columns: readonly (readonly [name: string, pgType: string])[];
  /** What an already present row does: `ON CONFLICT …` clause (default none: the table was emptied). */
  onConflict?: string;
}

const text = (...names: string[]): [string, string][] => names.map((n) => [n, 'text']);

/** `articles`: every column, timestamps and revision numbers included; a row already copied is brought up to date. */
export const ARTICLES: CopiedTable = {
  table: 'articles',
  key: 'id',
  columns: [
    ...ARTICLE_COLUMNS.map((c): [string, string] => [c, c === 'sort_ts' ? 'bigint' : ARTICLE_BYTE_COLUMNS.has(c) ? 'bytea' : 'text']),
    ['revision', 'integer'],
    ...text('created_at', 'updated_at'),
  ],
  onConflict: `ON CONFLICT (id) DO UPDATE SET ${[...ARTICLE_COLUMNS.filter((c) => c !== 'id'), 'revision', 'created_at', 'updated_at']
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}
    WHERE (articles.content_hash, articles.revision, articles.updated_at)
      IS DISTINCT FROM (excluded.content_hash, excluded.revision, excluded.updated_at)`,
};

/** `article_revisions`: history never changes once written. */
export const REVISIONS: CopiedTable = {
  table: 'article_revisions',
  key: 'article_id',
  columns: [['article_id', 'text'], ['revision', 'integer'], ...text('content_hash', 'replaced_at', 'article_json'), ['article_json_br', 'bytea']],
  onConflict: 'ON CONFLICT (article_id, revision) DO NOTHING',
};

/** Tables replaced whole (emptied, then copied), in the order they are copied. */
export const SOURCE_STATE: CopiedTable = {
  table: 'source_state',
  key: 'key',
  columns: [
    ...text('key', 'etag', 'last_modified', 'last_attempt_at', 'last_success_at', 'last_failure_at', 'last_error_kind', 'last_error'),
    ['consecutive_failures', 'integer'],
    ['next_due_at', 'text'],
    ['items_fetched', 'bigint'],
    ...text('outlet', 'kind'),
  ],
};

export const FINGERPRINTS: CopiedTable = {
  table: 'article_fingerprints',
  key: 'fingerprint',
  columns: text('fingerprint', 'article_id'),
};

export const STORIES: CopiedTable = {
  table: 'stories',
  key: 'id',
  columns: [...text('id', 'first_seen'), ['first_seen_ms', 'bigint'], ['last_seen_ms', 'bigint'], ['state', 'text'], ['state_br', 'bytea']],
};

export const STORY_MEMBERS: CopiedTable = {
  table: 'story_members',
  key: 'article_id',
  columns: text('article_id', 'story_id', 'content_hash'),
};

export const STORY_KEY_SETS: CopiedTable = {
  table: 'story_key_sets',
  key: 'n',
  columns: [['n', 'bigint'], ['article_id', 'text'], ['keys', 'bytea']],
};

export const FACT_ARTICLES: CopiedTable = {
  table: 'fact_articles',
  key: 'article_key',
  columns: [['article_key', 'bigint'], ...text('article_id', 'content_hash'), ['claims', 'integer']],
};

export const FACT_SUBJECTS: CopiedTable = {
  table: 'fact_subjects',
  key: 'id',
  columns: [['id', 'bigint'], ...text('subject_key', 'subject')],
};

export const FACT_CLAIMS: CopiedTable = {
  table: 'fact_claims',
  key: 'id',
  columns: [
    ['id', 'bigint'],
    ['subject_id', 'bigint'],
    ['value', 'double precision'],
    ...text('shape', 'unit', 'kind'),
    ['start', 'integer'],
    ['end', 'integer'],
    ['sentence_start', 'integer'],
    ['sentence_length', 'integer'],
    ['detail', 'text'],
  ],
};

const quote = (name: string): string => `"${name}"`;

/** The INSERT of a batch of `spec` rows, given as one JSON array (bytea travels as hex). */
function insertSql(spec: CopiedTable): string {
  const names = spec.columns.map(([n]) => quote(n)).join(', ');
  const record = spec.columns.map(([n, t]) => `${quote(n)} ${t === 'bytea' ? 'text' : t}`).join(', ');
  const values = spec.columns.map(([n, t]) => (t === 'bytea' ? `decode(v.${quote(n)}, 'hex')` : `v.${quote(n)}`)).join(', ');
  return `INSERT INTO ${spec.table} (${names})
    SELECT ${values} FROM json_to_recordset($1::json) AS v(${record})
    ORDER BY v.${quote(spec.key)} ${spec.onConflict ?? ''}`;
}

const statements = new Map<CopiedTable, string>();

/** Write SQLite rows of `spec` into its PostgreSQL table. */
export async function insertRows(client: pg.PoolClient, spec: CopiedTable, rows: readonly SqliteRow[]): Promise<void> {
  if (rows.length === 0) return;
  let sql = statements.get(spec);
  if (sql === undefined) {
    sql = insertSql(spec);
    statements.set(spec, sql);
  }
  const json = rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [name, type] of spec.columns) {
      const v = r[name];
      out[name] = type === 'bytea' && Buffer.isBuffer(v) ? v.toString('hex') : v ?? null;
    }
    return out;
  });
  await client.query(sql, [JSON.stringify(json)]);
}
