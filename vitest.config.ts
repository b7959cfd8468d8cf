import { defineConfig } from 'vitest/config';
import DurationSequencer from './test/support/duration-sequencer.js';
import { PG_BACKEND_FILES } from './test/support/pg-backend-files.js';

const ALL = ['src/**/*.test.ts', 'test/**/*.test.ts'];

export default defineConfig({
  test: {
    // A timeout here catches a hang, never slowness: one generous limit for every test and hook
    // instead of per-test guesses. With the machine six times oversubscribed (load 13 on two
    // cores: the suite beside two other builds), corpus tests that take 10 s alone ran past 60 s.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // vitest's default on 2 cores is one fork; most tests wait on child processes (the CLI, the
    // PostgreSQL server), so two forks halve the wall time without starving them.
    // minWorkers must equal maxWorkers: with fewer (vitest's default minimum is 1 here), tinypool
    // may recycle a fork that still has a task when the run moves from the sqlite project to
    // the postgres one, and the run ends in "Terminating worker thread" (every 3-fork run with
    // the default minimum did; 3 forks with minWorkers 3 passed twice).
    maxWorkers: 2,
    minWorkers: 2,
    // Slowest files first, from a committed table (see the file), so no fork finishes alone.
    sequence: { sequencer: DurationSequencer },
    // Test files share their fork and its module cache instead of a fresh process and a fresh
    // import of the pipeline per file (7 min 13 s → 5 min 22 s on two idle cores). Files must
    // therefore leave no global state behind; testDbSpec() checks that a PostgreSQL-run file
    // never sees test/support/backends.ts as a SQLite-run file loaded it.
    isolate: false,
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
