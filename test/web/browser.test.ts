/**
 * The web UI in a real Chromium (playwright-core driving Debian's /usr/bin/chromium) against the
 * real server over a real archive: home → story, the diff highlights, a related story, search,
 * and the XSS corpus, which must open no dialog and run no script (with the CSP, and without it).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryDetail, StoryListEntry } from '../../src/stories/story-view.js';
import { startWebFixture, type WebFixture } from './support/web-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

let f: WebFixture;
let browser: Browser;
let context: BrowserContext;
let stories: StoryListEntry[];

beforeAll(async () => {
  [f, browser] = await Promise.all([
    startWebFixture(),
    chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] }),
  ]);
  context = await browser.newContext();
  stories = await f.allStories();
});
afterAll(async () => {
  await browser?.close();
  await f?.close();
});

/** A page that records dialogs, page errors and CSP reports. */
async function watchedPage(ctx: BrowserContext): Promise<{ page: Page; events: string[] }> {
  const page = await ctx.newPage();
  const events: string[] = [];
  page.on('dialog', (d) => {
    events.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => events.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) events.push(`csp: ${m.text()}`);
  });
  return { page, events };
}

/** Tabs open at once in {@link visitInTabs}: page loads wait on the server and the renderer in turn. */
const TABS = 3;

/**
 * Visit every path in one of a few watched tabs of `ctx` (each tab takes every TABS-th path),
 * running `check` on each loaded page; returns what the tabs recorded.
 */
async function visitInTabs(ctx: BrowserContext, paths: readonly string[], check: (page: Page, path: string) => Promise<unknown>): Promise<string[]> {
  const tabs = await Promise.all(Array.from({ length: TABS }, () => watchedPage(ctx)));
  await Promise.all(
    tabs.map(async ({ page }, t) => {
      for (let i = t; i < paths.length; i += TABS) {
        await page.goto(`${f.url}${paths[i]}`);
        await check(page, paths[i] as string);
      }
      await page.close();
    }),
  );
  return tabs.flatMap((tab) => tab.events);
}

const storyOf = (articleId: string): StoryListEntry => {
  const s = stories.find((x) => x.articleIds.includes(articleId));
  if (s === undefined) throw new Error(`no story holds ${articleId}`);
  return s;
};

describe('reading', () => {
  it('opens the home page and a story from it', async () => {
    const { page, events } = await watchedPage(context);
    await page.goto(`${f.url}/`);
    const items = page.locator('ol.river > li');
    expect(await items.count()).toBe(Math.min(30, stories.length));
    expect(await items.first().locator('a.title').textContent()).toBe(stories[0]!.title);
    expect(await items.first().locator('.count').textContent()).toBe(String(stories[0]!.outlets.length));
    await page.getByRole('link', { name: '下一页 →' }).click();
    await page.waitForURL(/\/\?after=/);
    expect(await items.first().locator('a.title').textContent()).toBe(stories[30]!.title);
    await page.getByRole('link', { name: '← 上一页' }).click();
    await page.waitForURL(`${f.url}/`);
    await items.first().locator('a.title').click();
    await page.waitForURL(`**/story/${stories[0]!.id}`);
    expect(await page.locator('h1').first().textContent()).toBe(stories[0]!.title);
    expect(events).toEqual([]);
    await page.close();
  });

  it('shows the character changes of a corpus reprint as <del>/<ins>, highlighted', async () => {
    let found: { story: StoryListEntry; detail: StoryDetail } | undefined;
    for (const s of stories.filter((x) => x.articleIds.length > 1 && !x.outlets.includes('webcopy'))) {
      const detail = await f.story(s.id);
      if (detail.versions.some((v) => v.changed.some((c) => c.changes.some((ch) => ch.from !== '' && ch.to !== '')))) {
        found = { story: s, detail };
        break;
      }
    }
    expect(found).toBeDefined();
    const { page, events } = await watchedPage(context);
    await page.goto(`${f.url}/story/${found!.story.id}`);
    const version = found!.detail.versions.find((v) => v.changed.some((c) => c.changes.some((ch) => ch.from !== '' && ch.to !== '')))!;
    const section = page.locator(`section[id="v-${version.articleId}"]`);
    const change = version.changed.flatMap((c) => c.changes).find((ch) => ch.from !== '' && ch.to !== '')!;
    expect(await section.locator('.para-changed del').allTextContents()).toContain(change.from);
    expect(await section.locator('.para-changed ins').allTextContents()).toContain(change.to);
    // (Evaluated in the page: the test program has no DOM types.)
    const [insBg, delBg, bodyBg] = await page.evaluate<string[]>(
      `[getComputedStyle(document.querySelector('ins')).backgroundColor, getComputedStyle(document.querySelector('del')).backgroundColor, getComputedStyle(document.body).backgroundColor]`,
    );
    expect(new Set([insBg, delBg, bodyBg]).size).toBe(3);
    expect(await page.locator('section.version').count()).toBe(found!.detail.versions.length);
    expect(events).toEqual([]);
    await page.close();
  });

  it('shows what our reprint lacks and changes, and follows a related story', async () => {
    const first = storyOf('webtest:related-1');
    const second = storyOf('webtest:related-2');
    const { page, events } = await watchedPage(context);
    await page.goto(`${f.url}/story/${first.id}`);
    const version = page.locator('section[id="v-webtest:related-1"]');
    expect(await version.locator('.para-lacks del').allTextContents()).toEqual(['（本文来自网页测试日报）']);
    expect(await version.locator('.para-changed del').allTextContents()).toEqual(['三']);
    expect(await version.locator('.para-changed ins').allTextContents()).toEqual(['两']);
    expect(await page.locator('ol.chain .chain-name').allTextContents()).toEqual(['测试日报', '网页测试日报', '网页转载网']);
    expect(await page.locator('ol.chain li time').count()).toBeGreaterThan(0);
    await page.locator('ol.related a.title').click();
    await page.waitForURL(`**/story/${second.id}`);
    expect(await page.locator('h1').first().textContent()).toBe('某市再次召开数字经济发展推进会');
    expect(await page.locator(`ol.related a.title[href="/story/${first.id}"]`).count()).toBe(1);
    expect(events).toEqual([]);
    await page.close();
  });

  it('searches from the search page and opens a result', async () => {
    const { page, events } = await watchedPage(context);
    await page.goto(`${f.url}/search`);
    await page.locator('form.filters input[name="q"]').fill('千兆光网');
    await page.locator('form.filters button[type="submit"]').click();
    await page.waitForURL(/\/search\?q=/);
    const results = page.locator('ol.results > li');
    expect(await results.count()).toBe(2);
    expect(await results.first().locator('.snippet mark').first().textContent()).toBe('千兆光网');
    expect(await page.locator('.facets a').allTextContents()).toContain('网页测试日报 (2)');
    const href = await results.first().locator('a.title').getAttribute('href');
    await results.first().locator('a.title').click();
    await page.waitForURL(`**${href}`);
    expect(await page.locator('h1').first().textContent()).toMatch(/数字经济发展推进会/);
    expect(events).toEqual([]);
    await page.close();
  });
});

describe('on a phone', () => {
  it('lays out home, a story and an article within a 375 px screen, in a CJK font at ≥ 16 px', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true });
    const page = await phone.newPage();
    const shared = storyOf('webcopy:related-1');
    for (const path of ['/', `/story/${shared.id}`, `/article/${encodeURIComponent('webcopy:related-1')}`, '/sources']) {
      await page.goto(`${f.url}${path}`);
      const [scrollWidth, fontSize, lineHeight, family] = await page.evaluate<[number, string, string, string]>(
        `[document.documentElement.scrollWidth, getComputedStyle(document.body).fontSize, getComputedStyle(document.body).lineHeight, getComputedStyle(document.body).fontFamily]`,
      );
      expect({ path, scrollWidth }).toEqual({ path, scrollWidth: 375 });
      expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(16);
      expect(Number.parseFloat(lineHeight) / Number.parseFloat(fontSize)).toBeCloseTo(1.8, 1);
      expect(family).toContain('PingFang SC');
    }
    await phone.close();
  });
});

describe('the XSS corpus', () => {
  const pagesToVisit = (): string[] => {
    const xss = stories.filter((s) => s.outlets.includes('xsstest'));
    return [
      '/',
      '/outlet/xsstest',
      `/category/${encodeURIComponent('跨站测试')}`,
      `/search?q=${encodeURIComponent('跨站')}`,
      ...xss.map((s) => `/story/${s.id}`),
      ...Array.from({ length: 22 }, (_, i) => `/article/${encodeURIComponent(`xsstest:${i + 1}`)}`),
    ];
  };

  it('every page holding it opens no dialog, runs no script and trips no CSP rule', async () => {
    const visited = pagesToVisit();
    expect(visited.length).toBeGreaterThan(40);
    const events = await visitInTabs(context, visited, async (page, path) => {
      expect(page.url()).toBe(`${f.url}${path}`);
      const bad = await page.evaluate<string[]>(`(() => {
        const out = [];
        for (const el of document.querySelectorAll('*')) {
          if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'svg', 'math', 'BASE', 'FORM'].includes(el.tagName) && !el.matches('form.search, form.filters')) out.push(el.tagName);
          for (const a of el.getAttributeNames()) if (a.startsWith('on') || a === 'style' || a === 'srcdoc') out.push(el.tagName + '@' + a);
          for (const a of ['href', 'src', 'action']) if (/^\\s*(javascript|data:text)/i.test(el.getAttribute(a) ?? '')) out.push(el.tagName + '@' + a);
        }
        return out;
      })()`);
      expect({ path, bad }).toEqual({ path, bad: [] });
      // Point at, enter and focus everything a payload could have hooked, in the page in one
      // pass (hovering each link through the driver cost a second a page and reached only links).
      await page.evaluate(`(() => {
        for (const el of document.querySelectorAll('body *')) {
          for (const type of ['mouseover', 'mouseenter', 'mousemove', 'pointerover', 'focus', 'focusin'])
            el.dispatchEvent(new (type.startsWith('focus') ? FocusEvent : MouseEvent)(type, { bubbles: true }));
          if (typeof el.focus === 'function') el.focus();
        }
      })()`);
    });
    expect(events).toEqual([]);
  });

  it('stays inert with the Content-Security-Policy switched off (sanitising alone holds)', async () => {
    const noCsp = await browser.newContext({ bypassCSP: true });
    const events = await visitInTabs(noCsp, pagesToVisit(), (page) => page.waitForLoadState('load'));
    expect(events).toEqual([]);
    await noCsp.close();
  });
});
