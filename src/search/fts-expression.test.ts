import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { buildMatchExpression, categoryToken, outletToken, termExpression } from './fts-expression.js';
import { parseQuery } from './query-parse.js';

describe('termExpression', () => {
  it.each([
    [{ text: '碳', phrase: false }, '{title body} : "碳"*'],
    [{ text: '股市', phrase: false }, '{title body} : "股市"'],
    [{ text: '5g基站', phrase: false }, '{title_words body_words} : "5g基站"'],
    [{ text: 'a股', phrase: false }, '{title_words body_words} : "a股"'],
    [{ text: '5g基站', phrase: true }, '{title body} : "5g 基站"'],
    [{ text: '5g', phrase: false }, '{title body} : "5g"'],
    // a dictionary word of three or more characters: one token of the word columns
    [{ text: '碳达峰', phrase: false }, '{title_words body_words} : "碳达峰"'],
    // quoted: always the exact gram phrase
    [{ text: '碳达峰', phrase: true }, '{title body} : "碳达 达峰"'],
    // not a dictionary word: grams
    [{ text: '恩捷股份', phrase: false }, '{title body} : "恩捷 捷股 股份"'],
  ])('%j → %s', (term, expression) => {
    expect(termExpression(term)).toBe(expression);
  });

  it('is null for punctuation only', () => {
    expect(termExpression({ text: '——', phrase: true })).toBeNull();
  });
});

describe('buildMatchExpression', () => {
  it('ANDs terms and filters and NOTs the excluded terms', () => {
    expect(buildMatchExpression(parseQuery('股市 -央行 outlet:cls'), { category: '金融' })).toBe(
      `({title body} : "股市" AND (meta : ${outletToken('cls')}) AND (meta : ${categoryToken('金融')})) NOT ({title body} : "央行")`,
    );
  });

  it('ORs several outlet: values', () => {
    expect(buildMatchExpression(parseQuery('股市 outlet:cls outlet:eastmoney'))).toBe(
      `{title body} : "股市" AND (meta : ${outletToken('cls')} OR meta : ${outletToken('eastmoney')})`,
    );
  });

  it('is null without a positive term', () => {
    expect(buildMatchExpression(parseQuery(''))).toBeNull();
    expect(buildMatchExpression(parseQuery('-央行 outlet:cls'))).toBeNull();
  });

  it('quotes what FTS5 would read as syntax', () => {
    expect(termExpression({ text: 'and', phrase: false })).toBe('{title body} : "and"');
    expect(outletToken('sina-finance')).toMatch(/^o[0-9a-f]+$/);
  });
});

describe('any typed query', () => {
  it('becomes an expression FTS5 accepts (property)', async () => {
    const store = new SqliteStore(':memory:');
    const tables = store.search();
    const pieces = fc.constantFrom('"', '-', 'outlet:', 'category:', ' ', '*', '(', ')', 'AND', 'NOT', 'OR', 'NEAR', '^', ':', '{', '}', '碳', '达峰', 'A股', '5G', '，', '“', '”');
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme' })), { maxLength: 8 }), async (parts) => {
          const compiled = tables.compile(parseQuery(parts.join('')), { outlet: parts[0] ?? 'x' });
          if (compiled !== null) expect(await tables.countMatches(compiled, 0, 1, 1)).toBe(0);
        }),
        { numRuns: 300 },
      );
    } finally {
      void store.close();
    }
  });
});
