/**
 * End to end: the real CLI imports the real corpus into a real store of the suite's backend (a
 * SQLite file, or a PostgreSQL database with CAIXUN_TEST_BACKEND=postgres).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/ingest/import-job.js';
import type { Article } from '../../src/model/article.js';
import { corpusDir, corpusFiles } from '../corpus.js';
import { testDbSpec } from '../support/backends.js';
import { runCli } from '../support/cli.js';

const jekyll = join(corpusDir, 'jekyll');
const hexo = join(corpusDir, 'hexo');
let dir: string;
let db: string;
let firstRun: Awaited<ReturnType<typeof runCli>>;
let articles: Article[];

type Summary = ImportSummary;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-cli-'));
  db = await testDbSpec(dir, 'corpus.db');
  firstRun = await runCli(['import', jekyll, hexo, '--db', db, '--json']);
  const exported = await runCli(['export', '--db', db, '--format', 'jsonl']);
  expect(exported.status).toBe(0);
  articles = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as Article);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caixun import on the corpus', () => {
  it('imports every Jekyll and Hexo document; two stored versions of one finews item are one article', () => {
    expect(firstRun.stderr).toBe('');
    expect(firstRun.status).toBe(0);
    const summary = JSON.parse(firstRun.stdout) as Summary;
    const files = [...corpusFiles('jekyll'), ...corpusFiles('hexo')];
    // jekyll/old_post/X is another stored version of jekyll/_posts/X (same infoCode)
    const distinct = new Set(files.map((f) => (f.includes('/jekyll/') ? `j:${basename(f)}` : f))).size;
    expect(summary).toMatchObject({ files: files.length, failed: 0, updated: 0, new: distinct });
    // a first import: the second version is a duplicate in the input, not an "unchanged" old article
    expect(summary).toMatchObject({ unchanged: 0, duplicates: files.length - distinct });
    expect(articles).toHaveLength(distinct);
  });

  it('re-importing the same folders changes nothing', async () => {
    const again = await runCli(['import', jekyll, hexo, '--db', db, '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ new: 0, updated: 0, failed: 0 });
  });

  it('exports every canonical field on every line', () => {
    const fields = ['id', 'outlet', 'outletKey', 'title', 'url', 'publishedAt', 'fetchedAt', 'categories', 'tags',
      'html', 'text', 'images', 'provenance', 'format', 'contentHash', 'raw'];
    for (const a of articles) {
      for (const f of fields) expect(a, `${a.id} lacks ${f}`).toHaveProperty(f);
      expect(a.contentHash).toMatch(/^[0-9a-f]{40}$/);
      expect(a.raw.body.length).toBeGreaterThan(0);
    }
  });

  it('dates carry the Asia/Shanghai offset and are right to the second (independent reading of the front matter)', () => {
    for (const a of articles) {
      const m = /^date:[ \t]*(.*)$/m.exec(a.raw.body);
      const raw = (m?.[1] ?? '').trim();
      let expected: string | null = null;
      const local = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?: \+0800)?$/.exec(raw);
      if (local) expected = `${local[1]}T${local[2]}+08:00`;
      else if (raw.endsWith('GMT')) {
        const shifted = new Date(Date.parse(raw) + 8 * 3600_000).toISOString().slice(0, 19);
        expected = `${shifted}+08:00`;
      }
      expect(a.publishedAt, a.raw.origin).toBe(expected);
    }
  });

  it('flags the broken finews post instead of failing it', () => {
    const summary = JSON.parse(firstRun.stdout) as Summary;
    const broken = summary.flagged.find((f) => f.file.endsWith('-202205262391921712.md'));
    expect(broken?.flags.map((f) => f.code)).toEqual(expect.arrayContaining(['missing-title', 'bad-date']));
    const article = articles.find((a) => a.raw.origin.endsWith('-202205262391921712.md'));
    expect(article?.title.length).toBeGreaterThan(0);
    expect(article?.publishedAt).toBeNull();
    expect(article?.provenance.source).toBe('上海证券报');
  });

  it('keeps no boilerplate in any article text', () => {
    const markers = ['新浪财经APP', '二维码', '返回首页', '返回东财', '责任编辑', '原标题', '<!--', 'display:none',
      '{', '}', '&#', '&nbsp;', '<p', '</', 'app-kaihu'];
    for (const a of articles) {
      for (const m of markers) expect(a.text.includes(m), `${a.id} text contains ${m}`).toBe(false);
      // indentation with ideographic spaces is gone (a 　 inside a word, as in a table's 分　组, stays)
      expect(a.text, a.id).not.toMatch(/(^|\n)[ \t　]/);
      expect(a.html).not.toMatch(/<(script|style|iframe)\b|\son\w+=|javascript:/i);
    }
  });

  it('lifts provenance into fields: Sina editor and original title, CLS reporter, Eastmoney source', () => {
    const byOutlet = (key: string) => articles.filter((a) => a.outletKey === key);
    const sina = byOutlet('sina-finance');
    const cls = byOutlet('cls');
    const eastmoney = byOutlet('eastmoney');
    expect(sina.length + cls.length + eastmoney.length).toBe(articles.length);
    for (const a of sina) {
      const editor = /责任编辑：\s*([^<\s]+)/.exec(a.raw.body)?.[1];
      expect(a.provenance.editor, a.id).toBe(editor);
      const original = /原标题：([^<]+)<\/p>/.exec(a.raw.body)?.[1]?.trim();
      if (original) expect(a.provenance.originalTitle, a.id).toBe(original);
    }
    for (const a of cls) {
      const reporter = /记者\s*([\u4e00-\u9fff]{2,4})）/.exec(a.raw.body)?.[1];
      if (reporter) expect(a.provenance.reporter, a.id).toBe(reporter);
    }
    const withMedia = eastmoney.filter((a) => a.raw.body.includes('em_media'));
    expect(withMedia.length).toBeGreaterThan(0);
    for (const a of withMedia) expect(a.provenance.source, a.id).toBeTruthy();
  });
});

describe('caixun import with bad input', () => {
  it('imports the good files, reports the bad one with its reason, and exits 1', async () => {
    const mixed = join(dir, 'mixed');
    mkdirSync(mixed);
    const good = corpusFiles('jekyll').slice(0, 3);
    for (const f of good) copyFileSync(f, join(mixed, basename(f)));
    writeFileSync(join(mixed, 'junk.md'), Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x89, 0x50, 0x4e, 0x47]));
    const mixedDb = await testDbSpec(dir, 'mixed.db');
    const r = await runCli(['import', mixed, '--db', mixedDb, '--json']);
    expect(r.status).toBe(1);
    const summary = JSON.parse(r.stdout) as Summary;
    expect(summary).toMatchObject({ files: 4, new: 3, failed: 1 });
    expect(summary.failures[0]?.file).toBe(join(mixed, 'junk.md'));
    expect(summary.failures[0]?.reason).toMatch(/binary/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('says clearly when a path does not exist', async () => {
    const r = await runCli(['import', join(dir, 'nope'), '--db', await testDbSpec(dir, 'x.db')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`caixun: import: no such file or folder: ${join(dir, 'nope')}\n`);
  });

  it('rejects an unknown export format without a stack trace', async () => {
    const r = await runCli(['export', '--db', db, '--format', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^caixun: export: unknown format "xml"/);
  });

  it('prints a readable summary without --json', async () => {
    const r = await runCli(['import', jekyll, '--db', db, '--no-progress']);
    expect(r.status).toBe(0);
    // jekyll/old_post repeats documents of jekyll/_posts: duplicates in the input, said apart
    expect(r.stdout).toMatch(
      /^imported \d+ files in [\d.]+ s: 0 new, 0 updated, \d+ unchanged, 0 failed; \d+ duplicates in the input \(stored once\)\n/,
    );
  });
});

describe('images', () => {
  it('never keeps a cover image that cleaning removed from the body as boilerplate', () => {
    for (const a of articles) {
      const cover = /^headimg: '([^']+)'/m.exec(a.raw.body)?.[1];
      if (!cover) continue;
      const inBodyText = a.html.includes(cover);
      const inRawBody = a.raw.body.split('\n---\n').slice(1).join('\n').includes(cover);
      expect(a.images.includes(cover), a.id).toBe(inBodyText || (!inRawBody && !cover.includes('picsum')));
    }
  });
});
