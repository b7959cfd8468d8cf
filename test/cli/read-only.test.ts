/** A database in a folder the user cannot write still answers the commands that only read. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

// root writes anywhere: run the reading commands as `nobody` then
const asReader = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-ro-'));
  mkdirSync(join(dir, 'posts'));
  writeFileSync(join(dir, 'posts', 'one.md'), '---\ntitle: 碳中和政策发布\ndate: 2024-01-02\n---\n\n国务院发布碳中和政策。\n');
  db = join(dir, 'archive', 'x.db');
  expect((await runCli(['import', join(dir, 'posts'), '--db', db, '--no-progress'])).status).toBe(0);
  chmodSync(dir, 0o755);
  chmodSync(join(dir, 'archive'), 0o555);
  chmodSync(db, 0o444);
});
afterAll(() => {
  chmodSync(join(dir, 'archive'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('a database in a read-only folder', () => {
  it('opens read-only for articles, search, stories and export', async () => {
    for (const args of [['articles'], ['search', '碳中和'], ['stories'], ['export']]) {
      const r = await runCli([...args, '--db', db], asReader);
      expect(r.status, `${args[0]}: ${r.stderr}`).toBe(0);
      expect(r.stdout, args[0]).toMatch(/碳中和政策发布/);
    }
  });
});
