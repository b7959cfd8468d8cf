import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../test/fetch/mock-server.js';
import { buildMinimalPdf } from '../../test/pdf/minimal-pdf.js';
import { parseConfig } from '../config/load-config.js';
import { testDbSpec } from '../../test/support/backends.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { epaperDays, expandEpaperUrl } from './poll-epaper.js';
import { runFetchRound } from './run-fetch-round.js';

const page = (title: string) =>
  Buffer.from(
    buildMinimalPdf([
      [
        { text: title, x: 50, y: 750, size: 20 },
        { text: 'The central bank kept its benchmark rate unchanged on Monday,', x: 50, y: 710, size: 10 },
        { text: 'officials said after the monthly meeting of the policy board.', x: 50, y: 696, size: 10 },
      ],
    ]),
  );

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({
    '/paper/20220308/01.pdf': (_req, res) => void res.writeHead(200, { 'content-type': 'application/pdf' }).end(page('Rates Unchanged')),
    '/paper/20220308/02.pdf': (_req, res) => void res.writeHead(200, { 'content-type': 'application/pdf' }).end(page('Markets Calm')),
  });
});
afterAll(() => server.close());
/** The test's store, closed after it even when an assertion failed. */
let opened: Store | undefined;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-epaper-'));
});
afterEach(async () => {
  await opened?.close();
  opened = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('expandEpaperUrl', () => {
  it('fills date and page placeholders in the configured zone', () => {
    // 20:00 UTC on 7 March is already 8 March in Shanghai.
    const at = new Date('2022-03-07T20:00:00Z');
    expect(expandEpaperUrl('https://x/{yyyy}-{mm}/{dd}/{yy}{m}{d}_{page}_{pp}.pdf', at, 3, 'Asia/Shanghai')).toBe(
      'https://x/2022-03/08/2238_3_03.pdf',
    );
  });
});

describe('epaper sources', () => {
  it('reads each page PDF once, stops a day at its first 404, and never refetches', async () => {
    const config = parseConfig(`
sources:
  - key: paper
    kind: epaper
    url: ${server.origin}/paper/{yyyy}{mm}{dd}/{pp}.pdf
    outlet: 示例日报
    epaper: { pages: 4, days: 2 }
network: { allowPrivate: true, retries: 0, hosts: { default: { concurrency: 1, minDelay: 0 } } }
schedule: { jitter: 0 }
`);
    expect(epaperDays(config.sources[0]!, new Date('2022-03-08T04:00:00Z')).map((d) => d.length)).toEqual([4, 4]);
    const store = (opened = await openStore(await testDbSpec(dir)));
    const now = () => new Date('2022-03-08T04:00:00Z');
    const one = await runFetchRound(config, store, { now });
    expect(one.sources[0]).toMatchObject({ status: 'ok', items: 2, itemFailures: 0 });
    expect(one.new).toBeGreaterThanOrEqual(2);
    const texts: string[] = [];
    for await (const a of store.iterateArticles()) texts.push(a.text);
    expect(texts.join('\n')).toContain('benchmark rate unchanged');
    // Day 7 March: page 01 is a 404, so 02‥04 are not asked for. 8 March: 03 is a 404.
    expect(server.hits.get('/paper/20220307/01.pdf')).toBe(1);
    expect(server.hits.get('/paper/20220307/02.pdf')).toBeUndefined();
    expect(server.hits.get('/paper/20220308/03.pdf')).toBe(1);
    expect(server.hits.get('/paper/20220308/04.pdf')).toBeUndefined();

    const two = await runFetchRound(config, store, { now });
    expect(two.sources[0]).toMatchObject({ status: 'ok', new: 0 });
    expect(server.hits.get('/paper/20220308/01.pdf')).toBe(1);
  });

  it('refuses an epaper URL without date placeholders', () => {
    expect(() =>
      parseConfig('sources:\n  - { key: p, kind: epaper, url: "https://x/a.pdf", outlet: x }\n'),
    ).toThrow('sources[0].url: an epaper URL needs date placeholders such as {yyyy}{mm}{dd}');
  });
});
