/** The tsquery of a parsed query: term semantics as fts-expression.ts, and what PostgreSQL makes of it. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPgDatabase } from '../../test/support/postgres.js';
import { categoryToken, outletToken } from './fts-expression.js';
import { searchDocumentOf } from './index-articles.js';
import { parseQuery } from './query-parse.js';
import { buildTsquery, termTsquery } from './tsquery-expression.js';
import { tsvectorLiteral } from '../store/postgres/pg-tsvector.js';

describe('termTsquery', () => {
  it.each([
    ['碳', false, "'碳':*"],
    ['股市', false, "'股市'"],
    ['新能源', false, "'#新能源'"],
    ['新能源', true, "('新能' <-> '能源')"],
    ['北京昨日本土', true, "('北京' <-> '京昨' <-> '昨日' <-> '日本' <-> '本土')"],
    ['5g基站', false, "'#5g基站'"],
    ['5g基', false, "('5g' <-> '基':*)"],
    ['ipv6', false, "'ipv6'"],
    ['6.3512', false, "('6' <-> '3512')"],
    ["it's", false, "('it' <-> 's')"],
    ['哈哈哈', true, "('哈哈' <-> '哈哈')"],
    ['，。！', false, null],
  ])('%s (phrase %s) → %s', (text, phrase, expected) => {
    expect(termTsquery({ text, phrase })).toBe(expected);
  });
});

describe('buildTsquery', () => {
  const o = (key: string): string => `'@${outletToken(key)}'`;
  const c = (name: string): string => `'@${categoryToken(name)}'`;

  it('ANDs the terms, ORs the values of a filter, excludes with !', () => {
    expect(buildTsquery(parseQuery('碳达峰 股市 outlet:cls outlet:Sina category:深度 -光伏 -"北京"'))).toEqual({
      match: `'#碳达峰' & '股市' & (${o('cls')} | ${o('sina')}) & (${c('深度')}) & !('光伏' | '北京')`,
      terms: ["'#碳达峰'", "'股市'"],
    });
  });

  it('adds the option filters to those of the query', () => {
    expect(buildTsquery(parseQuery('股市 -光伏'), { outlet: 'cls', category: '金融' })?.match).toBe(
      `'股市' & (${o('cls')}) & (${c('金融')}) & !'光伏'`,
    );
  });

  it('is null without a positive searchable term', () => {
    expect(buildTsquery(parseQuery(''))).toBeNull();
    expect(buildTsquery(parseQuery('-北京 outlet:cls'))).toBeNull();
    expect(buildTsquery(parseQuery('，，'))).toBeNull();
  });
});

describe('on PostgreSQL', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: await freshPgDatabase('tsq') });
    await client.connect();
  });
  afterAll(() => client.end());

  const document = tsvectorLiteral(
    searchDocumentOf({ title: "O'Neil谈IPv6与碳达峰", text: '推进5G基站建设，北京昨日本土无新增。', outlet_key: 'cls', categories: '["深度"]' }),
  );
  const matches = async (q: string, filters = {}): Promise<boolean> => {
    const compiled = buildTsquery(parseQuery(q), filters);
    if (compiled === null) throw new Error(`no query for ${q}`);
    return (await client.query<{ m: boolean }>('SELECT $1::tsvector @@ $2::tsquery AS m', [document, compiled.match])).rows[0]!.m;
  };

  it.each([
    ['碳', true],
    ['碳达峰', true],
    ['达峰', true],
    ['IPV6', true],
    ['ｉｐｖ６', true],
    ["o'neil", true],
    ['5G基站', true],
    ['"5G基站建设"', true],
    ['"本土无新增"', true],
    ['"无新增北京"', false],
    ['"碳达峰推进"', false],
    ['北京 -无新增', false],
    ['北京 -上海', true],
    ['碳 outlet:cls', true],
    ['碳 outlet:sina', false],
    ['碳 category:深度', true],
    ['碳 category:快讯', false],
  ])('%s → %s', async (q, expected) => {
    expect(await matches(q)).toBe(expected);
  });

  it('applies the option filters', async () => {
    expect(await matches('碳', { outlet: 'CLS' })).toBe(true);
    expect(await matches('碳', { category: '金融' })).toBe(false);
  });
});
