/**
 * The JSON API on a real server over a real SQLite archive (corpus + our fixtures): shapes,
 * stable pagination, errors as JSON without internals, the OpenAPI document, security headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/search/types.js';
import type { StoryListEntry } from '../../src/stories/story-view.js';
import { CONTENT_SECURITY_POLICY } from '../../src/web/security.js';
import { startWebFixture, type WebFixture } from './support/web-fixture.js';

let f: WebFixture;
let stories: StoryListEntry[];

beforeAll(async () => {
  f = await startWebFixture();
  stories = await f.allStories();
});
afterAll(async () => f?.close());

type ErrorBody = { error: { code: string; message: string } };
const expectError = (r: { status: number; body: unknown }, status: number, code: string): void => {
  expect(r.status).toBe(status);
  const body = r.body as ErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/\n\s+at |\.ts:\d|node_modules/);
};

describe('GET /api/stories', () => {
  it('lists every story once, in the store order, over pages of a stable cursor', async () => {
    const tables = f.store.stories();
    expect(stories.length).toBe(await tables.countStories());
    expect(new Set(stories.map((s) => s.id)).size).toBe(stories.length);
    expect(stories.map((s) => s.id)).toEqual((await tables.listStories(10_000)).map((s) => s.id));
    const paged: string[] = [];
    let after = '';
    let pages = 0;
    for (;;) {
      const r = await f.getJson<{ stories: StoryListEntry[]; nextCursor: string | null }>(`/api/stories?limit=7${after ? `&after=${after}` : ''}`);
      expect(r.status).toBe(200);
      expect(r.body.stories.length).toBeLessThanOrEqual(7);
      paged.push(...r.body.stories.map((s) => s.id));
      pages++;
      if (r.body.nextCursor === null) break;
      after = r.body.nextCursor;
    }
    expect(paged).toEqual(stories.map((s) => s.id));
    expect(pages).toBe(Math.ceil(stories.length / 7));
  });

  it('gives each story exactly the fields of `caixun stories --json`', () => {
    for (const s of stories) expect(Object.keys(s).sort()).toEqual(['articleIds', 'firstSeen', 'id', 'outlets', 'related', 'representativeId', 'title']);
  });

  it('rejects a bad cursor and a bad limit with a JSON 400', async () => {
    expectError(await f.getJson('/api/stories?after=not-a-cursor'), 400, 'bad-request');
    expectError(await f.getJson('/api/stories?limit=0'), 400, 'bad-request');
    expectError(await f.getJson('/api/stories?limit=abc'), 400, 'bad-request');
  });
});

describe('GET /api/stories/:id', () => {
  it('shows every version against the representative, and the related pair links both ways', async () => {
    const first = stories.find((s) => s.articleIds.includes('webtest:related-1'));
    const second = stories.find((s) => s.articleIds.includes('webtest:related-2'));
    expect(first && second && first.id !== second.id).toBe(true);
    const d1 = await f.story(first!.id);
    const d2 = await f.story(second!.id);
    expect(d1.related).toEqual([second!.id]);
    expect(d2.related).toEqual([first!.id]);
    expect(d1.versions.map((v) => [v.articleId, v.outletKey, v.representative])).toEqual([
      ['webtest:related-1', 'webtest', false],
      ['webcopy:related-1', 'webcopy', true],
    ]);
    expect(d1.outlets).toEqual(['webtest', 'webcopy']);
    // Display names, each outlet once (issue 17: keys and names were mixed).
    expect(d1.attribution).toEqual(['测试日报', '网页测试日报', '网页转载网']);
    expect(d1.chain.map((l) => [l.name, l.outletKey])).toEqual([['测试日报', null], ['网页测试日报', 'webtest'], ['网页转载网', 'webcopy']]);
    const original = d1.versions[0]!;
    expect(original.lacks).toEqual([{ index: 4, text: '（本文来自网页测试日报）' }]);
    expect(original.adds).toEqual([]);
    expect(original.changed).toEqual([{ repIndex: 1, versionIndex: 1, changes: [{ at: 18, from: '三', to: '两' }] }]);
  });

  it('has one representative per story and the character changes of corpus reprints', async () => {
    let changes = 0;
    for (const s of stories.filter((x) => x.articleIds.length > 1)) {
      const d = await f.story(s.id);
      expect(d.versions.filter((v) => v.representative).map((v) => v.articleId)).toEqual([s.representativeId]);
      expect(d.versions.map((v) => v.articleId)).toEqual(s.articleIds);
      for (const v of d.versions) for (const c of v.changed) for (const ch of c.changes) if (ch.from !== ch.to) changes++;
    }
    expect(changes).toBeGreaterThan(0);
  });

  it('answers 404 in JSON for an unknown story', async () => {
    expectError(await f.getJson('/api/stories/st-000000000000'), 404, 'not-found');
  });
});

describe('GET /api/articles', () => {
  it('pages through one outlet newest first without repeats', async () => {
    const ids: string[] = [];
    let after = '';
    for (;;) {
      const r = await f.getJson<{ articles: { id: string; outletKey: string; publishedAt: string }[]; nextCursor: string | null }>(
        `/api/articles?outlet=xsstest&limit=5${after ? `&after=${after}` : ''}`,
      );
      expect(r.status).toBe(200);
      for (const a of r.body.articles) expect(a.outletKey).toBe('xsstest');
      ids.push(...r.body.articles.map((a) => a.id));
      if (r.body.nextCursor === null) break;
      after = r.body.nextCursor;
    }
    expect(ids.length).toBe(22);
    expect(new Set(ids).size).toBe(22);
  });

  it('answers a bad cursor with a JSON 400 that names the cursor, not a 500', async () => {
    const bad = Buffer.from('["not","a cursor"]').toString('base64url');
    for (const after of ['not-a-cursor', bad]) {
      const r = await f.getJson<ErrorBody>(`/api/articles?outlet=xsstest&after=${after}`);
      expectError(r, 400, 'bad-request');
      expect(r.body.error.message).toBe(`invalid cursor ${JSON.stringify(after)}`);
    }
  });

  it('serves one article with its story, sanitised again, without the raw input', async () => {
    const r = await f.getJson<Record<string, unknown>>('/api/articles/xsstest%3A2');
    expect(r.status).toBe(200);
    expect(r.body.id).toBe('xsstest:2');
    expect(r.body).not.toHaveProperty('raw');
    expect(r.body.html).toBe('<p>图片<img src="https://example.org/xss/x" /></p>');
    const storyId = r.body.storyId as string;
    expect(stories.find((s) => s.id === storyId)?.articleIds).toContain('xsstest:2');
    expectError(await f.getJson('/api/articles/nope%3A1'), 404, 'not-found');
  });
});

describe('GET /api/outlets', () => {
  it('counts every article once, by outlet', async () => {
    const r = await f.getJson<{ outlets: { key: string; name: string; articleCount: number }[] }>('/api/outlets');
    const total = r.body.outlets.reduce((n, o) => n + o.articleCount, 0);
    expect(total).toBe(await f.store.countArticles());
    expect(r.body.outlets.find((o) => o.key === 'webtest')).toEqual({ key: 'webtest', name: '网页测试日报', articleCount: 2, latestAt: '2023-03-20T09:00:00+08:00' });
  });

  it('gives each outlet the count and newest time that reading every article gives', async () => {
    const expected = new Map<string, { count: number; latest: number | null }>();
    for await (const a of f.store.iterateArticles()) {
      const e = expected.get(a.outletKey) ?? { count: 0, latest: null };
      e.count++;
      const t = a.publishedAt === null ? Number.NaN : Date.parse(a.publishedAt);
      if (!Number.isNaN(t) && (e.latest === null || t > e.latest)) e.latest = t;
      expected.set(a.outletKey, e);
    }
    const r = await f.getJson<{ outlets: { key: string; articleCount: number; latestAt: string | null }[] }>('/api/outlets');
    expect(r.body.outlets.length).toBe(expected.size);
    for (const o of r.body.outlets) {
      expect([o.key, o.articleCount, o.latestAt === null ? null : Date.parse(o.latestAt)]).toEqual([o.key, expected.get(o.key)?.count, expected.get(o.key)?.latest]);
    }
    const counts = r.body.outlets.map((o) => o.articleCount);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });
});

describe('GET /api/search', () => {
  it('finds our fixture by a dictionary term with the documented fields', async () => {
    const r = await f.getJson<SearchResponse>(`/api/search?q=${encodeURIComponent('千兆光网')}`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(2);
    const hit = r.body.results[0]!;
    for (const k of ['storyId', 'articleId', 'title', 'outlet', 'publishedAt', 'snippet']) expect(hit).toHaveProperty(k);
    expect(r.body.results.map((x) => x.articleId).sort()).toEqual(['webtest:related-1', 'webtest:related-2']);
    expect(hit.snippet).toContain('<mark>千兆光网</mark>');
  });

  it('filters by outlet and date, and answers a one-character query', async () => {
    const r = await f.getJson<SearchResponse>(`/api/search?q=${encodeURIComponent('会议')}&outlet=webtest&from=2023-03-10&to=2023-03-31`);
    expect(r.body.results.map((x) => x.articleId)).toEqual(['webtest:related-2']);
    const one = await f.getJson<SearchResponse>(`/api/search?q=${encodeURIComponent('碳')}`);
    expect(one.status).toBe(200);
    expect(one.body.total).toBeGreaterThan(0);
  });

  it('rejects a missing query and a bad date', async () => {
    expectError(await f.getJson('/api/search'), 400, 'bad-request');
    expectError(await f.getJson('/api/search?q=x&from=yesterday'), 400, 'bad-request');
    expectError(await f.getJson('/api/nothing-here'), 404, 'not-found');
  });
});

describe('GET /api/openapi.json', () => {
  it('is OpenAPI 3.1 describing every route, and its $refs resolve', async () => {
    const r = await f.getJson<{ openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }>('/api/openapi.json');
    expect(r.body.openapi).toBe('3.1.0');
    expect(Object.keys(r.body.paths).sort()).toEqual(['/api/articles', '/api/articles/{id}', '/api/outlets', '/api/search', '/api/stories', '/api/stories/{id}']);
    const refs = JSON.stringify(r.body).match(/#\/components\/schemas\/\w+/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(r.body.components.schemas).toHaveProperty(ref.split('/').pop()!);
  });

  it('requires exactly the fields a story list entry and a search hit carry', async () => {
    const doc = (await f.getJson<{ components: { schemas: Record<string, { required: string[] }> } }>('/api/openapi.json')).body;
    expect([...doc.components.schemas.StoryListEntry!.required].sort()).toEqual(Object.keys(stories[0]!).sort());
    const hit = (await f.getJson<SearchResponse>(`/api/search?q=${encodeURIComponent('会议')}`)).body.results[0]!;
    expect([...doc.components.schemas.SearchHit!.required].sort()).toEqual(Object.keys(hit).sort());
  });
});

describe('headers', () => {
  it('sends the security headers on pages, JSON, errors and the stylesheet', async () => {
    for (const path of ['/', '/api/stories', '/api/nope', '/no-such-page', '/static/style.css', '/feeds/stories.xml']) {
      const res = await fetch(`${f.url}${path}`);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; style-src 'self'; img-src https: data:/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src|unsafe/);
  });

  it('serves the stylesheet with a long cache and answers its ETag with 304', async () => {
    const res = await fetch(`${f.url}/static/style.css`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const again = await fetch(`${f.url}/static/style.css`, { headers: { 'If-None-Match': res.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });
});
