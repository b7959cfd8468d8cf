/**
 * The HTML pages over HTTP on the real archive: status codes, what each page lists, pagination,
 * the sources page, and error pages that keep internals to themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryListEntry } from '../../src/stories/story-view.js';
import { unsafeMarkup } from './support/unsafe-markup.js';
import { startWebFixture, type WebFixture } from './support/web-fixture.js';

let f: WebFixture;
let stories: StoryListEntry[];

beforeAll(async () => {
  f = await startWebFixture();
  stories = await f.allStories();
});
afterAll(async () => f?.close());

const get = async (path: string): Promise<{ status: number; body: string; type: string | null }> => {
  const res = await fetch(`${f.url}${path}`);
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') };
};
const hrefs = (body: string, prefix: string): string[] => [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).filter((h) => h.startsWith(prefix));

describe('pages', () => {
  it('home: the 30 newest stories, then the rest on the next page', async () => {
    const first = await get('/');
    expect(first.type).toBe('text/html; charset=UTF-8');
    const storyLinks = hrefs(first.body, '/story/');
    expect(storyLinks).toEqual(stories.slice(0, 30).map((s) => `/story/${s.id}`));
    const next = /href="(\/\?after=[^"]+)"/.exec(first.body)?.[1];
    expect(next).toBeDefined();
    const second = await get(next!.replace(/&amp;/g, '&'));
    expect(hrefs(second.body, '/story/')).toEqual(stories.slice(30, 60).map((s) => `/story/${s.id}`));
  });

  it('article: the body, provenance, outlet, categories and the story link', async () => {
    const r = await get(`/article/${encodeURIComponent('webcopy:related-1')}`);
    expect(r.status).toBe(200);
    const story = stories.find((s) => s.articleIds.includes('webcopy:related-1'))!;
    expect(r.body).toContain(`<a href="/story/${story.id}">查看报道汇总（2 个版本）</a>`);
    expect(r.body).toContain('<a href="/outlet/webcopy">网页转载网</a>');
    expect(r.body).toContain(`<a href="/category/${encodeURIComponent('网页测试')}">网页测试</a>`);
    expect(r.body).toContain('<dt>来源</dt><dd>测试日报</dd>');
    expect(r.body).toContain('<a href="https://example.net/webcopy/1.html" rel="noopener noreferrer nofollow">原文</a>');
  });

  it('outlet and category pages list their articles newest first', async () => {
    const outlet = await get('/outlet/webtest');
    expect(hrefs(outlet.body, '/article/')).toEqual(['/article/webtest%3Arelated-2', '/article/webtest%3Arelated-1']);
    expect(outlet.body).toContain('<h1>来源：网页测试日报</h1>');
    const category = await get(`/category/${encodeURIComponent('网页测试')}`);
    expect(hrefs(category.body, '/article/')).toEqual(['/article/webtest%3Arelated-2', '/article/webcopy%3Arelated-1', '/article/webtest%3Arelated-1']);
    const paged = await get('/outlet/xsstest');
    expect(hrefs(paged.body, '/article/').length).toBe(22);
  });

  it('search page: results, facets and filters keep the query', async () => {
    const r = await get(`/search?q=${encodeURIComponent('千兆光网')}`);
    expect(r.status).toBe(200);
    expect(r.body).toContain('共 2 条报道');
    expect(r.body).toContain(`href="/search?q=${encodeURIComponent('千兆光网')}&amp;outlet=webtest">网页测试日报 (2)</a>`);
    const bad = await get('/search?q=x&from=someday');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('from must be a date');
  });

  it('sources page: every stored source state, failing ones marked', async () => {
    const empty = await get('/sources');
    expect(empty.body).toContain('没有配置实时来源');
    const repo = f.store.sourceStates();
    const base = { etag: null, lastModified: null, lastAttemptAt: null, lastSuccessAt: null, lastFailureAt: null, lastErrorKind: null, lastError: null, consecutiveFailures: 0, nextDueAt: null, itemsFetched: 0 };
    await repo.putSourceState({ ...base, key: 'cls-telegraph', lastSuccessAt: '2026-11-30T01:00:00.000Z', itemsFetched: 40 });
    await repo.putSourceState({ ...base, key: 'sina-roll', lastFailureAt: '2026-11-30T02:00:00.000Z', lastErrorKind: 'timeout', lastError: 'no answer in 15 s', consecutiveFailures: 3 });
    const r = await get('/sources');
    expect(r.body).toContain('<tr class="ok"><td>cls-telegraph</td><td>正常</td><td>2026-11-30 09:00</td><td></td><td></td><td></td><td>40</td></tr>');
    expect(r.body).toContain('<tr class="bad"><td>sina-roll</td><td>失败 3 次</td><td></td><td>2026-11-30 10:00</td><td>timeout: no answer in 15 s</td>');
  });

  it('answers unknown pages with a 404 page and every page is free of script', async () => {
    for (const path of ['/story/st-nope', `/article/${encodeURIComponent('x:1')}`, '/outlet/no-such-outlet', '/nothing']) {
      const r = await get(path);
      expect(r.status).toBe(404);
      expect(r.type).toBe('text/html; charset=UTF-8');
      expect(r.body).toContain('<a href="/">返回首页</a>');
    }
    for (const path of ['/', `/story/${stories[0]!.id}`, '/outlet/xsstest', '/search?q=%E8%B7%A8%E7%AB%99', '/sources']) {
      expect(unsafeMarkup((await get(path)).body, ['link', 'meta', 'form'])).toEqual([]);
    }
  });
});
