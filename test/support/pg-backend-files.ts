/**
 * The tests that open a store through `testDbSpec()` (test/support/backends.ts), so they run on
 * whichever backend CAIXUN_TEST_BACKEND selects: vitest.config.ts runs exactly these files a
 * second time with CAIXUN_TEST_BACKEND=postgres. Project-root-relative vitest `include` globs.
 */
// Chromium tests (test/web/browser.test.ts, test/export/site-browser.test.ts) run once: they
// test rendering, and every route they open reads through the WebData tested here on both.
export const PG_BACKEND_FILES: string[] = [
  // facts: extraction and queries over a store
  'src/facts/derive.test.ts',
  'src/facts/query.test.ts',
  // fetch rounds: feeds, pages and e-papers stored, source state kept
  'src/fetch-round/run-fetch-round.test.ts',
  'src/fetch-round/poll-page.test.ts',
  'src/fetch-round/deduplicate.test.ts',
  'src/fetch-round/poll-epaper.test.ts',
  'test/fetch/faults.test.ts',
  // a saved page imports as the live page source fetches it
  'src/ingest/import-matches-fetch.corpus.test.ts',
  'test/fetch/hostile-items.test.ts',
  'test/fetch/hostile-feeds.test.ts',
  // retention: pruning raw inputs and old articles with what derives from them
  'src/retention/prune-archive.test.ts',
  'test/cli/prune.test.ts',
  // stories: clustering over the story tables
  'src/stories/cluster-store.test.ts',
  // the scheduler polling into a store and deriving
  'src/scheduler/scheduler.test.ts',
  // web: data layer, app, facts routes, and the corpus archive served over HTTP (web-fixture.ts)
  'src/web/data/web-data.test.ts',
  'src/web/app.test.ts',
  'src/web/routes/facts.test.ts',
  'test/web/api.test.ts',
  'test/web/feeds.test.ts',
  'test/web/pages.test.ts',
  'test/web/serve.test.ts',
  // stories stored out of publication order end as in-order clustering makes them
  'test/stories/late-arrivals.test.ts',
  // the real CLI in a child process with `--db <file or postgres:// URL>`
  'test/fetch/fetch-cli.test.ts',
  'test/cli/import.test.ts',
  'test/cli/stories.test.ts',
  'test/cli/import-pdf.test.ts',
  'test/cli/import-concurrent.test.ts',
  'test/facts/facts-cli.test.ts',
  'test/pdf/newspaper-story.test.ts',
  // static-site export from an imported store (exported-corpus.ts)
  'test/export/export-site.test.ts',
  // the labelled corpus imported into a store by test/stories/load-corpus.ts
  'test/stories/corpus-stories.test.ts',
  'test/stories/story-page-corpus.test.ts',
  'src/export/client-script.test.ts',
];
