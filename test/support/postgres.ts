/** One fresh PostgreSQL database per test, on the server test/support/postgres-server.ts started. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The admin URL of the test server; throws a clear message when there is none. */
export function pgAdminUrl(): string {
  const url = process.env.CAIXUN_TEST_PG;
  if (!url) throw new Error(process.env.CAIXUN_TEST_PG_MISSING ?? 'CAIXUN_TEST_PG is not set (vitest globalSetup starts a server)');
  return url;
}

/** Create an empty database and return its URL. */
export async function freshPgDatabase(prefix = 't'): Promise<string> {
  const admin = new URL(pgAdminUrl());
  const name = `caixun_${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    if (fileCopy) {
      // FILE_COPY copies template1's files instead of writing them through the WAL (PostgreSQL
      // 15's default): 39 against 140 ms a database here, on a server with fsync off, and the
      // suite makes one per PostgreSQL test.
      try {
        await client.query(`CREATE DATABASE ${name} STRATEGY FILE_COPY`);
        return urlOf(admin, name);
      } catch (e) {
        if ((e as { code?: string }).code !== '42601') throw e; // before 15: no STRATEGY option
        fileCopy = false;
      }
    }
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return urlOf(admin, name);
}

let fileCopy = true;

function urlOf(admin: URL, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
