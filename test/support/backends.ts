/**
 * Which store backend a test runs on. The suite runs twice in `npm test`: once on SQLite and once
 * with CAIXUN_TEST_BACKEND=postgres for every test that opens a store (vitest.config.ts lists
 * them), each test on a fresh database of the private server test/support/postgres-server.ts
 * started. Contract tests that must always cover both use {@link BACKENDS} directly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPgDatabase } from './postgres.js';

export type BackendName = 'sqlite' | 'postgres';

/** Both backends, for `describe.each`. */
export const BACKENDS: readonly BackendName[] = ['sqlite', 'postgres'];

/** The backend this run of the suite tests (CAIXUN_TEST_BACKEND, default sqlite). */
export const TEST_BACKEND: BackendName = process.env.CAIXUN_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A fresh, empty database of `backend`, as a `--db` value: a file path under `dir` (a new
 * temporary directory when omitted) or a PostgreSQL URL.
 */
export async function freshDbSpec(backend: BackendName, dir?: string, name = 'caixun.db'): Promise<string> {
  if (backend === 'postgres') return freshPgDatabase();
  return join(dir ?? mkdtempSync(join(tmpdir(), 'caixun-test-')), name);
}

/** A fresh database of the suite's backend ({@link TEST_BACKEND}). */
export function testDbSpec(dir?: string, name?: string): Promise<string> {
  // vitest.config.ts lets unit-test files share a process and its module cache; a file of the
  // PostgreSQL run must never see this module as the SQLite run loaded it.
  const asked: BackendName = process.env.CAIXUN_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';
  if (asked !== TEST_BACKEND) throw new Error(`test backend ${asked} asked, but this module was loaded for ${TEST_BACKEND}`);
  return freshDbSpec(TEST_BACKEND, dir, name);
}
