/**
 * The exported static site in real Chromium, opened from the file system (file://): the home page
 * lists the stories, a story page opens, the search page finds corpus documents for a one-
 * character, a two-character and a mixed query, and the Content-Security-Policy holds (the
 * site's own scripts run, an inline script does not, and no page logs a CSP error).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileNameOf } from '../../src/export/safe-name.js';
import type { StoryListEntry } from '../../src/stories/story-view.js';
import { TEST_BACKEND, testDbSpec } from '../support/backends.js';
import { runCli } from '../support/cli.js';
import { importIntoTemp, type ImportedDb } from './exported-corpus.js';

let imported: ImportedDb;
let site: string;
let browser: Browser;
/** One context for every page: a context per page (browser.newPage) cost ~0.3 s each. */
let context: BrowserContext;
let stories: StoryListEntry[];
/** Console errors and page errors of every page opened, by URL. */
const problems: string[] = [];

/** file:// URL of a site path that may carry a query (`search.html?q=…`). */
const url = (path: string): string => {
  const [file = '', query] = path.split('?');
  return `${pathToFileURL(join(site, file)).href}${query === undefined ? '' : `?${query}`}`;
};
const storyOf = (articleId: string): string => fileNameOf(stories.find((s) => s.articleIds.includes(articleId))?.id ?? '?');

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`${path}: dialog ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url(path));
  return page;
}

/** Results of the searches made from file://, by query: the web-server test compares against them. */
const fromFiles = new Map<string, string[]>();

/** Result links (site-relative page paths) of a search, in order (from file://, or from `base`). */
async function searchFor(q: string, base?: string): Promise<string[]> {
  if (base === undefined) {
    const links = await searchPage(q);
    fromFiles.set(q, links);
    return links;
  }
  return searchPage(q, base);
}

async function searchPage(q: string, base?: string): Promise<string[]> {
  const path = `search.html?q=${encodeURIComponent(q)}`;
  const page = base === undefined ? await open(path) : await context.newPage();
  if (base !== undefined) {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${base}${path}: ${m.text()}`);
    });
    await page.goto(`${base}${path}`);
  }
  await page.waitForSelector('#search-results p.meta');
  const hrefs = await page.$$eval('#search-results li.result a.title', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  await page.close();
  return hrefs.map((h) => h.replace(/\.html$/, ''));
}

beforeAll(async () => {
  // the suite's backend: a SQLite file in the import's directory, or a fresh PostgreSQL database
  imported = await importIntoTemp(undefined, TEST_BACKEND === 'postgres' ? await testDbSpec() : undefined);
  site = join(imported.dir, 'site');
  expect((await imported.exportTo(site, '--only', 'site')).status).toBe(0);
  const r = await runCli(['stories', '--db', imported.db, '--json', '--limit', '1000']);
  stories = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as StoryListEntry);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
  imported?.cleanup();
});

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** A plain static file server for the site on 127.0.0.1 (what any static host does). */
async function serveSite(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '') || 'index.html';
    const file = join(site, path);
    // browsers ask every web host for /favicon.ico; the site has none (nor does it link one)
    if (path === 'favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!file.startsWith(site) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

describe('the static site from file://', () => {
  it('home page lists the newest stories with their outlets, and a story page opens', async () => {
    const page = await open('index.html');
    const titles = await page.$$eval('ol.river li.story a.title', (as) => as.map((a) => a.textContent ?? ''));
    expect(titles).toHaveLength(50);
    expect(titles[0]).toBe(stories[0]?.title);
    // the stylesheet (linked as assets/style.css?v=…) loaded: its 17px body font applies
    expect(await page.evaluate('getComputedStyle(document.body).fontSize')).toBe('17px');
    await page.click('ol.river li.story a.title >> nth=0');
    await page.waitForURL(/\/story\/st-[0-9a-f]{12}\.html$/);
    expect(await page.textContent('main h1')).toBe(stories[0]?.title);
    expect(await page.locator('section.version').count()).toBe(stories[0]?.articleIds.length);
    await page.click('section.version h3 a >> nth=0');
    await page.waitForURL(/\/article\/[a-z0-9_~-]+\.html$/);
    expect(await page.locator('article .body').count()).toBe(1);
    await page.close();
  });

  it('searches one character: 碳', async () => {
    expect(await searchFor('碳')).toEqual([
      `story/${storyOf('eastmoney:202112082206865340')}`,
      ...new Set([
        `story/${storyOf('eastmoney:202112082206768417')}`,
        `story/${storyOf('eastmoney:202112082206756112')}`,
      ]),
      `story/${storyOf('eastmoney:938be2abbe74bd78')}`,
    ]);
  });

  it('searches two characters: 股市 finds the CLS IPO story', async () => {
    const expected = storyOf('cls:0f627ff4dd00eb8f');
    expect(storyOf('cls:cbcf73bef416cb53')).toBe(expected);
    expect(await searchFor('股市')).toEqual([`story/${expected}`]);
  });

  it('searches mixed scripts: 5G finds the data-centre story first', async () => {
    const hits = await searchFor('5G');
    expect(hits[0]).toBe(`story/${storyOf('eastmoney:202112082206756112')}`);
    expect(hits).toContain(`story/${storyOf('eastmoney:202112082206768417')}`);
  });

  it('shows the query in the form, highlights it, and submits the form from file://', async () => {
    const page = await open('index.html');
    await page.fill('header form.search input[name=q]', '新股');
    await page.press('header form.search input[name=q]', 'Enter');
    await page.waitForSelector('#search-results li.result');
    expect(page.url()).toBe(`${url('search.html')}?q=${encodeURIComponent('新股')}`);
    expect(await page.inputValue('form.filters input[name=q]')).toBe('新股');
    expect(await page.textContent('main h1')).toBe('搜索：新股');
    const first = page.locator('#search-results li.result >> nth=0');
    expect(await first.locator('a.title mark').allTextContents()).toEqual(['新股']);
    expect(await first.locator('a.title').getAttribute('href')).toBe(`story/${storyOf('cls:0f627ff4dd00eb8f')}.html`);
    await first.locator('a.title').click();
    await page.waitForURL(/\/story\/st-[0-9a-f]{12}\.html$/);
    expect(await page.textContent('main h1')).toContain('新股');
    await page.close();
  });

  it('works the same from a static web server', async () => {
    const server = await serveSite();
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      for (const q of ['碳', '股市', '5G']) expect(await searchFor(q, base)).toEqual(fromFiles.get(q) ?? (await searchFor(q)));
    } finally {
      // Chromium keeps sockets to the host open after its pages close (preconnected ones that
      // never carry a request, which server.close() alone waits for): the CI run of 4297f68
      // hung here until the 300 s test timeout. Drop every connection.
      await new Promise((done) => {
        server.close(done);
        server.closeAllConnections();
      });
    }
  });

  it('runs no inline script under the page policy, and logs no CSP error on its own pages', async () => {
    const probe = readFileSync(join(site, 'search.html'), 'utf8').replace(
      '</body>',
      '<script>document.title = "inline ran"; alert(1)</script><img src="x" onerror="alert(2)"></body>',
    );
    writeFileSync(join(site, 'probe.html'), probe);
    const before = problems.length;
    const page = await open('probe.html?q=%E7%A2%B3');
    await page.waitForSelector('#search-results li.result');
    expect(await page.title()).not.toBe('inline ran');
    const logged = problems.splice(before);
    expect(logged.some((p) => /Content Security Policy/i.test(p))).toBe(true);
    expect(logged.filter((p) => /dialog/.test(p))).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });
});
