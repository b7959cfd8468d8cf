import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../../test/support/make-article.js';
import { testDbSpec } from '../../test/support/backends.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { articleFingerprint, storeDeduplicated } from './deduplicate.js';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-dedupe-'));
  store = await openStore(await testDbSpec(dir));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const text = '某市一季度工业增加值同比增长百分之五，增速比上年同期加快一点二个百分点。';
const first = makeArticle({ id: 'feed:g1', url: 'https://x.example/a/1.html', text });
/** `first` with changes, its content hash recomputed. */
const changed = (fields: Partial<typeof first>): typeof first => {
  const { contentHash: _old, ...rest } = first;
  return makeArticle({ ...rest, ...fields });
};

describe('storeDeduplicated', () => {
  it('stores an item seen again under its id once, and an edit as a revision', async () => {
    expect(await storeDeduplicated(store, [first])).toEqual(['new']);
    expect(await storeDeduplicated(store, [first])).toEqual(['unchanged']);
    const edited = changed({ text: `${text}（更正）` });
    expect(await storeDeduplicated(store, [edited])).toEqual(['updated']);
    expect(await store.getRevisions('feed:g1')).toHaveLength(1);
    expect(await store.countArticles()).toBe(1);
  });

  it('folds a new GUID with a known URL onto the stored article', async () => {
    await storeDeduplicated(store, [first]);
    const reissued = changed({ id: 'feed:g2', title: '标题改了' });
    expect(await storeDeduplicated(store, [reissued])).toEqual(['updated']);
    expect(await store.getArticle('feed:g2')).toBeUndefined();
    expect((await store.getArticle('feed:g1'))?.title).toBe('标题改了');
  });

  it('drops the same content under a new GUID and URL', async () => {
    await storeDeduplicated(store, [first]);
    const copy = makeArticle({ ...first, id: 'feed:g3', url: 'https://x.example/m/1.html' });
    expect(await storeDeduplicated(store, [copy])).toEqual(['unchanged']);
    expect(await store.countArticles()).toBe(1);
  });

  it('keeps short flashes with the same title but different URLs apart', async () => {
    const a = makeArticle({ id: 'f:1', title: '快讯', text: '短', url: 'https://x.example/1' });
    const b = makeArticle({ id: 'f:2', title: '快讯', text: '短', url: 'https://x.example/2' });
    expect(articleFingerprint(a)).not.toBe(articleFingerprint(b));
    expect(await storeDeduplicated(store, [a, b])).toEqual(['new', 'new']);
  });

  it('stores repeats inside one batch once, outcomes in input order', async () => {
    const copy = makeArticle({ ...first, id: 'feed:g4', url: 'https://x.example/c.html' });
    const other = makeArticle({ id: 'feed:g5', url: 'https://x.example/5.html', title: '另一条', text: `另一条${text}` });
    expect(await storeDeduplicated(store, [first, copy, other, first])).toEqual([
      'new',
      'unchanged',
      'new',
      'unchanged',
    ]);
    expect(await store.countArticles()).toBe(2);
  });
});
