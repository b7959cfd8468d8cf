import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../test/support/make-article.js';
import { parseFrontMatter } from '../sources/archive/front-matter.js';
import { exportPost, frontMatterOf, jekyllDate, stringifyFrontMatter } from './posts.js';
import { NASTY_TITLES } from './testdata/nasty-titles.js';

/** Splits a post into its front-matter text and body, by the first two `---` lines. */
function split(content: string): { yaml: string; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(content);
  if (!m) throw new Error(`not a post: ${content.slice(0, 80)}`);
  return { yaml: m[1] ?? '', body: m[2] ?? '' };
}

describe('jekyllDate', () => {
  it.each([
    ['2021-12-20T18:52:20+08:00', '2021-12-20 18:52:20 +0800'],
    ['2021-12-20T10:52:20Z', '2021-12-20 10:52:20 +0000'],
    ['2021-12-20T10:52:20.123-05:30', '2021-12-20 10:52:20 -0530'],
    ['2021-12-20', undefined],
  ])('%s → %s', (iso, expected) => expect(jekyllDate(iso)).toBe(expected));
});

describe('exportPost', () => {
  const article = makeArticle({
    id: 'eastmoney:202112202220123456',
    outlet: '东方财富',
    outletKey: 'eastmoney',
    url: 'https://finance.eastmoney.com/a/202112202220123456.html',
    categories: ['金融', '财联社'],
    tags: ['快讯'],
    provenance: { source: '上海证券报', originalTitle: '原来的标题', editor: '王五' },
    digest: '摘要一句。',
    html: '<p>第一段 {{ page.title }}</p>\n\n<p>第二段 {% raw %}</p>',
  });

  it('writes a Jekyll post with the documented path and front matter', () => {
    const post = exportPost(article, 'st-0123456789ab', 'jekyll');
    expect(post.path).toBe('jekyll/_posts/2021-12-20-eastmoney_202112202220123456.md');
    const { yaml, body } = split(post.content);
    expect(parse(yaml)).toEqual({
      layout: 'post',
      title: article.title,
      date: '2021-12-20 20:21:15 +0800',
      categories: ['金融', '财联社'],
      tags: ['快讯'],
      outlet: '东方财富',
      outlet_key: 'eastmoney',
      article_id: 'eastmoney:202112202220123456',
      story_id: 'st-0123456789ab',
      source_url: 'https://finance.eastmoney.com/a/202112202220123456.html',
      original_title: '原来的标题',
      original_source: '上海证券报',
      editor: '王五',
      digest: '摘要一句。',
    });
    expect(body).toBe('\n<div class="caixun-article">\n<p>第一段 &#123;{ page.title }}</p>\n<p>第二段 &#123;% raw %}</p>\n</div>\n');
  });

  it('writes a Hexo post named by the article id, the date as ISO 8601 with its offset', () => {
    const post = exportPost(article, null, 'hexo');
    expect(post.path).toBe('hexo/source/_posts/eastmoney_202112202220123456.md');
    const data = parse(split(post.content).yaml) as Record<string, unknown>;
    expect(data['date']).toBe('2021-12-20T20:21:15+08:00');
    expect(new Date(String(data['date'])).toISOString()).toBe('2021-12-20T12:21:15.000Z');
    expect(data).not.toHaveProperty('story_id');
  });

  it('names an undated post by its fetch day and writes no date', () => {
    const post = exportPost(makeArticle({ publishedAt: null, fetchedAt: '2026-11-24T20:00:00.000Z' }), null, 'jekyll');
    expect(post.path).toBe('jekyll/_posts/2026-11-24-testoutlet_1.md');
    expect(parse(split(post.content).yaml)).not.toHaveProperty('date');
  });

  // Jekyll reads the name's day as midnight in the site's zone and skips a post from the future:
  // the day must have begun everywhere when the post is exported (UTC−12's day).
  it.each([
    ['2026-12-04T00:30:00.000Z', '2026-12-03'],
    ['2026-12-04T11:59:59.000Z', '2026-12-03'],
    ['2026-12-04T12:00:00.000Z', '2026-12-04'],
    ['2026-12-04T08:30:00+08:00', '2026-12-03'],
  ])('names an undated post fetched at %s by a day that has begun in every zone (%s)', (fetchedAt, day) => {
    const post = exportPost(makeArticle({ publishedAt: null, fetchedAt }), null, 'jekyll');
    expect(post.path).toBe(`jekyll/_posts/${day}-testoutlet_1.md`);
    const midnightWest = Date.parse(`${day}T00:00:00-12:00`);
    expect(midnightWest).toBeLessThanOrEqual(Date.parse(fetchedAt));
  });
});

describe('nasty titles survive YAML 1.1, YAML 1.2 and caixun’s own front-matter reader', () => {
  it.each(NASTY_TITLES.map((t) => [t]))('%j', (title) => {
    const article = makeArticle({ title, tags: [title], provenance: { originalTitle: title } });
    for (const flavour of ['jekyll', 'hexo'] as const) {
      const post = exportPost(article, 'st-0123456789ab', flavour);
      const { yaml } = split(post.content);
      const expected = frontMatterOf(article, 'st-0123456789ab', flavour);
      expect(parse(yaml)).toEqual(expected);
      expect(parse(yaml, { version: '1.1' })).toEqual(expected);
      const own = parseFrontMatter(post.content, 'export');
      expect(own?.flags).toEqual([]);
      expect(own?.data).toEqual(expected);
      expect(own?.body.trim()).toBe(split(post.content).body.trim());
    }
  });

  it('escapes the characters YAML 1.1 reads as line breaks', () => {
    const yaml = stringifyFrontMatter({ title: 'NEL\u0085 LS\u2028 PS\u2029 BOM\ufeff' });
    expect(yaml).toBe('title: "NEL\\u0085 LS\\u2028 PS\\u2029 BOM\\ufeff"\n');
    expect(parse(yaml, { version: '1.1' })).toEqual({ title: 'NEL\u0085 LS\u2028 PS\u2029 BOM\ufeff' });
  });

  it('keeps only the date plain, every other text double-quoted', () => {
    const lines = stringifyFrontMatter(frontMatterOf(makeArticle({ title: 'yes' }), null, 'jekyll')).split('\n');
    expect(lines.filter((l) => /^\w+: [^"[]/.test(l))).toEqual(['layout: post', 'date: 2021-12-20 20:21:15 +0800']);
  });
});
