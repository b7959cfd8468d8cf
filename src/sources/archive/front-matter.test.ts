import { describe, expect, it } from 'vitest';
import { InvalidDocumentError } from '../../util/errors.js';
import { MAX_FRONT_MATTER_CHARS, parseFrontMatter } from './front-matter.js';

const recovered = (message: string) => ({ code: 'recovered-front-matter', message });

describe('parseFrontMatter: well-formed', () => {
  it.each([
    ['---\ntitle: "标题"\n---\n正文', { title: '标题' }, '正文'],
    ['\n\n---\ntitle: 标题\n---\n\n正文\n', { title: '标题' }, '\n正文\n'],
    ['\uFEFF---\ntitle: 标题\n---\n正文', { title: '标题' }, '正文'],
    ['---\ntitle: 标题\n...\n正文', { title: '标题' }, '正文'],
    ['---\ntitle: 标题\n---', { title: '标题' }, ''],
    ['---\ntitle: a\n\n# comment\ndate: 2021-12-08 10:18:31\n---\nb', { title: 'a', date: '2021-12-08 10:18:31' }, 'b'],
    ['---\ntitle: "a\\"b"\n---\n', { title: 'a"b' }, ''],
  ])('%j', (text, data, body) => {
    expect(parseFrontMatter(text)).toEqual({ data, body, flags: [] });
  });

  it.each([
    ['正文'],
    [''],
    ['\n\n'],
    ['---\n\n正文'],
    ['---\n正文第一段\n\n正文第二段\n---\n正文'],
    ['  ---\ntitle: a\n---\n'],
    ['---'],
  ])('no front matter in %j', (text) => {
    expect(parseFrontMatter(text)).toBeNull();
  });
});

describe('parseFrontMatter: recovery', () => {
  it.each([
    [
      'unescaped quotes in a double-quoted title',
      '---\ntitle: "他说"好"的"\ndate: 2021-12-08 10:18:31\n---\n正文',
      { title: '他说"好"的', date: '2021-12-08 10:18:31' },
      '正文',
      [recovered('re-quoted the value of title')],
    ],
    [
      'unescaped quote in a single-quoted title',
      "---\ntitle: 'it's'\n---\n正文",
      { title: "it's" },
      '正文',
      [recovered('re-quoted the value of title')],
    ],
    [
      'a plain value with ": " and one starting with [',
      '---\ntitle: 公告: 某公司\nsubtitle: [快讯]某公司\n---\n正文',
      { title: '公告: 某公司', subtitle: '[快讯]某公司' },
      '正文',
      [recovered('re-quoted the value of title, subtitle')],
    ],
    [
      'tab-indented list',
      '---\ntitle:\t标题\ncategories:\n\t- 金融\n\t- 银行\n---\n正文',
      { title: '标题', categories: ['金融', '银行'] },
      '正文',
      [recovered('tabs replaced with spaces')],
    ],
    [
      'missing closing fence, body after a blank line',
      '---\ntitle: 标题\ndate: 2021-12-08\n\n正文第一段\n\n正文第二段\n',
      { title: '标题', date: '2021-12-08' },
      '\n正文第一段\n\n正文第二段\n',
      [recovered('no closing --- fence; front matter ends at the first non-key line')],
    ],
    [
      'missing closing fence, body straight after the keys',
      '---\ntitle: 标题\n正文\n',
      { title: '标题' },
      '正文\n',
      [recovered('no closing --- fence; front matter ends at the first non-key line')],
    ],
    [
      'missing closing fence, a later --- in the body',
      '---\ntitle: 标题\n\n正文\n\n---\n\n更多',
      { title: '标题' },
      '\n正文\n\n---\n\n更多',
      [recovered('no closing --- fence; front matter ends at the first non-key line')],
    ],
    [
      'missing closing fence and broken quotes together',
      '---\ntitle: "他说"好""\n\n正文',
      { title: '他说"好"' },
      '\n正文',
      [
        recovered('no closing --- fence; front matter ends at the first non-key line'),
        recovered('re-quoted the value of title'),
      ],
    ],
    [
      'a broken list item is read key by key',
      '---\ntitle: 标题\ntags:\n - a\n  - b: [\n---\n正文',
      { title: '标题', tags: null },
      '正文',
      [recovered('read front matter key by key; dropped 2 unreadable line(s)')],
    ],
  ])('%s', (_, text, data, body, flags) => {
    expect(parseFrontMatter(text)).toEqual({ data, body, flags });
  });

  it('throws InvalidDocumentError for a block that is mostly not key: value lines', () => {
    const text = '---\n这是一段话\ntitle: a\n又一段话\n第三段话\n---\n正文';
    expect(() => parseFrontMatter(text, 'bad.md')).toThrow(InvalidDocumentError);
    expect(() => parseFrontMatter(text, 'bad.md')).toThrow(
      /^archive: bad\.md: front matter is not valid YAML and cannot be recovered \(.+\)$/,
    );
  });

  it('stops looking for the closing fence after MAX_FRONT_MATTER_CHARS', () => {
    const keys = 'k: v\n'.repeat(MAX_FRONT_MATTER_CHARS / 4);
    const result = parseFrontMatter(`---\ntitle: a\n\n${keys}---\n正文`);
    expect(result?.data).toEqual({ title: 'a' });
    expect(result?.body.endsWith('---\n正文')).toBe(true);
  });
});
