import { defineConfig } from 'vitest/config';
import { PG_BACKEND_FILES } from './test/support/pg-backend-files.js';

const ALL = ['src/**/*.test.ts', 'test/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest's default on 2 cores is one fork; most tests wait on child processes (the CLI, the
    // PostgreSQL server), so two forks halve the wall time without starving them.
    maxWorkers: 2,
    // A private PostgreSQL server for every test that needs one (see the file).
    globalSetup: ['test/support/postgres-server.ts'],
    // The suite once on the default SQLite store, then every test that opens a store through
    // testDbSpec() again on PostgreSQL (tests of the PostgreSQL store itself are in the first).
    projects: [
      { extends: true, test: { name: 'sqlite', include: ALL } },
      { extends: true, test: { name: 'postgres', include: PG_BACKEND_FILES, env: { CAIXUN_TEST_BACKEND: 'postgres' } } },
    ],
  },
});
