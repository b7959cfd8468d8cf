import { describe, expect, it } from 'vitest';
import { printArticle } from './article-print.js';
import { DEFAULT_CLUSTERER_OPTIONS } from './cluster.js';
import { PrintPool } from './print-pool.js';

const inputs = Array.from({ length: 7 }, (_, i) => ({
  title: `央行公告第${i}号`,
  text: `中国人民银行今日开展${100 + i}亿元逆回购操作，中标利率为1.${i}0%。\n\n当日有${50 + i}亿元逆回购到期。`,
  publishedAt: i % 3 === 0 ? null : `2023-03-0${1 + i}T09:30:00+08:00`,
}));

describe('PrintPool', () => {
  it('gives on worker threads exactly the prints computed in this thread, in input order', async () => {
    const local = inputs.map((i) => printArticle(i, DEFAULT_CLUSTERER_OPTIONS));
    const pool = new PrintPool(2, DEFAULT_CLUSTERER_OPTIONS);
    try {
      expect(await pool.print(inputs)).toEqual(local);
      expect(await pool.print([])).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it('moves part of each batch to this thread when it waits, and the prints stay the same', async () => {
    const many = Array.from({ length: 40 }, (_, i) => inputs[i % inputs.length] as (typeof inputs)[number]);
    const local = many.map((i) => printArticle(i, DEFAULT_CLUSTERER_OPTIONS));
    const pool = new PrintPool(1, DEFAULT_CLUSTERER_OPTIONS);
    try {
      for (let round = 0; round < 6; round++) {
        // This thread sits idle between batches: the pool sees it waiting and prints here too.
        expect(await pool.print(many)).toEqual(local);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(pool.localShare).toBeGreaterThan(0);
      expect(await pool.print(many)).toEqual(local);
    } finally {
      await pool.close();
    }
  });

  it('computes in this thread with no workers', async () => {
    const pool = new PrintPool(0, DEFAULT_CLUSTERER_OPTIONS);
    const prints = await pool.print(inputs.slice(0, 2));
    expect(prints.map((p) => p.event.figures)).toEqual([['1.00', '100亿'], ['1.10', '101亿']]);
    expect(prints[0]?.keys.query.length).toBe(prints[0]?.keys.stored.length);
    expect(prints[1]?.keys.query.length).toBeGreaterThan(prints[1]?.keys.stored.length ?? 0);
    await pool.close();
  });
});
