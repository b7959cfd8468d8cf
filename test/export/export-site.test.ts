/**
 * `caixun export-site` end to end on the corpus: what it writes, that every link of the static
 * site points at a file it wrote (ids with `:` included), that every post parses back, and that it
 * never writes into (or deletes from) a directory that is not its own.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryListEntry } from '../../src/stories/story-view.js';
import { MANIFEST_NAME } from '../../src/export/export-dir.js';
import { EXPORT_CSP } from '../../src/export/page-frame.js';
import { frontMatterOf, type PostFlavour } from '../../src/export/posts.js';
import { fileNameOf } from '../../src/export/safe-name.js';
import { parseFrontMatter } from '../../src/sources/archive/front-matter.js';
import { TEST_BACKEND, testDbSpec } from '../support/backends.js';
import { runCli } from '../support/cli.js';
import { importIntoTemp, type ImportedDb } from './exported-corpus.js';

let imported: ImportedDb;
let out: string;
let exported: Awaited<ReturnType<ImportedDb['exportTo']>>;
let stories: StoryListEntry[];

function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else found.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

const countPages = (n: number): number => Math.max(1, Math.ceil(n / 50));

beforeAll(async () => {
  // the suite's backend: a SQLite file in the import's directory, or a fresh PostgreSQL database
  imported = await importIntoTemp(undefined, TEST_BACKEND === 'postgres' ? await testDbSpec() : undefined);
  out = join(imported.dir, 'site');
  exported = await imported.exportTo(out);
  const r = await runCli(['stories', '--db', imported.db, '--json', '--limit', '1000']);
  stories = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as StoryListEntry);
});
afterAll(() => imported.cleanup());

describe('caixun export-site <dir>', () => {
  it('prints a summary of what it wrote', () => {
    expect(exported.status).toBe(0);
    const { articles } = imported;
    const outlets = new Map<string, number>();
    const categories = new Map<string, number>();
    for (const a of articles) {
      outlets.set(a.outletKey, (outlets.get(a.outletKey) ?? 0) + 1);
      for (const c of new Set(a.categories)) categories.set(c, (categories.get(c) ?? 0) + 1);
    }
    const listPages = [...outlets.values(), ...categories.values()].reduce((n, c) => n + countPages(c), 0);
    expect(stories).toHaveLength(61);
    expect(exported.summary).toMatchObject({
      dir: resolve(out),
      sections: ['site', 'jekyll', 'hexo'],
      articles: 82,
      stories: 61,
      pages: 82 + 61 + countPages(61) + listPages + 1,
      jekyllPosts: 82,
      hexoPosts: 82,
      removed: 0,
    });
    expect(Object.keys(exported.summary ?? {})).toEqual([
      'dir', 'sections', 'articles', 'stories', 'pages', 'jekyllPosts', 'hexoPosts', 'searchIndexBytes', 'removed', 'bytes', 'durationMs',
    ]);
    const indexFile = join(out, 'assets', 'search-index.js');
    expect(exported.summary?.searchIndexBytes).toBe(statSync(indexFile).size);
  });

  it('writes one page per article and story, named safely, and a manifest of every file', () => {
    for (const a of imported.articles) expect(existsSync(join(out, 'article', `${fileNameOf(a.id)}.html`))).toBe(true);
    for (const s of stories) expect(existsSync(join(out, 'story', `${fileNameOf(s.id)}.html`))).toBe(true);
    expect(existsSync(join(out, 'article', 'eastmoney_202112082206756112.html'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_NAME), 'utf8')) as { files: string[] };
    expect(manifest.files).toEqual(filesUnder(out).filter((f) => f !== MANIFEST_NAME));
    for (const asset of ['style.css', 'search.js', 'search-index.js']) expect(manifest.files).toContain(`assets/${asset}`);
  });

  it('links every page only to files it wrote, and guards every page with the CSP and no inline script', () => {
    const pages = filesUnder(out).filter((f) => f.endsWith('.html') && !f.startsWith('jekyll/') && !f.startsWith('hexo/'));
    expect(pages.length).toBe(exported.summary?.pages);
    let checked = 0;
    for (const page of pages) {
      const html = readFileSync(join(out, page), 'utf8');
      expect(html.split('http-equiv="Content-Security-Policy"')).toHaveLength(2);
      expect(html).toContain(`content="${EXPORT_CSP}"`);
      // Images over https or data: only, as the server allows: no plain-HTTP tracker loads.
      const imgSrc = /content="[^"]*img-src ([^;"]*)/.exec(html)?.[1]?.split(' ');
      expect(imgSrc).toEqual(['https:', 'data:']);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
      for (const m of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
        const target = (m[1] ?? '').replace(/&amp;/g, '&');
        if (/^(?:https?:|mailto:|#|\?)/.test(target)) continue;
        const file = resolve(dirname(join(out, page)), target.replace(/[?#].*$/, ''));
        expect(existsSync(file), `${page} → ${target}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('links a story page to the pages of its versions (article ids with a colon)', () => {
    const story = stories.find((s) => s.articleIds.includes('eastmoney:202112082206756112'));
    expect(story).toBeDefined();
    const html = readFileSync(join(out, 'story', `${fileNameOf(story?.id ?? '')}.html`), 'utf8');
    for (const id of story?.articleIds ?? []) expect(html).toContain(`href="../article/${fileNameOf(id)}.html"`);
    expect(html).toContain('href="../assets/style.css?v=');
    expect(html).toContain('action="../search.html"');
  });

  it('writes Jekyll and Hexo posts whose front matter parses back field by field', () => {
    const storyOf = new Map(stories.flatMap((s) => s.articleIds.map((id) => [id, s.id] as const)));
    const byId = new Map(imported.articles.map((a) => [a.id, a] as const));
    const check = (folder: string, flavour: PostFlavour): void => {
      const files = readdirSync(join(out, folder)).sort();
      expect(files).toHaveLength(82);
      for (const name of files) {
        const content = readFileSync(join(out, folder, name), 'utf8');
        const own = parseFrontMatter(content, name);
        expect(own?.flags).toEqual([]);
        const data = own?.data ?? {};
        const article = byId.get(String(data['article_id']));
        expect(article, name).toBeDefined();
        if (article === undefined) continue;
        const expected = frontMatterOf(article, storyOf.get(article.id) ?? null, flavour);
        expect(data).toEqual(expected);
        expect(parse(/^---\n([\s\S]*?)\n---\n/.exec(content)?.[1] ?? '', { version: '1.1' })).toEqual(expected);
        const day = (article.publishedAt ?? '').slice(0, 10);
        if (flavour === 'jekyll' && day !== '') expect(name).toBe(`${day}-${fileNameOf(article.id)}.md`);
        if (flavour === 'hexo') expect(name).toBe(`${fileNameOf(article.id)}.md`);
      }
    };
    check('jekyll/_posts', 'jekyll');
    check('hexo/source/_posts', 'hexo');
  });
});

describe('caixun export-site never writes into someone else’s directory', () => {
  it('refuses a non-empty directory that is not an earlier export, and writes nothing', async () => {
    const target = join(imported.dir, 'mine');
    mkdirSync(target);
    writeFileSync(join(target, 'notes.txt'), '我的笔记');
    const r = await imported.exportTo(target);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/mine is not empty and holds no earlier caixun export; .*--force/);
    expect(readdirSync(target)).toEqual(['notes.txt']);
  });

  it('with --force writes beside the user’s files and keeps them', async () => {
    const target = join(imported.dir, 'forced');
    mkdirSync(target);
    writeFileSync(join(target, 'notes.txt'), '我的笔记');
    const r = await imported.exportTo(target, '--force', '--only', 'hexo');
    expect(r.status).toBe(0);
    expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('我的笔记');
    expect(readdirSync(target).sort()).toEqual([MANIFEST_NAME, 'hexo', 'notes.txt']);
  });

  it('re-exports over its own export, removing only files it wrote that are gone', async () => {
    const target = join(imported.dir, 'again');
    expect((await imported.exportTo(target, '--only', 'site')).status).toBe(0);
    const manifestFile = join(target, MANIFEST_NAME);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: string[] };
    writeFileSync(join(target, 'story', 'st-gone.html'), 'old page');
    writeFileSync(join(target, 'story', 'user-page.html'), 'mine');
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, files: [...manifest.files, 'story/st-gone.html'] }));
    const r = await imported.exportTo(target, '--only', 'site,jekyll');
    expect(r.status).toBe(0);
    expect(r.summary).toMatchObject({ sections: ['site', 'jekyll'], removed: 1, hexoPosts: 0, jekyllPosts: 82 });
    expect(existsSync(join(target, 'story', 'st-gone.html'))).toBe(false);
    expect(readFileSync(join(target, 'story', 'user-page.html'), 'utf8')).toBe('mine');
  });

  it('says what is wrong with a bad --only or a file as target', async () => {
    const bad = await imported.exportTo(join(imported.dir, 'x'), '--only', 'wordpress');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown --only "wordpress" (known: site, jekyll, hexo)');
    const file = join(imported.dir, 'a-file');
    writeFileSync(file, '');
    const r = await imported.exportTo(file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is a file, not a directory');
  });
});
