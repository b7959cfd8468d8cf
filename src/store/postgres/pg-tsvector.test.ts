/** The tsvector literal: layout, quoting, limits, and what PostgreSQL makes of it. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPgDatabase } from '../../../test/support/postgres.js';
import { searchDocumentOf } from '../../search/index-articles.js';
import { categoryToken, outletToken } from '../../search/fts-expression.js';
import type { SearchDocument } from '../tables.js';
import { PG_MAX_POSITION, PG_MAX_POSITIONS_PER_LEXEME, quoteLexeme, tsvectorLiteral } from './pg-tsvector.js';

const doc = (d: Partial<SearchDocument>): SearchDocument => ({ title: '', body: '', titleWords: '', bodyWords: '', meta: '', ...d });

describe('quoteLexeme', () => {
  it.each([
    ['碳达', "'碳达'"],
    ["it's", "'it''s'"],
    ['a\\b', "'a\\\\b'"],
    ["\\'", "'\\\\'''"],
    ['a b:*&|!()<->', "'a b:*&|!()<->'"],
  ])('%s → %s', (lexeme, quoted) => {
    expect(quoteLexeme(lexeme)).toBe(quoted);
  });
});

describe('tsvectorLiteral', () => {
  it('puts title grams at 1…T (A), body grams after a gap (D), words and filters in their own name spaces', () => {
    const d = searchDocumentOf({ title: 'A股碳达峰', text: '推进5G基站。', outlet_key: 'cls', categories: '["深度"]' });
    expect(tsvectorLiteral(d)).toBe(
      "'a':1A '股碳':2A '碳达':3A '达峰':4A '峰':5A '推进':7 '进':8 '5g':9 '基站':10 '站':11 " +
        `'#碳达峰':1A '#a股':2A '#5g基站':4 '@${outletToken('cls')}':1B '@${categoryToken('深度')}':1B`,
    );
  });

  it('keeps the positions of a lexeme in the title and the body, with their weights', () => {
    expect(tsvectorLiteral(doc({ title: '股市 市', body: '股市 大涨 涨 股市 市' }))).toBe("'股市':1A,4,7 '市':2A,8 '大涨':5 '涨':6");
  });

  it('clamps positions at 16,383 and keeps at most 256 per lexeme', () => {
    const body = Array.from({ length: PG_MAX_POSITION + 10 }, (_, i) => (i === PG_MAX_POSITION + 5 ? 'late' : 'x')).join(' ');
    const literal = tsvectorLiteral(doc({ body }));
    const x = /'x':([\d,]+)/.exec(literal)?.[1]?.split(',') ?? [];
    expect(x).toHaveLength(PG_MAX_POSITIONS_PER_LEXEME);
    expect(x[0]).toBe('2');
    expect(literal).toContain(`'late':${PG_MAX_POSITION}`);
  });

  it('is empty for an empty document', () => {
    expect(tsvectorLiteral(doc({}))).toBe('');
  });
});

describe('on PostgreSQL', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: await freshPgDatabase('tsv') });
    await client.connect();
  });
  afterAll(() => client.end());

  const cast = async (literal: string): Promise<string> =>
    (await client.query<{ v: string }>('SELECT $1::tsvector::text AS v', [literal])).rows[0]!.v;

  it('reads the literal back unchanged: quotes, backslashes, case as given, digits, Han', async () => {
    const d = doc({ title: "it's a\\b", body: 'IPv6 ipv6 2021 年份', bodyWords: '5g基站', meta: 'o6162' });
    expect(await cast(tsvectorLiteral(d))).toBe("'#5g基站':2 '2021':6 '@o6162':1B 'IPv6':4 'a\\\\b':2A 'ipv6':5 'it''s':1A '年份':7");
  });

  it('matches a gram phrase only inside one part, and never a word through a one-character prefix', async () => {
    const literal = tsvectorLiteral(searchDocumentOf({ title: '碳达峰', text: '5G基站建设', outlet_key: 'x', categories: '[]' }));
    const matches = async (q: string): Promise<boolean> =>
      (await client.query<{ m: boolean }>('SELECT $1::tsvector @@ $2::tsquery AS m', [literal, q])).rows[0]!.m;
    expect(await matches("'碳达' <-> '达峰'")).toBe(true);
    expect(await matches("'达峰' <-> '5g'")).toBe(false);
    expect(await matches("'5g' <-> '基':*")).toBe(true);
    expect(await matches("'峰' <-> '建':*")).toBe(false);
    expect(await matches("'#碳达峰'")).toBe(true);
    expect(await matches("'碳达' <-> '#碳':*")).toBe(false);
  });

  it('holds a very long document', async () => {
    const text = Array.from({ length: 400 }, (_, i) => `第${i}段，国内生产总值同比增长${i}%，规模以上工业增加值稳步回升。`).join('');
    const literal = tsvectorLiteral(searchDocumentOf({ title: '长文', text, outlet_key: 'x', categories: '[]' }));
    const r = await client.query<{ n: number; late: boolean }>(
      "SELECT length($1::tsvector) AS n, $1::tsvector @@ '''399''' AS late",
      [literal],
    );
    expect(r.rows[0]!.n).toBeGreaterThan(400);
    expect(r.rows[0]!.late).toBe(true);
  });

  it('stays under the 1 MB a tsvector may hold, however many distinct grams a document has', async () => {
    // 300,000 pseudo-random Han characters: ~290,000 distinct bigrams, far more than fit
    let seed = 7;
    const chars = Array.from({ length: 300_000 }, () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return String.fromCodePoint(0x4e00 + ((seed >>> 0) % 20_000));
    });
    // in sentences: one Han run of 300,000 characters overflows gramTokens' stack (grams.ts)
    for (let i = 50; i < chars.length; i += 50) chars[i] = '，';
    const literal = tsvectorLiteral(searchDocumentOf({ title: '超长', text: chars.join(''), outlet_key: 'x', categories: '[]' }));
    const r = await client.query<{ bytes: number; title: boolean }>(
      "SELECT pg_column_size($1::tsvector) AS bytes, $1::tsvector @@ '''超长''' AS title",
      [literal],
    );
    expect(r.rows[0]!.bytes).toBeLessThan(2 ** 20);
    expect(r.rows[0]!.bytes).toBeGreaterThan(800_000);
    expect(r.rows[0]!.title).toBe(true);
  });
});
