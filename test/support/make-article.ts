/** Builds canonical articles for store tests (invented text, not corpus text). */
import type { Article } from '../../src/model/article.js';
import { sha1Hex } from '../../src/util/hash.js';

export function makeArticle(overrides: Partial<Article> = {}): Article {
  const base: Article = {
    id: 'testoutlet:1',
    outlet: '测试财经',
    outletKey: 'testoutlet',
    title: '某市一季度工业增加值同比增长5%',
    url: 'https://example.org/news/1.html',
    publishedAt: '2021-12-20T20:21:15+08:00',
    fetchedAt: '2026-11-24T00:00:00.000Z',
    categories: ['财经'],
    tags: ['测试新闻'],
    html: '<p>某市一季度工业增加值同比增长5%。</p>',
    text: '某市一季度工业增加值同比增长5%。',
    images: [],
    provenance: { source: '测试日报' },
    format: 'markdown',
    contentHash: '',
    flags: [],
    raw: { origin: '/tmp/x.md', mediaType: 'text/markdown', body: '---\ntitle: x\n---\nbody' },
  };
  const a = { ...base, ...overrides };
  return { ...a, contentHash: overrides.contentHash ?? sha1Hex(`${a.title}\n${a.text}\n${a.publishedAt}`) };
}
