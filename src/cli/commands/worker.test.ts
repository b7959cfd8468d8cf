/**
 * `caixun worker` in-process: usage errors before any database is touched, and one `--once`
 * pass on a fresh PostgreSQL database against a loopback feed (the processes are in
 * test/fetch/worker.test.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeRss } from '../../../test/fetch/fixtures/generated.js';
import { sendBody, startMockServer, type MockServer } from '../../../test/fetch/mock-server.js';
import { freshPgDatabase } from '../../../test/support/postgres.js';
import { createLogger } from '../../log/logger.js';
import { openStore } from '../../store/open-store.js';
import { EXIT } from '../exit.js';
import { runWorkerCommand } from './worker.js';

let server: MockServer;
let dir: string;
let config: string;

beforeAll(async () => {
  server = await startMockServer({
    '/a': sendBody(makeRss({ origin: 'http://x', prefix: 'a', count: 2 }), 'application/rss+xml'),
    '/down': (_req, res) => void res.writeHead(503).end(),
  });
  dir = mkdtempSync(join(tmpdir(), 'caixun-worker-cmd-'));
  config = join(dir, 'c.yaml');
  writeFileSync(
    config,
    `sources:
  - { key: a, kind: feed, url: "${server.origin}/a", outlet: 示例, fullText: never }
network: { allowPrivate: true, retries: 0 }
`,
  );
});
afterAll(async () => {
  await server.close();
});

/** A logger whose lines are kept. */
function memoryLogger(): { logger: ReturnType<typeof createLogger>; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

describe('runWorkerCommand', () => {
  it.each([
    [{ db: undefined }, 'worker: --db postgres://… is required (or set CAIXUN_DB)'],
    [{ db: 'caixun.db' }, 'worker: --db must be a PostgreSQL URL (postgres://…); for a SQLite archive run caixun start --db caixun.db'],
    [{ db: 'postgres://x/y', lease: 'soon' }, 'worker: --lease must be a duration of at least 300ms such as 2m, not "soon"'],
    [{ db: 'postgres://x/y', lease: '10ms' }, 'worker: --lease must be a duration of at least 300ms such as 2m, not "10ms"'],
    [{ db: 'postgres://x/y', concurrency: 0 }, 'worker: --concurrency must be at least 1'],
    [{ db: 'postgres://x/y', config: '/nonexistent.yaml' }, 'config: cannot read /nonexistent.yaml: ENOENT'],
  ])('rejects %j with a usage error', async (options, message) => {
    await expect(runWorkerCommand({ config, ...options })).rejects.toMatchObject({ code: 'usage', message });
  });

  it('polls the due sources once with --once, prints one summary line and exits 0', async () => {
    const db = await freshPgDatabase('workercmd');
    const { logger, lines } = memoryLogger();
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    let code: number;
    try {
      code = await runWorkerCommand({ db, config, once: true, logger });
    } finally {
      write.mockRestore();
    }
    expect(code).toBe(EXIT.ok);
    expect(out).toEqual([
      expect.stringMatching(/^worker \S+: polled 1 sources: 2 new, 0 updated, 0 unchanged, 0 failed\n$/),
    ]);
    const worker = lines[0]?.['worker'];
    expect(lines.filter((l) => l['stage'] === 'fetch')).toEqual([
      expect.objectContaining({ worker, source: 'a', status: 'ok', new: 2 }),
    ]);
    expect(lines.some((l) => l['msg'] === 'derive')).toBe(true);
    const store = await openStore(db);
    try {
      expect(await store.countArticles()).toBe(2);
      expect((await store.sourceStates().getSourceState('a'))?.consecutiveFailures).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('exits 1 when --once polled sources and every one failed', async () => {
    const failing = join(dir, 'down.yaml');
    writeFileSync(
      failing,
      `sources:\n  - { key: down, kind: feed, url: "${server.origin}/down", outlet: 示例 }\nnetwork: { allowPrivate: true, retries: 0 }\n`,
    );
    const { logger } = memoryLogger();
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    try {
      expect(await runWorkerCommand({ db: await freshPgDatabase('workercmd'), config: failing, once: true, logger })).toBe(
        EXIT.partial,
      );
    } finally {
      write.mockRestore();
    }
    expect(out.join('')).toMatch(/: polled 1 sources: 0 new, 0 updated, 0 unchanged, 1 failed\n$/);
  });
});
