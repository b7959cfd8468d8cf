/**
 * bench fetch: one polling round over 200 feed sources × 50 items (full content) served by mock
 * servers on four loopback addresses (four "hosts"), into a fresh SQLite file. Reports items/s
 * of the round, of a second round (everything seen: unchanged), and of the derive step; peak
 * RSS; and the most requests each server saw in flight at once against the configured per-host
 * limit. Every response waits LATENCY_MS first, like a remote server, so requests overlap and
 * the servers can see how many the client keeps in flight. Baseline in the same run: plain
 * HTTP GETs of the same 200 bodies at the same concurrency, without parsing or storing.
 * `--derive` also times the derive steps (stories, search, facts) over the stored articles.
 *   npm run bench -- fetch [sources=200] [items=50] [perHost=4] [--derive]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config/load-config.js';
import { runFetchRound } from '../src/fetch-round/run-fetch-round.js';
import { derivePending } from '../src/derive/derive-pending.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { makeRss } from '../test/fetch/fixtures/generated.js';
import { startMockServer, type MockServer } from '../test/fetch/mock-server.js';

const HOSTS = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];
/** Simulated server latency per response. */
const LATENCY_MS = 20;

function rawGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => resolve(n));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** GETs every URL, at most `perHost` at once per host. */
async function baseline(urlsByHost: readonly string[][], perHost: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    urlsByHost.map(async (urls) => {
      const queue = [...urls];
      await Promise.all(
        Array.from({ length: perHost }, async () => {
          for (let u = queue.shift(); u; u = queue.shift()) await rawGet(u);
        }),
      );
    }),
  );
  return (performance.now() - started) / 1000;
}

export async function benchFetch(args: string[]): Promise<Record<string, unknown>> {
  const withDerive = args.includes('--derive');
  const numbers = args.filter((a) => !a.startsWith('--'));
  const sources = Number(numbers[0] ?? 200);
  const items = Number(numbers[1] ?? 50);
  const perHost = Number(numbers[2] ?? 4);
  const servers: MockServer[] = [];
  for (const host of HOSTS) servers.push(await startMockServer({}, host));
  const urlsByHost: string[][] = servers.map(() => []);
  const lines: string[] = [];
  for (let i = 0; i < sources; i++) {
    const h = i % servers.length;
    const server = servers[h]!;
    const body = makeRss({ origin: server.origin, prefix: `s${i}`, count: items });
    server.route(`/feed/${i}`, async (_req, res) => {
      await new Promise((r) => setTimeout(r, LATENCY_MS));
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
    });
    urlsByHost[h]!.push(`${server.origin}/feed/${i}`);
    lines.push(`  - { key: s${i}, kind: feed, url: "${server.origin}/feed/${i}", outlet: 示例${h}, fullText: never }`);
  }
  const config = parseConfig(`sources:\n${lines.join('\n')}
network:
  allowPrivate: true
  retries: 0
  hosts:
    default: { concurrency: ${perHost}, minDelay: 0 }
`);
  const rawSeconds = await baseline(urlsByHost, perHost);
  const peakBaseline = servers.map((s) => s.maxInFlight());
  for (const server of servers) server.resetPeak();

  const dir = mkdtempSync(join(tmpdir(), 'caixun-bench-fetch-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  try {
    let t = performance.now();
    const first = await runFetchRound(config, store);
    const firstSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const second = await runFetchRound(config, store);
    const secondSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    const derived = withDerive ? await derivePending(store) : {};
    const deriveSeconds = (performance.now() - t) / 1000;
    const total = sources * items;
    const observed = servers.map((s) => s.maxInFlight());
    process.stderr.write(
      `round 1: ${first.new} new in ${firstSeconds.toFixed(2)} s; round 2: ${second.unchanged} unchanged in ${secondSeconds.toFixed(2)} s; ` +
        `${withDerive ? `derive ${JSON.stringify(derived)} in ${deriveSeconds.toFixed(2)} s; ` : ''}raw GETs ${rawSeconds.toFixed(2)} s\n`,
    );
    return {
      bench: 'fetch',
      sources,
      itemsPerSource: items,
      items: total,
      stored: await store.countArticles(),
      failed: first.failed + second.failed,
      itemsPerSecond: Math.round(total / firstSeconds),
      itemsPerSecondSecondRound: Math.round(total / secondSeconds),
      ...(withDerive ? { deriveItemsPerSecond: Math.round(total / deriveSeconds) } : {}),
      baselineRawGetItemsPerSecond: Math.round(total / rawSeconds),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      perHostLimit: perHost,
      maxInFlightPerHost: observed,
      maxInFlightPerHostBaseline: peakBaseline,
      limitHeld: observed.every((n) => n <= perHost),
    };
  } finally {
    await store.close();
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}
