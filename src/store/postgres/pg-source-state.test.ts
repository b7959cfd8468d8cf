/**
 * PostgreSQL-only behaviour of source state: several workers recording fingerprints and states
 * at once. The shared behaviour is in src/store/store-contract.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { freshPgDatabase } from '../../../test/support/postgres.js';
import { PgStore } from './pg-store.js';

const stores: PgStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

describe('PgSourceStateRepository', () => {
  it('lets 4 workers record overlapping fingerprints at once: no error, one article per fingerprint', async () => {
    const url = await freshPgDatabase();
    const workers = await Promise.all([0, 1, 2, 3].map(async () => {
      const s = await PgStore.open(`${url}?pool=2`);
      stores.push(s);
      return s;
    }));
    const fingerprints = Array.from({ length: 200 }, (_, i) => `fp-${i}`);
    await Promise.all(
      workers.map(async (store, w) => {
        const order = w % 2 ? [...fingerprints].reverse() : fingerprints;
        for (let i = 0; i < order.length; i += 25) {
          await store.sourceStates().addFingerprints(order.slice(i, i + 25).map((f) => ({ fingerprint: f, articleId: `w${w}:${f}` })));
        }
        await store.sourceStates().putSourceState({
          key: 'shared', etag: `"${w}"`, lastModified: null, lastAttemptAt: null, lastSuccessAt: null, lastFailureAt: null,
          lastErrorKind: null, lastError: null, consecutiveFailures: w, nextDueAt: null, itemsFetched: w, outlet: null, kind: null,
        });
      }),
    );
    const { rows } = await workers[0]!.pool.query<{ n: number; articles: number }>(
      'SELECT count(*) AS n, count(DISTINCT article_id) AS articles FROM article_fingerprints',
    );
    expect(rows).toEqual([{ n: 200, articles: 200 }]);
    for (const f of ['fp-0', 'fp-199']) {
      expect(await workers[1]!.sourceStates().findArticleIdByFingerprint(f)).toMatch(new RegExp(`^w[0-3]:${f}$`));
    }
    const states = await workers[2]!.sourceStates().listSourceStates();
    expect(states).toHaveLength(1);
    expect(states[0]!.etag).toBe(`"${states[0]!.consecutiveFailures}"`);
  });
});
