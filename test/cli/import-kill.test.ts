/**
 * Killing an import half way leaves no half-written batch, and re-running it ends with
 * exactly what a clean run gives.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.js';
import { replicateCorpus } from '../support/replicate-corpus.js';

const DOCS = 1500;
let dir: string;
let docs: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-kill-'));
  docs = join(dir, 'docs');
  replicateCorpus(docs, DOCS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function countRows(db: string): number {
  if (!existsSync(db)) return 0;
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } catch {
    return 0; // schema not created yet
  } finally {
    conn.close();
  }
}

async function exportState(db: string): Promise<string[]> {
  const r = await runCli(['export', '--db', db]);
  expect(r.status).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => {
      const a = JSON.parse(l) as { id: string; contentHash: string };
      return `${a.id} ${a.contentHash}`;
    });
}

it('re-running an import killed mid-way gives the same articles as a clean run', async () => {
  const killedDb = join(dir, 'killed.db');
  // One worker-less process, so the import is slow enough to be caught half way.
  const child = startCli(['import', docs, '--db', killedDb, '--json', '--workers', '0']);
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let atKill = 0;
  for (let i = 0; i < 600 && atKill === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    atKill = countRows(killedDb);
  }
  child.kill('SIGKILL');
  await exited;
  expect(atKill).toBeGreaterThan(0);
  const afterKill = countRows(killedDb);
  expect(afterKill).toBeLessThan(DOCS); // it really was interrupted

  // Storing is what this test is about; the derive steps (stories, search, facts) have tests of
  // their own and would triple the time of each run.
  const resumed = await runCli(['import', docs, '--db', killedDb, '--json', '--no-stories']);
  expect(resumed.status).toBe(0);
  const cleanDb = join(dir, 'clean.db');
  const clean = await runCli(['import', docs, '--db', cleanDb, '--json', '--no-stories']);
  expect(clean.status).toBe(0);
  const cleanNew = (JSON.parse(clean.stdout) as { new: number }).new;
  expect(JSON.parse(resumed.stdout)).toMatchObject({ new: cleanNew - afterKill, updated: 0, failed: 0 });
  // same ids with the same content: nothing half-written survived the kill
  expect(await exportState(killedDb)).toEqual(await exportState(cleanDb));
});
