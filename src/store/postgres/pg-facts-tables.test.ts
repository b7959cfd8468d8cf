/**
 * PostgreSQL-only behaviour of the facts tables: several workers replacing the claims of the same
 * articles at once. The shared behaviour is in src/store/store-contract.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../../../test/support/make-article.js';
import { freshPgDatabase } from '../../../test/support/postgres.js';
import type { ClaimInput } from '../tables.js';
import { factsPgMigration } from './pg-facts-tables.js';
import { pgMigrations } from './migrations.js';
import { PgStore } from './pg-store.js';

const stores: PgStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

const claim = (value: number): ClaimInput => ({
  value, high: null, shape: 'single', unit: '%', subject: '增加值', subjectKey: '增加值', kind: 'growth', direction: 'up', baseline: null, qualifier: null,
  period: null, deadline: null, text: `${value}%`, sentence: `增长${value}%。`, start: 2, end: 4, sentenceStart: 0,
});

describe('PgFactsTables', () => {
  it('runs after the story tables, whose members it joins', () => {
    const names = pgMigrations.map((m) => m.name);
    expect(names.indexOf(factsPgMigration.name)).toBeGreaterThan(names.findIndex((n) => /stor/.test(n)));
  });

  it('lets 4 workers replace the claims of the same articles at once: one consistent set per article, no error', async () => {
    const url = await freshPgDatabase();
    const workers = await Promise.all([0, 1, 2, 3].map(async () => {
      const s = await PgStore.open(`${url}?pool=2`);
      stores.push(s);
      return s;
    }));
    const ids = Array.from({ length: 40 }, (_, i) => `t:${String(i).padStart(2, '0')}`);
    await workers[0]!.upsertArticles(ids.map((id) => makeArticle({ id })));
    await Promise.all(
      workers.map(async (store, w) => {
        const order = w % 2 ? [...ids].reverse() : ids;
        for (let round = 0; round < 3; round++) {
          for (let i = 0; i < order.length; i += 10) {
            await store.facts().replaceClaims(
              order.slice(i, i + 10).map((id) => ({ articleId: id, contentHash: `w${w}`, claims: [claim(w), claim(w + 0.5)] })),
            );
          }
        }
      }),
    );
    const claims = await workers[0]!.facts().listClaims();
    expect(claims).toHaveLength(80);
    // Each article holds the two claims of one worker, never a mix.
    for (const id of ids) {
      const values = claims.filter((c) => c.articleId === id).map((c) => c.value);
      expect(values).toHaveLength(2);
      expect(values[1]! - values[0]!).toBe(0.5);
    }
  });
});
