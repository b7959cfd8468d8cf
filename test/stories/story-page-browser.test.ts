/**
 * The story page of the corpus's biggest story in a real Chromium at a desktop and a phone
 * width: its versions, attribution chain and facts panel are shown, and nothing makes the
 * page scroll sideways.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryDetail } from '../../src/stories/story-view.js';
import { startWebFixture, type WebFixture } from '../web/support/web-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

let f: WebFixture;
let browser: Browser;
let biggest: StoryDetail;

beforeAll(async () => {
  [f, browser] = await Promise.all([
    startWebFixture({ withFixtures: false }),
    chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] }),
  ]);
  const stories = await f.allStories();
  const top = [...stories].sort((a, b) => b.articleIds.length - a.articleIds.length)[0];
  if (top === undefined) throw new Error('the corpus has no story');
  biggest = await f.story(top.id);
});
afterAll(async () => {
  await browser?.close();
  await f?.close();
});

describe('the biggest corpus story page', () => {
  it.each([1280, 375])('shows versions, chain and facts without horizontal scrolling at %i px', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${f.url}/story/${biggest.id}`);
    expect(await page.locator('section.version').count()).toBe(biggest.versions.length);
    expect(await page.locator('ol.chain > li').count()).toBe(biggest.chain.length);
    await expect.poll(() => page.locator('section.facts-panel').isVisible()).toBe(true);
    for (const sel of ['section.version', 'ol.chain', 'section.facts-panel table']) expect(await page.locator(sel).first().isVisible()).toBe(true);
    const [scrollWidth, clientWidth] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.close();
  });
});
