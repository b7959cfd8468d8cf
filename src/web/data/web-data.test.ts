import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbSpec } from '../../../test/support/backends.js';
import { makeArticle } from '../../../test/support/make-article.js';
import { derivePending } from '../../derive/derive-pending.js';
import { openStore } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import { WebData } from './web-data.js';

/** Text of article `i`: characters no other article uses, so every article is its own story. */
const ownText = (i: number): string =>
  Array.from({ length: 3 }, (_, p) => Array.from({ length: 30 }, (_, k) => String.fromCodePoint(0x4e00 + i * 100 + p * 30 + k)).join('')).join('\n\n');

const times = [
  '2021-12-20T10:00:00+08:00',
  '2021-12-20T10:00:00+08:00',
  '2021-12-20T10:00:00+08:00',
  '2021-12-19T09:00:00+08:00',
  '2021-06-01T09:00:00+08:00',
  '2015-01-01T00:00:00+08:00',
  '1960-05-01T00:00:00+08:00',
  null,
  null,
  null,
];

let dir: string;
let store: Store;
let data: WebData;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-web-data-'));
  store = await openStore(await testDbSpec(dir));
  await store.upsertArticles(times.map((publishedAt, i) => makeArticle({ id: `t:${i}`, title: `标题${i}`, text: ownText(i), html: '', publishedAt, url: null })));
  await derivePending(store);
  data = new WebData(store);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('WebData.stories', () => {
  it('pages in the story tables order (ties by id, undated last) for every page size', async () => {
    const expected = (await store.stories().listStories(100)).map((s) => s.id);
    expect(expected.length).toBe(times.length);
    for (const limit of [1, 2, 3, 4, 7]) {
      const got: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await data.stories({ after, limit });
        got.push(...page.entries.map((e) => e.id));
        if (page.nextCursor === null) break;
        after = page.nextCursor;
      }
      expect({ limit, got }).toEqual({ limit, got: expected });
    }
  });

  it('rejects a cursor that is not one of ours', async () => {
    await expect(data.stories({ after: 'bogus' })).rejects.toMatchObject({ status: 400 });
  });
});
