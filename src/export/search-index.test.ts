import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { type ClientIndex, INDEX_GLOBAL, indexScript, SearchIndexBuilder } from './search-index.js';

const base = { outletKey: 'cls', outlet: '财联社', outletPage: 'outlet/cls', categories: ['快讯'] };

describe('SearchIndexBuilder', () => {
  it('numbers documents newest first and front-codes Han terms', () => {
    const b = new SearchIndexBuilder();
    b.add({ ...base, title: '碳达峰', text: '5G 碳', publishedAt: '2021-12-01T08:00:00+08:00', page: 'story/a' });
    b.add({ ...base, title: '达峰', text: '', publishedAt: null, page: 'article/b' });
    b.add({ ...base, outletKey: 'em', outlet: '东方财富', outletPage: 'outlet/em', categories: [], title: '碳中和', text: 'IPv6', publishedAt: '2021-12-02T08:00:00+08:00', page: 'story/c' });
    const index = b.build();
    expect(index).toEqual<ClientIndex>({
      v: 1,
      docs: [
        ['碳中和', 'story/c', 0, '2021-12-02T08:00', [], 'IPv6'],
        ['碳达峰', 'story/a', 1, '2021-12-01T08:00', [0], '5G 碳'],
        ['达峰', 'article/b', 1, '', [0], ''],
      ],
      outlets: [['em', '东方财富', 'outlet/em'], ['cls', '财联社', 'outlet/cls']],
      categories: ['快讯'],
      terms: { '5g': '1', ipv6: '0' },
      // 碳 alone in doc 1; 碳中 in 0; 碳达 in 1; 中和 in 0; 达峰 in 1 and 2
      han: { 中: '和0', 碳: '1中0达1', 达: '峰10' },
    });
  });

  it('writes a script that assigns the global, safe for U+2028', () => {
    const b = new SearchIndexBuilder();
    b.add({ ...base, title: '行\u2028分隔', text: '', publishedAt: null, page: 'story/a' });
    const script = indexScript(b.build());
    expect(script).not.toContain('\u2028');
    const window: Record<string, unknown> = {};
    runInNewContext(script, { window });
    expect((window[INDEX_GLOBAL] as ClientIndex).docs[0]?.[0]).toBe('行\u2028分隔');
  });
});
