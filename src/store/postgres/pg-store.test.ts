/**
 * What only the PostgreSQL store has to prove: several pools writing overlapping batches at once,
 * several processes opening a fresh database at once, and connection failures reported clearly
 * without a password. The shared behaviour is in src/store/store-contract.test.ts.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../../../test/support/make-article.js';
import { freshPgDatabase, pgAdminUrl } from '../../../test/support/postgres.js';
import { StoreError } from '../../util/errors.js';
import type { UpsertOutcome } from '../store.js';
import { pgMigrations } from './migrations.js';
import { PgStore } from './pg-store.js';

const stores: PgStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

async function open(url: string, options: { mustExist?: boolean; readonly?: boolean } = {}): Promise<PgStore> {
  const store = await PgStore.open(url, options);
  stores.push(store);
  return store;
}

/** A deterministic shuffle (so a failure can be replayed). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('PgStore', () => {
  it('lets 4 pools upsert overlapping batches at once: no duplicate, one new per id, no error', async () => {
    const url = await freshPgDatabase();
    const workers = await Promise.all([0, 1, 2, 3].map(() => open(`${url}?pool=2`)));
    const ids = Array.from({ length: 240 }, (_, i) => i);
    // Worker w sends version (id + w) % 2 of each article: both versions of every id arrive twice.
    const version = (id: number, w: number): ReturnType<typeof makeArticle> =>
      makeArticle({ id: `t:${String(id).padStart(3, '0')}`, text: `第${id}条，版本${(id + w) % 2}。` });
    const outcomes = new Map<string, UpsertOutcome[]>();
    await Promise.all(
      workers.map(async (store, w) => {
        const order = shuffled(ids, w + 1);
        for (let i = 0; i < order.length; i += 30) {
          const batch = order.slice(i, i + 30).map((id) => version(id, w));
          const result = await store.upsertArticles(batch);
          batch.forEach((a, k) => outcomes.set(a.id, [...(outcomes.get(a.id) ?? []), result[k]!]));
        }
      }),
    );
    expect(await workers[0]!.countArticles()).toBe(240);
    const tally = [...outcomes.values()].map((o) => [
      o.filter((x) => x === 'new').length,
      o.filter((x) => x === 'updated').length,
      o.filter((x) => x === 'unchanged').length,
    ]);
    expect(tally).toEqual(ids.map(() => [1, 1, 2]));
    for (const id of ['t:000', 't:117', 't:239']) {
      const revisions = await workers[1]!.getRevisions(id);
      expect(revisions.map((r) => r.revision)).toEqual([1]);
      const current = await workers[2]!.getArticle(id);
      expect(new Set([revisions[0]!.contentHash, current!.contentHash]).size).toBe(2);
    }
  });

  it('migrates a fresh database once when 4 pools open it at once', async () => {
    const url = await freshPgDatabase();
    const opened = await Promise.all([0, 1, 2, 3].map(() => open(url)));
    const { rows } = await opened[0]!.pool.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    expect(rows).toEqual(pgMigrations.map((m, i) => ({ version: i + 1, name: m.name })));
    await expect(open(url, { mustExist: true })).resolves.toBeInstanceOf(PgStore);
    await expect(open(url, { readonly: true })).resolves.toBeInstanceOf(PgStore);
  });

  it('says so, naming the URL without its password, when no caixun schema is there', async () => {
    const url = await freshPgDatabase();
    const withPassword = url.replace('caixun@', 'caixun:s3cret@');
    const err = await PgStore.open(withPassword, { mustExist: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toBe(
      `store: no database at ${url} (run \`caixun import\` or \`caixun migrate\` first)`,
    );
    // nothing was created
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT to_regclass('schema_migrations') AS t`);
    await client.end();
    expect(rows).toEqual([{ t: null }]);
  });

  it('reports a refused connection clearly, without the password', async () => {
    const err = await PgStore.open('postgres://caixun:s3cret@127.0.0.1:1/archive?pool=1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/^store: cannot connect to postgres:\/\/caixun@127\.0\.0\.1:1\/archive: .*ECONNREFUSED/);
    expect((err as Error).message).not.toContain('s3cret');
  });

  it('reports a database that does not exist', async () => {
    const url = new URL(pgAdminUrl());
    url.pathname = '/caixun_no_such_db';
    url.password = 'hunter2';
    const err = await PgStore.open(url.toString()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(/^store: cannot connect to postgres:\/\/caixun@127\.0\.0\.1:\d+\/caixun_no_such_db: database "caixun_no_such_db" does not exist$/);
    expect((err as Error).message).not.toContain('hunter2');
  });

  it('sizes the pool from pool= and shows its location without the password', async () => {
    const url = await freshPgDatabase();
    const store = await open(`${url.replace('caixun@', 'caixun:s3cret@')}?pool=3`);
    expect(store.pool.options.max).toBe(3);
    expect(store.location).toBe(url);
    expect(await store.countArticles()).toBe(0);
    expect(typeof (await store.countArticles())).toBe('number');
  });
});
