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
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  admin.pathname = `/${name}`;
  return admin.toString();
}
