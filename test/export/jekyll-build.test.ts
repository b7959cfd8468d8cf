/**
 * A real Jekyll build of the exported posts (the corpus plus the nasty-title fixtures): every post
 * is rendered with its exact title, categories and story id, at the same instant, and Liquid never
 * runs on a body. Needs Debian's `jekyll` package (`apt-get install -y jekyll`); without it the
 * suite is skipped and says so.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPost } from '../../src/export/posts.js';
import { NASTY_TITLES } from '../../src/export/testdata/nasty-titles.js';
import { makeArticle } from '../support/make-article.js';
import { runProgram, type CliResult } from '../support/cli.js';
import { importIntoTemp, type ImportedDb } from './exported-corpus.js';

const JEKYLL = '/usr/bin/jekyll';
const LAYOUT =
  '<meta name="t" content="{{ page.title | xml_escape }}"><meta name="d" content="{{ page.date | date_to_xmlschema }}">' +
  '<meta name="c" content="{{ page.categories | join: \'|\' | xml_escape }}"><meta name="s" content="{{ page.story_id }}">' +
  '<meta name="a" content="{{ page.article_id | xml_escape }}">\n{{ content }}\n';

let imported: ImportedDb;
let site: string;
let build: CliResult;

const unescape = (s: string): string =>
  s.replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
  });
}

describe.skipIf(!existsSync(JEKYLL))('a real Jekyll site built from the exported posts', () => {
  beforeAll(async () => {
    imported = await importIntoTemp();
    site = join(imported.dir, 'jekyll');
    expect((await imported.exportTo(join(imported.dir, 'out'), '--only', 'jekyll')).status).toBe(0);
    mkdirSync(join(site, '_layouts'), { recursive: true });
    writeFileSync(join(site, '_config.yml'), 'title: caixun\nmarkdown: kramdown\n');
    writeFileSync(join(site, '_layouts', 'post.html'), LAYOUT);
    const posts = join(site, '_posts');
    mkdirSync(posts);
    for (const name of readdirSync(join(imported.dir, 'out', 'jekyll', '_posts'))) {
      writeFileSync(join(posts, name), readFileSync(join(imported.dir, 'out', 'jekyll', '_posts', name)));
    }
    NASTY_TITLES.forEach((title, i) => {
      const article = makeArticle({ id: `nasty:${i}`, title, categories: ['金融', title], html: '<p>正文 {{ page.title }} {% if x %}</p>' });
      const post = exportPost(article, `st-${i}`, 'jekyll');
      writeFileSync(join(site, post.path.replace(/^jekyll\//, '')), post.content);
    });
    // another zone than the posts' +08:00: Jekyll shows dates in local time, the instant must hold
    build = await runProgram(JEKYLL, ['build', '--quiet'], { cwd: site, env: { ...process.env, TZ: 'America/New_York' } });
  });
  afterAll(() => imported?.cleanup());

  it('renders every post with its exact front matter and no Liquid in the body', () => {
    expect(build.status, String(build.stderr)).toBe(0);
    const rendered = new Map<string, Record<string, string>>();
    for (const file of htmlFiles(join(site, '_site'))) {
      const page = readFileSync(file, 'utf8');
      const meta = Object.fromEntries([...page.matchAll(/<meta name="(\w)" content="([^"]*)">/g)].map((m) => [m[1] ?? '', unescape(m[2] ?? '')]));
      rendered.set(meta['a'] ?? file, { ...meta, body: page.replace(/<meta[^>]*>/g, '') });
    }
    const posts = readdirSync(join(site, '_posts'));
    expect(posts).toHaveLength(82 + NASTY_TITLES.length);
    for (const name of posts) {
      const fm = parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(site, '_posts', name), 'utf8'))?.[1] ?? '') as Record<string, unknown>;
      const r = rendered.get(String(fm['article_id']));
      expect(r, name).toBeDefined();
      expect(r?.['t'], name).toBe(fm['title']);
      expect(r?.['c'], name).toBe((fm['categories'] as string[]).join('|'));
      expect(r?.['s'], name).toBe(fm['story_id'] ?? '');
      if (typeof fm['date'] === 'string') {
        const iso = fm['date'].replace(/^(\S+) (\S+) ([+-]\d\d)(\d\d)$/, '$1T$2$3:$4');
        expect(Date.parse(r?.['d'] ?? ''), name).toBe(Date.parse(iso));
      }
      expect(r?.['body'], name).not.toMatch(/\{\{|\{%/);
    }
    expect(rendered.get('nasty:0')?.['body']).toContain('<p>正文 &#123;{ page.title }} &#123;% if x %}</p>');
  });
});
