/** What a user expects of a command line: version, short usage errors, clear empty results. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../corpus.js';
import { runCli } from '../support/cli.js';

const POST = '---\ntitle: 碳中和政策发布\ndate: 2024-01-02\n---\n\n国务院发布碳中和政策，推动绿色发展。碳排放交易市场扩容。\n';
let dir: string;
let db: string;
let imported: Awaited<ReturnType<typeof runCli>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caixun-usage-'));
  mkdirSync(join(dir, 'posts'));
  writeFileSync(join(dir, 'posts', 'one.md'), POST);
  writeFileSync(join(dir, 'posts', 'copy-of-one.md'), POST);
  db = join(dir, 'x.db');
  imported = await runCli(['import', join(dir, 'posts'), '--db', db, '--json', '--no-progress']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caixun as a command line', () => {
  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    expect(r).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
  });

  it('answers a usage error with one line and where to read more, exit 2', async () => {
    const r = await runCli(['import']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("error: missing required argument 'paths'\nsee caixun import --help\n");
    expect(r.stdout).toBe('');
  });

  it('says a first import met the same document twice, not that it was unchanged', () => {
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ files: 2, new: 1, unchanged: 0, duplicates: 1 });
  });

  it('takes our options after `--` in search as options, the rest as the query', async () => {
    const r = await runCli(['search', '碳中和', '--', '-碳排放', '--db', db, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 0 });
    const hit = await runCli(['search', '--', '碳中和', '--db', db, '--page-size=5', '--json']);
    expect(JSON.parse(hit.stdout)).toMatchObject({ total: 1, pageSize: 5 });
  });

  it('says an empty query is empty, exit 2', async () => {
    const r = await runCli(['search', ' ', '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the query is empty/);
  });

  it('says there is no such outlet instead of listing nothing', async () => {
    for (const command of ['articles', 'search']) {
      const r = await runCli([command, ...(command === 'search' ? ['碳中和'] : []), '--outlet', 'nosuch', '--db', db]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/no such outlet in this archive: nosuch .*caixun articles --json/);
    }
    const known = await runCli(['articles', '--outlet', 'unknown', '--db', db, '--json']);
    expect(known.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('names every format import reads, and that every --db takes a PostgreSQL URL', async () => {
    const help = (await runCli(['import', '--help'])).stdout.replace(/\s+/g, ' ');
    for (const format of ['Jekyll', 'Hexo', 'Markdown', 'HTML', 'PDF', 'newspaper']) expect(help).toContain(format);
    // every --db is dbOption() (one help text) except worker's, PostgreSQL only
    const main = readFileSync(join(projectRoot, 'src', 'cli', 'main.ts'), 'utf8');
    const dbLines = [...main.matchAll(/[oO]ption\('--db[^\n]*/g)].map((m) => m[0]);
    expect(dbLines).toHaveLength(2);
    expect(dbLines.filter((l) => !/PostgreSQL URL/.test(l))).toEqual([]);
    for (const command of ['articles', 'worker']) {
      const text = (await runCli([command, '--help'])).stdout.replace(/\s+/g, ' ');
      expect(text, command).toMatch(/--db \S+ .*PostgreSQL URL/);
    }
  });
});
