/**
 * The browser search script run in node:vm: it must tokenise exactly like the index builder (on
 * every corpus article) and find what the corpus holds for one-, two-character and mixed queries.
 */
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../model/article.js';
import { importCorpus, type ImportedCorpus } from '../../test/stories/load-corpus.js';
import { SEARCH_SCRIPT } from './client-script.js';
import { decodePostings, encodePostings } from './postings.js';
import { type ClientIndex, SearchIndexBuilder } from './search-index.js';
import { indexTerms } from './search-tokens.js';

interface Hit {
  doc: ClientIndex['docs'][number];
  n: number;
  hits: number;
  also: number;
}
interface Client {
  terms(text: string): string[];
  decode(s: string): number[];
  splitHan(value: string): [string, string][];
  parseQuery(q: string): { words: string[]; not: string[]; outlet: string };
  Searcher: new (index: ClientIndex) => { search(q: string, filters?: Record<string, string>): Hit[] };
}

function loadClient(): Client {
  const window: { CaixunSearch?: Client } = {};
  runInNewContext(SEARCH_SCRIPT, { window });
  if (!window.CaixunSearch) throw new Error('search.js did not define CaixunSearch');
  return window.CaixunSearch;
}

let corpus: ImportedCorpus;
let client: Client;
let index: ClientIndex;
/** Pages are the article ids here (one result per article). */
const pagesOf = (hits: Hit[]): string[] => hits.map((h) => h.doc[1]);

function buildIndex(articles: readonly Article[]): ClientIndex {
  const b = new SearchIndexBuilder();
  for (const a of articles) {
    b.add({ ...a, outletPage: `outlet/${a.outletKey}`, page: a.id });
  }
  return b.build();
}

/** Document numbers whose title or text has the Han term, found by the builder's own tokenizer. */
function docsWith(term: string): number[] {
  docTerms ??= index.docs.map((d) => {
    const a = corpus.articles.find((x) => x.id === d[1]);
    return new Set(a === undefined ? [] : indexTerms(`${a.title}\n${a.text}`));
  });
  return docTerms.flatMap((set, n) => (set.has(term) ? [n] : []));
}
let docTerms: Set<string>[] | undefined;

beforeAll(async () => {
  corpus = await importCorpus([]);
  client = loadClient();
  index = buildIndex(corpus.articles);
});
afterAll(() => corpus.close());

describe('search.js agrees with the index builder', () => {
  it('gives the same terms for every corpus article', () => {
    expect(corpus.articles.length).toBe(82);
    for (const a of corpus.articles) {
      const text = `${a.title}\n${a.text}`;
      expect(client.terms(text)).toEqual(indexTerms(text));
    }
  });

  it('decodes the postings the builder wrote', () => {
    for (const encoded of Object.values(index.terms)) {
      expect(client.decode(encoded)).toEqual(decodePostings(encoded));
    }
    for (const [first, value] of Object.entries(index.han)) {
      for (const [second, encoded] of client.splitHan(value)) {
        expect(client.decode(encoded)).toEqual(docsWith(`${first}${second}`));
      }
    }
    expect(client.decode(encodePostings([0, 5, 1000, 1_000_000]))).toEqual([0, 5, 1000, 1_000_000]);
  });
});

describe('search.js finds corpus documents', () => {
  it('one character: 碳, title hits first, then newest first, undated last', () => {
    const s = new client.Searcher(index);
    expect(pagesOf(s.search('碳'))).toEqual([
      'eastmoney:202112082206865340',
      'eastmoney:202112082206768417',
      'eastmoney:202112082206756112',
      'eastmoney:938be2abbe74bd78',
    ]);
  });

  it('two characters: 股市 finds both CLS versions and nothing else', () => {
    const s = new client.Searcher(index);
    expect(pagesOf(s.search('股市')).sort()).toEqual(['cls:0f627ff4dd00eb8f', 'cls:cbcf73bef416cb53']);
  });

  it('mixed script: 5G (and ５ｇ) finds the title hit first', () => {
    const s = new client.Searcher(index);
    const expected = ['eastmoney:202112082206756112', 'eastmoney:202112082206768417'];
    expect(pagesOf(s.search('5G'))).toEqual(expected);
    expect(pagesOf(s.search('５ｇ'))).toEqual(expected);
    expect(pagesOf(s.search('5G 数据中心'))).toEqual(expected);
  });

  it('excludes -words and filters by outlet and dates', () => {
    const s = new client.Searcher(index);
    expect(pagesOf(s.search('碳 -5G'))).toEqual(['eastmoney:202112082206865340', 'eastmoney:938be2abbe74bd78']);
    expect(s.search('股市 outlet:eastmoney')).toEqual([]);
    expect(pagesOf(s.search('碳', { from: '2021-12-08', to: '2021-12-08' }))).toHaveLength(3);
    expect(s.search('碳', { to: '2021-12-07' })).toEqual([]);
  });

  it('groups documents of one page and counts the others', () => {
    const b = new SearchIndexBuilder();
    const base = { text: '', outletKey: 'o', outlet: '某报', outletPage: 'outlet/o', categories: [] };
    b.add({ ...base, title: '央行降准', publishedAt: '2021-12-06T18:00:00+08:00', page: 'story/a' });
    b.add({ ...base, title: '央行宣布降准', publishedAt: '2021-12-06T19:00:00+08:00', page: 'story/a' });
    b.add({ ...base, title: '降准落地', publishedAt: '2021-12-15T09:00:00+08:00', page: 'story/b' });
    const hits = new client.Searcher(b.build()).search('央行 降准');
    expect(hits.map((h) => [h.doc[1], h.doc[0], h.also])).toEqual([['story/a', '央行宣布降准', 1]]);
  });

  it('parses the query language', () => {
    expect(client.parseQuery('"碳 达峰" -煤炭 outlet:cls ，')).toEqual({ words: ['碳 达峰'], not: ['煤炭'], outlet: 'cls' });
  });
});
