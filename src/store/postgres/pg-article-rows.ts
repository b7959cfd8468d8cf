/**
 * Writing a batch of articles to PostgreSQL with the SQLite store's outcomes (`new`, `updated`,
 * `unchanged`, revisions kept on change, an earlier revision's hash counting as unchanged), safe
 * when several processes write overlapping batches at once: every row a batch may change is locked
 * by ONE statement in id order (insert, or lock the existing row), so two writers never wait on
 * each other in opposite orders and never both insert one id.
 */
import type pg from 'pg';
import type { Article } from '../../model/article.js';
import {
  ARTICLE_BYTE_COLUMNS,
  ARTICLE_COLUMNS,
  type ArticleParams,
  type ArticleRow,
  articleToParams,
  rowToArticle,
} from '../article-row.js';
import { packText } from '../packed-text.js';
import type { UpsertOutcome } from '../store.js';

/** Column definitions of `json_to_recordset` over {@link ArticleParams} (bytes travel as hex text). */
const RECORD = ARTICLE_COLUMNS.map((c) => `${c} ${c === 'sort_ts' ? 'bigint' : 'text'}`).join(', ');
const COLS = ARTICLE_COLUMNS.join(', ');
/** The value of column `c` of record `v`, hex decoded for byte columns. */
const value = (c: string): string => (ARTICLE_BYTE_COLUMNS.has(c) ? `decode(v.${c}, 'hex')` : `v.${c}`);
const VALUES = ARTICLE_COLUMNS.map(value).join(', ');

/** Params as JSON for `json_to_recordset`: byte columns as hex. */
function jsonParams(p: ArticleParams): Record<string, unknown> {
  const hex = (b: Buffer | null): string | null => (b === null ? null : b.toString('hex'));
  return { ...p, body_br: hex(p.body_br) };
}

/** Insert the batch's rows that do not exist, lock those that do, in id order; returns the inserted ids. */
const INSERT_OR_LOCK = `
  INSERT INTO articles (${COLS}, revision, created_at, updated_at)
  SELECT ${VALUES}, 1, $2, $2 FROM json_to_recordset($1::json) AS v(${RECORD}) ORDER BY v.id
  ON CONFLICT (id) DO UPDATE SET revision = articles.revision WHERE false
  RETURNING id`;

const UPDATE = `
  UPDATE articles a SET ${ARTICLE_COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = ${value(c)}`).join(', ')},
    revision = v.revision, updated_at = $2
  FROM json_to_recordset($1::json) AS v(${RECORD}, revision integer) WHERE a.id = v.id`;

const KEEP_REVISIONS = `
  INSERT INTO article_revisions (article_id, revision, content_hash, replaced_at, article_json, article_json_br)
  SELECT article_id, revision, content_hash, replaced_at, '', decode(article_json_br, 'hex')
  FROM json_to_recordset($1::json) AS v(article_id text, revision integer, content_hash text, replaced_at text, article_json_br text)`;

/** Every content hash stored for these ids: current and earlier revisions. */
const KNOWN_HASHES = `
  SELECT id AS article_id, content_hash, revision, true AS current FROM articles WHERE id = ANY($1)
  UNION ALL
  SELECT article_id, content_hash, revision, false FROM article_revisions WHERE article_id = ANY($1)`;

interface HashRow {
  article_id: string;
  content_hash: string;
  revision: number;
  current: boolean;
}

/** What the batch knows about one id while it walks the articles in order. */
interface IdState {
  hash: string;
  revision: number;
  seen: Set<string>;
  /** The current version when it came from this batch; undefined when it is the stored row. */
  current: ArticleParams | undefined;
}

interface RevisionRow {
  article_id: string;
  revision: number;
  content_hash: string;
  replaced_at: string;
  /** undefined until the stored row has been read. */
  article_json: string | undefined;
}

async function knownHashes(client: pg.PoolClient, ids: readonly string[]): Promise<Map<string, HashRow[]>> {
  const byId = new Map<string, HashRow[]>();
  if (ids.length === 0) return byId;
  const { rows } = await client.query<HashRow>(KNOWN_HASHES, [ids]);
  for (const r of rows) {
    const list = byId.get(r.article_id);
    if (list) list.push(r);
    else byId.set(r.article_id, [r]);
  }
  return byId;
}

/**
 * Upsert `articles` on `client`, inside the caller's transaction. Ids whose every version in the
 * batch is already stored (as current or an earlier revision) are unchanged without a lock: a
 * stored hash never disappears, so that answer cannot become wrong.
 */
export async function upsertArticleRows(
  client: pg.PoolClient,
  articles: readonly Article[],
  now: string,
): Promise<UpsertOutcome[]> {
  const ids = [...new Set(articles.map((a) => a.id))];
  const before = await knownHashes(client, ids);
  const toWrite = new Set<string>();
  for (const a of articles) {
    if (!before.get(a.id)?.some((r) => r.content_hash === a.contentHash)) toWrite.add(a.id);
  }
  const params = new Map<string, ArticleParams>();
  for (const a of articles) if (toWrite.has(a.id) && !params.has(a.id)) params.set(a.id, articleToParams(a));

  const inserted = new Set<string>();
  if (params.size > 0) {
    const { rows } = await client.query<{ id: string }>(INSERT_OR_LOCK, [JSON.stringify([...params.values()].map(jsonParams)), now]);
    for (const r of rows) inserted.add(r.id);
  }
  // Rows locked but not inserted: read their state again now that no one else can change them.
  const locked = await knownHashes(client, [...params.keys()].filter((id) => !inserted.has(id)));

  const states = new Map<string, IdState>();
  for (const [id, rows] of locked) {
    const cur = rows.find((r) => r.current)!;
    states.set(id, { hash: cur.content_hash, revision: cur.revision, seen: new Set(rows.map((r) => r.content_hash)), current: undefined });
  }
  const outcomes: UpsertOutcome[] = [];
  const revisions: RevisionRow[] = [];
  const updates = new Map<string, { params: ArticleParams; revision: number }>();
  for (const a of articles) {
    if (!toWrite.has(a.id)) {
      outcomes.push('unchanged');
      continue;
    }
    const state = states.get(a.id);
    if (state === undefined) {
      // Inserted by this batch: its first occurrence is new.
      states.set(a.id, { hash: a.contentHash, revision: 1, seen: new Set([a.contentHash]), current: params.get(a.id) });
      outcomes.push('new');
    } else if (state.seen.has(a.contentHash)) {
      outcomes.push('unchanged');
    } else {
      const next = articleToParams(a);
      revisions.push({
        article_id: a.id,
        revision: state.revision,
        content_hash: state.hash,
        replaced_at: now,
        article_json: state.current === undefined ? undefined : JSON.stringify(rowToArticle({ ...state.current, revision: state.revision })),
      });
      state.revision += 1;
      state.hash = a.contentHash;
      state.seen.add(a.contentHash);
      state.current = next;
      updates.set(a.id, { params: next, revision: state.revision });
      outcomes.push('updated');
    }
  }
  if (revisions.length > 0) {
    const fromDb = [...new Set(revisions.filter((r) => r.article_json === undefined).map((r) => r.article_id))];
    if (fromDb.length > 0) {
      const { rows } = await client.query<ArticleRow>('SELECT * FROM articles WHERE id = ANY($1)', [fromDb]);
      const json = new Map(rows.map((r) => [r.id, JSON.stringify(rowToArticle(r))]));
      for (const r of revisions) r.article_json ??= json.get(r.article_id);
    }
    const packed = revisions.map(({ article_json, ...r }) => ({ ...r, article_json_br: packText(article_json!).toString('hex') }));
    await client.query(KEEP_REVISIONS, [JSON.stringify(packed)]);
    await client.query(UPDATE, [
      JSON.stringify([...updates.values()].map((u) => ({ ...jsonParams(u.params), revision: u.revision }))),
      now,
    ]);
  }
  return outcomes;
}
