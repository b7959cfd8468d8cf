import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../../../test/corpus.js';
import { MAX_NESTING_PER_LINE, nestingRefusal, parseBlock, parseSimpleBlock, parseYamlBlock } from './yaml-block.js';

/** The text between the first pair of `---` fences. */
function blockOf(text: string): string {
  const m = /^\s*---\n([^]*?)\n---\n/.exec(text.replace(/\r\n/g, '\n'));
  if (!m?.[1]) throw new Error('no front matter');
  return m[1];
}

describe('parseYamlBlock (core schema, numbers kept as text)', () => {
  it.each([
    ['date: 2021-12-08 10:18:31', { date: '2021-12-08 10:18:31' }],
    ['date: 2021-12-08', { date: '2021-12-08' }],
    ['date:  +0800', { date: '+0800' }],
    ['title: 2021', { title: '2021' }],
    ['title: 1.10', { title: '1.10' }],
    ['comments: false', { comments: false }],
    ['title:', { title: null }],
    ['title: ""', { title: '' }],
    ["title: 'it''s'", { title: "it's" }],
    ['tags: [a, 1]', { tags: ['a', '1'] }],
    ['', {}],
  ])('%j', (block, expected) => {
    expect(parseYamlBlock(block)).toEqual({ ok: true, data: expected });
  });

  it.each([
    ['title: "他说"好"的"'],
    ['- a\n- b'],
    ['just text'],
    // "Billion laughs": alias expansion is capped.
    ['a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]'],
  ])('reports %j as an error', (block) => {
    expect(parseYamlBlock(block).ok).toBe(false);
  });

  // These run the `yaml` package to its stack limit; with V8's regexp compiler that can abort the
  // process (see nestingRefusal), so they never reach the package.
  it.each([
    ['compact mappings', 'x: "'.repeat(20_000)],
    ['sequences', `${'- '.repeat(20_000)}a`],
    ['flow collections', `a: ${'['.repeat(20_000)}`],
    ['complex keys', `${'? '.repeat(20_000)}a`],
  ])('refuses %s nested thousands deep on one line', (_, block) => {
    expect(parseYamlBlock(block)).toEqual({ ok: false, error: `front matter nests more than ${MAX_NESTING_PER_LINE} levels on one line` });
  });

  it('refuses no front matter of the corpus and no line of ordinary punctuation', () => {
    const blocks = [...corpusFiles('jekyll'), ...corpusFiles('hexo')].flatMap((file) => {
      try {
        return [blockOf(readFileSync(file, 'utf8'))];
      } catch {
        return [];
      }
    });
    expect(blocks.length).toBeGreaterThan(50);
    for (const block of blocks) expect(nestingRefusal(block)).toBeUndefined();
    expect(nestingRefusal(`title: "${'涨跌：[上证] {深证} - 创业板 '.repeat(10)}"`)).toBeUndefined();
  });
});

describe('parseSimpleBlock (fast path)', () => {
  it.each([
    ['title: "a"\ndate: 2021-12-08 10:18:31', { title: 'a', date: '2021-12-08 10:18:31' }],
    ["categories: \n - 金融\n - 财联社\ncomments: false", { categories: ['金融', '财联社'], comments: false }],
    ['title: 他说"好"', { title: '他说"好"' }],
    ['date:  +0800', { date: '+0800' }],
  ])('%j', (block, expected) => {
    expect(parseSimpleBlock(block)).toEqual(expected);
  });

  it.each([
    ['title: "a\\"b"'],
    ['title: a: b'],
    ['title: a #c'],
    ['title: [a]'],
    ['a: 1\na: 2'],
    ['  indented: x'],
    ['# comment'],
    ['title:\t"a"'],
    ['list:\n - a\n  - b'],
  ])('leaves %j to the YAML parser', (block) => {
    expect(parseSimpleBlock(block)).toBeNull();
  });

  it('agrees with the yaml package on every corpus front matter', () => {
    for (const file of [...corpusFiles('jekyll'), ...corpusFiles('hexo')]) {
      const block = blockOf(readFileSync(file, 'utf8'));
      const fast = parseSimpleBlock(block);
      expect(fast, file).not.toBeNull();
      expect(parseYamlBlock(block)).toEqual({ ok: true, data: fast });
    }
  });

  it('agrees with the yaml package whenever it accepts a block (property)', () => {
    const key = fc.constantFrom('title', 'date', 'tags', 'a_b', 'x-y', 'layout');
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom('true', 'False', 'null', '~', '+0800', '0x1F', '1e3', '.inf', "'a''b'", '"q"', 'a: b', 'a #b'),
    );
    const line = fc.oneof(
      fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(key, fc.array(scalar, { minLength: 1, maxLength: 3 })).map(
        ([k, items]) => `${k}:\n${items.map((i) => ` - ${i}`).join('\n')}`,
      ),
      fc.constant(''),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const block = lines.join('\n');
        const fast = parseSimpleBlock(block);
        if (fast !== null) expect(parseYamlBlock(block)).toEqual({ ok: true, data: fast });
      }),
      { numRuns: 3000 },
    );
  });

  it('parseBlock uses the fast path when it can and YAML otherwise', () => {
    expect(parseBlock('title: a')).toEqual({ ok: true, data: { title: 'a' } });
    expect(parseBlock('title: "a\\tb"')).toEqual({ ok: true, data: { title: 'a\tb' } });
  });
});
