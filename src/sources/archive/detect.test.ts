import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles } from '../../../test/corpus.js';
import { detectArchiveFormat, hasFinewsTrailer } from './detect.js';

const testdata = join(import.meta.dirname, 'testdata');

describe('detectArchiveFormat', () => {
  it.each([
    ['finews front matter', '---\nlayout: post\ntitle: "标题"\ncategories: emnews\n---\n正文', 'jekyll-finews'],
    ['finews with only a trailer', '---\ntitle: 标题\n---\n正文\n\n<http://a.com/1,1.html>\n', 'jekyll-finews'],
    ['finews with an empty link', '---\nlayout: post\ntitle: ""\n---\n正文\n\n<>\n', 'jekyll-finews'],
    ['finews nav line', '---\ntitle: a\n---\n正文\n[返回首页](../)\n', 'jekyll-finews'],
    ['finews, blank lines first', '\n\n---\nlayout: post\ncategories: xinhuacaijing\n---\n', 'jekyll-finews'],
    ['hexo list + comments', "---\ntitle: 'a'\ncategories: \n - 金融\ncomments: false\n---\n<p>x</p>", 'hexo-rsshub'],
    ['hexo RFC date + headimg', '---\ntitle: a\ndate: Mon, 20 Dec 2021 10:52:20 GMT\nheadimg: x\n---\n', 'hexo-rsshub'],
    ['markdown front matter', '---\ntitle: 标题\ndate: 2021-12-08\n---\n# 正文', 'markdown'],
    ['markdown without front matter', '# 标题\n\n正文', 'markdown'],
    ['plain text', '标题\n\n正文', 'markdown'],
    ['leading hr, not front matter', '---\n\n正文', 'markdown'],
    ['doctype', '<!DOCTYPE html>\n<html><body>x</body></html>', 'html'],
    ['html after a comment', '<!-- saved -->\n<html lang="zh"><body>x</body></html>', 'html'],
    ['tag soup', '<div>\n<p>正文</p>\n<p>更多</p>\n</div>', 'html'],
    ['markdown starting with a tag', '<br>\n正文一\n\n正文二\n\n正文三', 'markdown'],
    ['empty', '', 'markdown'],
  ])('%s', (_, text, expected) => {
    expect(detectArchiveFormat(text)).toBe(expected);
  });

  it.each([
    ['quote-in-title.md', 'jekyll-finews'],
    ['bom.md', 'jekyll-finews'],
    ['xinhuacaijing.md', 'jekyll-finews'],
    ['crlf.md', 'hexo-rsshub'],
    ['tabs.md', 'hexo-rsshub'],
    ['missing-closing.md', 'markdown'],
    ['no-front-matter.md', 'markdown'],
    ['notes.txt', 'markdown'],
    ['page.html', 'html'],
  ])('fixture %s → %s', (name, expected) => {
    const text = readFileSync(join(testdata, name), 'utf8').replace(/\r\n/g, '\n');
    expect(detectArchiveFormat(text)).toBe(expected);
  });

  it('detects every corpus post', () => {
    for (const f of corpusFiles('jekyll')) expect(detectArchiveFormat(readFileSync(f, 'utf8'))).toBe('jekyll-finews');
    for (const f of corpusFiles('hexo')) expect(detectArchiveFormat(readFileSync(f, 'utf8'))).toBe('hexo-rsshub');
  });
});

describe('hasFinewsTrailer', () => {
  it.each([
    ['正文\n\n<http://finance.eastmoney.com/news/1354,1.html>\n', true],
    ['正文\n\n<//finews.zning.me/a>\n\n[返回首页](../)\n', true],
    ['正文\n\n<>\n', true],
    ['正文\n[返回东财滚动新闻](../emnews/)｜[返回首页](../)', true],
    ['正文\n<p>段落</p>\n', false],
    ['<http://a.com> 在句中\n', false],
  ])('%j → %s', (text, expected) => {
    expect(hasFinewsTrailer(text)).toBe(expected);
  });
});
