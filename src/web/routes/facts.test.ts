/** The facts routes on a real HTTP server (127.0.0.1) over the corpus imported into the suite's store backend. */
import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbSpec } from '../../../test/support/backends.js';
import { corpusDir } from '../../../test/corpus.js';
import { extractPending } from '../../facts/derive.js';
import { importPaths } from '../../ingest/import-job.js';
import { openStore } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import { clusterPending } from '../../stories/cluster-store.js';
import { Hono } from 'hono';
import { serverLinks } from '../links.js';
import { errorResponse } from './errors.js';
import { factsPanelFor, factsRoutes } from './facts.js';

let dir: string;
let store: Store;
let server: ServerType;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-facts-web-'));
  store = await openStore(await testDbSpec(dir));
  await importPaths([join(corpusDir, 'jekyll'), join(corpusDir, 'hexo')], store, { workers: 0 });
  await clusterPending(store);
  await extractPending(store);
  // mounted the way the web app mounts it: the app's one error handler answers for it
  const app = new Hono();
  app.onError((err, c) => errorResponse(c, err, serverLinks()));
  app.route('/', factsRoutes({ store }));
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      base = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // fetch() keeps its sockets alive; close() alone waits for any that never sent a request
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  });
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const storyOf = async (articleId: string): Promise<string> => (await store.stories().repository.storyOf(articleId))!;

describe('facts routes', () => {
  it('GET /api/facts?subject= lists claims with exactly the interface fields', async () => {
    const res = await fetch(`${base}/api/facts?subject=${encodeURIComponent('北向资金')}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { claims: Record<string, unknown>[] };
    expect(body.claims.map((c) => [c.articleId, c.value, c.unit, c.qualifier])).toEqual([
      ['eastmoney:202112082206742097', 3000000000, '元', '达到'],
      ['eastmoney:202112082206757673', 4000000000, '元', '超过'],
      ['eastmoney:202112082206761079', 4000000000, '元', '超过'],
      ['eastmoney:202112082206777086', 5000000000, '元', '超过'],
    ]);
    expect(Object.keys(body.claims[0]!)).toEqual(['articleId', 'storyId', 'value', 'unit', 'subject', 'kind', 'qualifier', 'period', 'sentence', 'direction', 'baseline']);
  });

  it('GET /api/facts?story= merges the versions and marks the conflict', async () => {
    const story = await storyOf('eastmoney:202112082206742097');
    const res = await fetch(`${base}/api/facts?story=${story}`);
    const body = (await res.json()) as { facts: { subject: string; status: string; values: { value: number }[] }[] };
    expect(body.facts.map((f) => [f.subject, f.status, f.values.map((v) => v.value)])).toEqual([
      ['北向资金净流入', 'conflict', [3000000000, 4000000000, 5000000000]],
    ]);
  });

  it('answers 404 for an unknown story and 400 for an oversized parameter', async () => {
    await expect(fetch(`${base}/api/facts?story=st-nope`).then((r) => r.status)).resolves.toBe(404);
    await expect(fetch(`${base}/api/facts?subject=${'x'.repeat(201)}`).then((r) => r.status)).resolves.toBe(400);
  });

  it('GET /api/facts/targets lists targets with their status', async () => {
    const body = (await (await fetch(`${base}/api/facts/targets`)).json()) as { targets: Record<string, unknown>[] };
    expect(body.targets.length).toBeGreaterThan(0);
    for (const t of body.targets) {
      expect(Object.keys(t)).toEqual(['subject', 'value', 'unit', 'deadline', 'status', 'evidence']);
      expect(['met', 'pending', 'missed']).toContain(t.status);
    }
  });

  it('GET /facts/subject/:subject renders the series chart', async () => {
    const res = await fetch(`${base}/facts/subject/${encodeURIComponent('北向资金净流入')}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<h1>北向资金净流入</h1>');
    expect(page.match(/<circle /g)).toHaveLength(4);
    expect((await fetch(`${base}/facts/subject/${encodeURIComponent('不存在的主题')}`)).status).toBe(404);
  });

  it('the story facts panel highlights the conflict', async () => {
    const panel = await factsPanelFor(store)(await storyOf('eastmoney:202112082206742097'));
    expect(panel).toContain('<mark class="facts-conflict">1 项说法不一</mark>');
    expect(panel).toContain('<a href="/facts/subject/%E5%8C%97%E5%90%91%E8%B5%84%E9%87%91%E5%87%80%E6%B5%81%E5%85%A5">北向资金净流入</a>');
  });
});
