/**
 * A saved page imports as it is fetched: each of the 20 GNE reference pages is imported with
 * `processDocument` and fetched by a `page` source from a loopback server serving the same
 * bytes; both give the same title, publication instant and text length (within 2 %).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFiles } from '../../test/corpus.js';
import { sendBody, startMockServer, type MockServer } from '../../test/fetch/mock-server.js';
import { testDbSpec } from '../../test/support/backends.js';
import { parseConfig } from '../config/load-config.js';
import { runFetchRound } from '../fetch-round/run-fetch-round.js';
import type { Article } from '../model/article.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { processDocument } from './process-document.js';

const FETCHED_AT = '2026-01-01T00:00:00.000Z';
const files = corpusFiles('html/GeneralNewsExtractor/tests', '.expected.json').map((f) =>
  f.replace('.expected.json', '.html'),
);
const nameOf = (file: string): string => file.split('/').slice(-2).join('/');

let server: MockServer;
let dir: string;
let store: Store;
const imported = new Map<string, Article>();
const fetched = new Map<string, Article>();

beforeAll(async () => {
  server = await startMockServer();
  const sources = files.map((file, i) => {
    const bytes = readFileSync(file);
    const result = processDocument(bytes, file, FETCHED_AT);
    if (!result.ok) throw new Error(`${file}: ${result.reason}`);
    const article = result.articles[0]!;
    imported.set(nameOf(file), article);
    server.route(`/p/${i}.html`, sendBody(bytes.toString('utf8'), 'text/html'));
    // The live source files the page under the outlet the import found in it.
    return { key: `p${i}`, kind: 'page', url: `${server.origin}/p/${i}.html`, outlet: article.outlet };
  });
  dir = mkdtempSync(join(tmpdir(), 'caixun-import-fetch-'));
  store = await openStore(await testDbSpec(dir));
  const config = parseConfig(
    JSON.stringify({
      sources,
      network: { allowPrivate: true, retries: 0, hosts: { default: { concurrency: 4, minDelay: 0 } } },
      schedule: { jitter: 0 },
    }),
  );
  await runFetchRound(config, store);
  for await (const a of store.iterateArticles()) {
    const i = Number(/\/p\/(\d+)\.html$/.exec(a.url ?? '')?.[1]);
    fetched.set(nameOf(files[i]!), a);
  }
});

afterAll(async () => {
  await store?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a saved page imports as it is fetched', () => {
  it('has the 20 reference pages', () => expect(files).toHaveLength(20));

  it.each(files.map(nameOf))('%s', (name) => {
    const a = imported.get(name)!;
    const b = fetched.get(name);
    expect(b, 'fetched').toBeDefined();
    expect(a.title).toBe(b!.title);
    expect(a.publishedAt === null ? null : Date.parse(a.publishedAt)).toBe(
      b!.publishedAt === null ? null : Date.parse(b!.publishedAt),
    );
    const [la, lb] = [a.text.length, b!.text.length];
    expect(Math.abs(la - lb) / Math.max(1, la, lb)).toBeLessThanOrEqual(0.02);
  });
});
