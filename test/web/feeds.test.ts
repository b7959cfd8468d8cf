/**
 * Feeds out, parsed back with a real feed parser (feedsmith) and checked field by field against
 * the stories the API serves: one stable GUID per story across every feed, sanitised content,
 * dates with their offsets.
 */
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryDetail, StoryListEntry } from '../../src/stories/story-view.js';
import { startServer } from '../../src/web/server.js';
import { strictXmlProblems } from './support/strict-xml.js';
import { unsafeMarkup } from './support/unsafe-markup.js';
import { startWebFixture, type WebFixture } from './support/web-fixture.js';

let f: WebFixture;
let stories: StoryListEntry[];

beforeAll(async () => {
  f = await startWebFixture();
  stories = await f.allStories();
});
afterAll(async () => f?.close());

const text = async (path: string): Promise<{ status: number; type: string | null; body: string }> => {
  const res = await fetch(`${f.url}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
};
const rss = async (path: string) => {
  const r = await text(path);
  expect(r.status).toBe(200);
  expect(r.type).toBe('application/rss+xml; charset=utf-8');
  expect(strictXmlProblems(r.body)).toEqual([]);
  return parseRssFeed(r.body);
};
const atom = async (path: string) => {
  const r = await text(path);
  expect(r.status).toBe(200);
  expect(r.type).toBe('application/atom+xml; charset=utf-8');
  expect(strictXmlProblems(r.body)).toEqual([]);
  return parseAtomFeed(r.body);
};
const json = async (path: string) => {
  const r = await text(path);
  expect(r.status).toBe(200);
  expect(r.type).toBe('application/feed+json; charset=utf-8');
  return parseJsonFeed(JSON.parse(r.body));
};
const guid = (id: string): string => `urn:caixun:story:${id}`;
const ms = (iso: string | null | undefined): number => Date.parse(iso ?? '');

describe('/feeds/stories.*', () => {
  it('RSS: the 30 newest stories in order, one permanent non-link GUID each, dates with offsets', async () => {
    const feed = await rss('/feeds/stories.xml');
    expect(feed.title).toBe('最新报道 · 财讯');
    expect(feed.link).toBe(`${f.url}/`);
    const newest = stories.slice(0, 30);
    expect(feed.items?.map((i) => i.guid?.value)).toEqual(newest.map((s) => guid(s.id)));
    for (const [i, item] of (feed.items ?? []).entries()) {
      const s = newest[i]!;
      expect(item.guid?.isPermaLink).toBe(false);
      expect(item.title).toBe(s.title);
      expect(item.link).toBe(`${f.url}/story/${s.id}`);
      expect(item.pubDate).toMatch(/ (GMT|[+-]\d{4})$/);
      expect(ms(item.pubDate)).toBe(ms(s.firstSeen));
    }
  });

  it('Atom: same entries, published = first seen, updated = last seen, content = the representative', async () => {
    const feed = await atom('/feeds/stories.atom');
    const entries = feed.entries ?? [];
    expect(entries.map((e) => e.id)).toEqual(stories.slice(0, 30).map((s) => guid(s.id)));
    for (const e of entries.slice(0, 10)) {
      const id = e.id!.replace('urn:caixun:story:', '');
      const d = (await f.getJson<StoryDetail>(`/api/stories/${id}`)).body;
      expect(e.title?.value).toBe(d.title);
      expect(e.published).toMatch(/(Z|[+-]\d{2}:\d{2})$/);
      expect(ms(e.published)).toBe(ms(d.firstSeen));
      expect(ms(e.updated)).toBe(ms(d.lastSeen ?? d.firstSeen));
      expect(e.authors?.map((a) => a.name)).toEqual([...new Set(d.versions.map((v) => v.outlet))]);
      // The representative's body sanitised again (as the API serves it), else its text as paragraphs.
      const rep = (await f.getJson<{ html: string; text: string }>(`/api/articles/${encodeURIComponent(d.representativeId)}`)).body;
      const escaped = rep.text.split('\n\n')[0]!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      expect(e.content?.value?.startsWith(rep.html.trim() !== '' ? rep.html : `<p>${escaped}</p>`)).toBe(true);
    }
  });

  it('JSON Feed: same items with ids, urls and dates', async () => {
    const feed = await json('/feeds/stories.json');
    expect(feed.feed_url).toBe(`${f.url}/feeds/stories.json`);
    const newest = stories.slice(0, 30);
    expect((feed.items ?? []).map((i) => i.id)).toEqual(newest.map((s) => guid(s.id)));
    for (const [i, item] of (feed.items ?? []).entries()) {
      expect(item.url).toBe(`${f.url}/story/${newest[i]!.id}`);
      expect(ms(item.date_published)).toBe(ms(newest[i]!.firstSeen));
    }
  });
});

describe('scoped feeds', () => {
  it('a story carried by several outlets has one item in each outlet feed, with the same GUID', async () => {
    const shared = stories.find((s) => s.outlets.length > 1);
    expect(shared).toBeDefined();
    for (const outlet of shared!.outlets) {
      const feed = await rss(`/feeds/outlet/${outlet}.xml`);
      const guids = (feed.items ?? []).map((i) => i.guid?.value);
      expect(new Set(guids).size).toBe(guids.length);
      expect(guids).toContain(guid(shared!.id));
    }
  });

  it('outlet, category and search feeds list the related pair in every format', async () => {
    const pair = ['webtest:related-2', 'webtest:related-1'].map((a) => guid(stories.find((s) => s.articleIds.includes(a))!.id));
    expect((await rss('/feeds/outlet/webtest.xml')).items?.map((i) => i.guid?.value)).toEqual(pair);
    expect((await atom(`/feeds/category/${encodeURIComponent('网页测试')}.atom`)).entries?.map((e) => e.id)).toEqual(pair);
    const search = await json(`/feeds/search.json?q=${encodeURIComponent('千兆光网')}`);
    expect((search.items ?? []).map((i) => i.id).sort()).toEqual([...pair].sort());
    expect(search.title).toBe('搜索：千兆光网 · 财讯');
  });

  it('answers unknown feeds and missing queries with JSON errors', async () => {
    for (const [path, status] of [['/feeds/stories.txt', 404], ['/feeds/outlet/no-such-outlet.xml', 404], ['/feeds/search.xml', 400]] as const) {
      const r = await text(path);
      expect(r.status).toBe(status);
      expect(JSON.parse(r.body)).toHaveProperty('error.code');
    }
  });
});

describe('feed content is sanitised', () => {
  it('carries no script, event handler or javascript: URL from the XSS corpus', async () => {
    const feed = await rss('/feeds/outlet/xsstest.xml');
    expect(feed.items?.length).toBeGreaterThanOrEqual(20);
    for (const item of feed.items ?? []) expect(unsafeMarkup(item.content?.encoded ?? '')).toEqual([]);
    const atomFeed = await atom('/feeds/outlet/xsstest.atom');
    for (const e of atomFeed.entries ?? []) expect(unsafeMarkup(e.content?.value ?? '')).toEqual([]);
    const jsonFeed = await json('/feeds/outlet/xsstest.json');
    for (const i of jsonFeed.items ?? []) expect(unsafeMarkup(i.content_html ?? '')).toEqual([]);
  });
});

/** GET `path` from `base` with a forged Host (and proxy) header; fetch() does not let a caller set Host. */
function getWithHost(base: string, path: string, host: string): Promise<string> {
  const { hostname, port } = new URL(base);
  const headers = { Host: host, 'X-Forwarded-Host': host, 'X-Forwarded-Proto': 'https', Forwarded: `host=${host}` };
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve(body)).on('error', reject);
    });
    req.on('error', reject).end();
  });
}

describe('feed links never follow the Host header', () => {
  it('without --public-url every link is on the address the server listens on', async () => {
    const host = 'evil.example';
    const onServer = (u: string | undefined): boolean => u !== undefined && u.startsWith(`${f.url}/`);
    const rssBody = await getWithHost(f.url, '/feeds/stories.xml', host);
    const atomBody = await getWithHost(f.url, '/feeds/outlet/webtest.atom', host);
    const jsonBody = await getWithHost(f.url, '/feeds/stories.json', host);
    for (const body of [rssBody, atomBody, jsonBody]) expect(body).not.toContain(host);
    const r = parseRssFeed(rssBody);
    expect([r.link, ...(r.items ?? []).map((i) => i.link)].every(onServer)).toBe(true);
    expect(r.items?.length).toBe(30);
    const a = parseAtomFeed(atomBody);
    expect([a.id, ...(a.links ?? []).map((l) => l.href), ...(a.entries ?? []).flatMap((e) => (e.links ?? []).map((l) => l.href))].every(onServer)).toBe(true);
    expect(a.entries?.length).toBe(2);
    const j = parseJsonFeed(JSON.parse(jsonBody));
    expect([j.home_page_url, j.feed_url, ...(j.items ?? []).map((i) => i.url)].every(onServer)).toBe(true);
  });

  it('with a public URL every link is on it', async () => {
    const server = await startServer({ store: f.store, port: 0, pageCacheMs: 0, publicUrl: 'https://news.example.org/' });
    try {
      const feed = parseAtomFeed(await getWithHost(server.url, '/feeds/stories.atom', 'evil.example'));
      expect(feed.links?.map((l) => l.href)).toEqual(['https://news.example.org/', 'https://news.example.org/feeds/stories.atom']);
      expect(feed.entries?.length).toBe(30);
      for (const e of feed.entries ?? []) expect(e.links?.[0]?.href).toMatch(/^https:\/\/news\.example\.org\/story\//);
    } finally {
      await server.close();
    }
  });
});
