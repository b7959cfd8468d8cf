import { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { testDbSpec } from '../../test/support/backends.js';
import { makeArticle } from '../../test/support/make-article.js';
import { derivePending } from '../derive/derive-pending.js';
import { createApp } from './app.js';
import { badRequest } from './web-error.js';

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-app-'));
  store = await openStore(await testDbSpec(dir));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('createApp', () => {
  it('mounts extra routes before the API 404, with the same error mapping', async () => {
    const extra = new Hono();
    extra.get('/api/extra', (c) => c.json({ ok: true }));
    extra.get('/api/extra/bad', () => {
      throw badRequest('nope');
    });
    extra.get('/extra/boom', () => {
      throw new Error('secret internal detail');
    });
    const seen: string[] = [];
    const app = createApp({ store, routes: [extra], onError: (_err, path) => seen.push(path) });
    expect(await (await app.request('/api/extra')).json()).toEqual({ ok: true });
    const bad = await app.request('/api/extra/bad');
    expect([bad.status, await bad.json()]).toEqual([400, { error: { code: 'bad-request', message: 'nope' } }]);
    const boom = await app.request('/extra/boom');
    expect(boom.status).toBe(500);
    expect(await boom.text()).not.toContain('secret internal detail');
    expect(seen).toEqual(['/extra/boom']);
  });

  it('passes the facts panel into the story page, after the text', async () => {
    await store.upsertArticles([makeArticle()]);
    await derivePending(store);
    const id = (await store.stories().listStories(1))[0]!.id;
    const app = createApp({ store, factsPanel: (storyId) => `<section class="facts">facts of ${storyId}</section>` });
    const page = await (await app.request(`/story/${id}`)).text();
    expect(page).toContain(`<section class="facts">facts of ${id}</section>`);
    expect(page.indexOf('class="facts"')).toBeGreaterThan(page.indexOf('representative-text'));
  });
});
