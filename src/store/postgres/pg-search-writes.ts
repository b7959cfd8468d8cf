/**
 * Writing search documents on PostgreSQL (for pg-search-tables.ts): the puts of a transaction
 * go in one statement, with rowids allocated per publication second as on SQLite
 * (`sort_ts × 65536 + n`, n the next free number of that second). The caller holds the index
 * writers' advisory lock, so no other writer allocates in the same second meanwhile.
 */
import type pg from 'pg';
import { StoreError } from '../../util/errors.js';
import { ROWIDS_PER_SECOND } from '../tables.js';

/** One document to write. */
export interface PendingPut {
  /** Article id. */
  id: string;
  sortTs: number;
  /** Content hash that was indexed. */
  hash: string;
  outlet: string;
  /** JSON array, as articles.categories. */
  categories: string;
  /** The tsvector literal (pg-tsvector.ts). */
  tsv: string;
}

/**
 * Write the documents, replacing the rows the articles have now: delete them, then number each
 * second's new rows from its highest rowid + 1 (the DELETE feeds the INSERT, so it runs first
 * and an article's old row never blocks its new one). A row whose second is taken up to its top
 * rowid goes into the first gap ({@link putInGap}). Article ids must be distinct.
 */
export async function writePuts(client: pg.PoolClient, puts: readonly PendingPut[]): Promise<void> {
  const column = <K extends keyof PendingPut>(k: K): PendingPut[K][] => puts.map((p) => p[k]);
  const inserted = await client.query<{ article_id: string }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])
         WITH ORDINALITY AS t(article_id, sort_ts, content_hash, outlet_key, categories, tsv, ord)),
     del AS (DELETE FROM search_docs d USING input i WHERE d.article_id = i.article_id RETURNING 1),
     gone AS (SELECT count(*) AS n FROM del),
     seconds AS (
       SELECT s.sort_ts, coalesce(
         (SELECT max(rowid) + 1 FROM search_docs WHERE rowid BETWEEN s.sort_ts * $7 AND s.sort_ts * $7 + $7 - 1),
         s.sort_ts * $7) AS first
       FROM (SELECT DISTINCT sort_ts FROM input) s),
     numbered AS (
       SELECT i.*, c.first + row_number() OVER (PARTITION BY i.sort_ts ORDER BY i.ord) - 1 AS rowid
       FROM input i JOIN seconds c USING (sort_ts))
     INSERT INTO search_docs (rowid, article_id, content_hash, outlet_key, categories, tsv)
     SELECT n.rowid, n.article_id, n.content_hash, n.outlet_key, n.categories, n.tsv::tsvector
     FROM numbered n, gone WHERE n.rowid <= n.sort_ts * $7 + $7 - 1
     RETURNING article_id`,
    [column('id'), column('sortTs'), column('hash'), column('outlet'), column('categories'), column('tsv'), ROWIDS_PER_SECOND],
  );
  if (inserted.rows.length === puts.length) return;
  const done = new Set(inserted.rows.map((r) => r.article_id));
  for (const p of puts) if (!done.has(p.id)) await putInGap(client, p);
}

/** The top rowid of the second is taken: use its first free one (articles of it were removed). */
async function putInGap(client: pg.PoolClient, p: PendingPut): Promise<void> {
  const base = p.sortTs * ROWIDS_PER_SECOND;
  const top = base + ROWIDS_PER_SECOND - 1;
  const used = await client.query<{ rowid: number | string }>('SELECT rowid FROM search_docs WHERE rowid BETWEEN $1 AND $2 ORDER BY rowid', [base, top]);
  let free = base;
  for (const u of used.rows) {
    if (Number(u.rowid) !== free) break;
    free++;
  }
  if (free > top) throw new StoreError(`search: more than ${ROWIDS_PER_SECOND} articles published in the second ${p.sortTs}`);
  await client.query(
    'INSERT INTO search_docs (rowid, article_id, content_hash, outlet_key, categories, tsv) VALUES ($1, $2, $3, $4, $5, $6::tsvector)',
    [free, p.id, p.hash, p.outlet, p.categories, p.tsv],
  );
}
