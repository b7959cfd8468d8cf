/**
 * bench storage [N]: SQLite bytes per article on the permuted corpus (bench/permuted-documents.ts).
 * N documents written as files, one plain `caixun import` (store, stories, search, facts) as a whole
 * process, then the file's pages counted per table and index with SQLite's dbstat virtual table.
 * Indexes are counted with their table; FTS5 shadow tables with their FTS table.
 * `--cli PATH` runs another build's dist/cli/main.js (a copy of an earlier build, for before/after).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { projectRoot } from '../test/corpus.js';
import { writePermutedDocuments } from './permuted-documents.js';

const run = promisify(execFile);

/** Bytes per table, indexes and FTS5 shadow tables folded into the table they belong to. */
export function bytesPerTable(dbPath: string): Record<string, number> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const owners = new Map<string, string>();
    const schema = db.prepare(`SELECT name, tbl_name AS tbl, type FROM sqlite_schema`).all() as {
      name: string;
      tbl: string;
      type: string;
    }[];
    const tables = schema.filter((r) => r.type === 'table').map((r) => r.name);
    for (const r of schema) owners.set(r.name, r.tbl);
    // FTS5 shadow tables are named <fts>_data, <fts>_idx, <fts>_content, <fts>_docsize, <fts>_config.
    for (const t of tables) {
      const m = /^(.*)_(data|idx|content|docsize|config)$/.exec(t);
      if (m && tables.includes(m[1]!)) owners.set(t, m[1]!);
    }
    const rows = db.prepare(`SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name`).all() as {
      name: string;
      bytes: number;
    }[];
    const out: Record<string, number> = {};
    for (const r of rows) {
      let owner = owners.get(r.name) ?? r.name;
      while (owners.get(owner) && owners.get(owner) !== owner) owner = owners.get(owner)!;
      out[owner] = (out[owner] ?? 0) + r.bytes;
    }
    return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
  } finally {
    db.close();
  }
}

export async function benchStorage(args: string[]): Promise<Record<string, unknown>> {
  const cliAt = args.indexOf('--cli');
  const cli = cliAt < 0 ? join(projectRoot, 'dist', 'cli', 'main.js') : args[cliAt + 1];
  if (cli === undefined) throw new Error('bench storage: --cli needs the path of a built dist/cli/main.js');
  if (cliAt >= 0) args = args.filter((_a, i) => i !== cliAt && i !== cliAt + 1);
  const n = Number(args[0] ?? 1000);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench storage: N must be a positive whole number, got ${args[0]}`);
  const work = mkdtempSync(join(tmpdir(), 'caixun-storage-'));
  try {
    const docs = join(work, 'docs');
    const made = writePermutedDocuments(docs, n);
    const db = join(work, 'archive.db');
    const started = performance.now();
    const { stdout } = await run(process.execPath, [cli, 'import', docs, '--db', db, '--json', '--no-progress'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    const seconds = (performance.now() - started) / 1000;
    const lines = stdout.trim().split('\n');
    const summary = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    const articles = Number(summary['new'] ?? 0);
    // Fold the WAL in so the file size is the archive's size.
    const writer = new Database(db);
    writer.pragma('wal_checkpoint(TRUNCATE)');
    writer.close();
    const tables = bytesPerTable(db);
    const fileBytes = statSync(db).size;
    const perArticle = (b: number): number => Math.round(b / Math.max(1, articles));
    return {
      bench: 'storage',
      cli,
      documents: made.files,
      inputBytes: made.bytes,
      articles,
      importSeconds: Number(seconds.toFixed(2)),
      importPerSecond: Math.round(articles / seconds),
      fileBytes,
      bytesPerArticle: perArticle(fileBytes),
      tableBytes: tables,
      tableBytesPerArticle: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, perArticle(v)])),
      targetBytesPerArticle: 8 * 1024,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
