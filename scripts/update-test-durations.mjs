#!/usr/bin/env node
// Writes test/support/test-durations.json (read by test/support/duration-sequencer.ts) from the
// durations vitest cached in node_modules/.vite on the last full `npm test`. Run it after a full
// run on an idle machine and commit the table when the slow files have changed.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const cacheRoot = join('node_modules', '.vite', 'vitest');
const caches = existsSync(cacheRoot) ? readdirSync(cacheRoot).map((d) => join(cacheRoot, d, 'results.json')).filter(existsSync) : [];
if (caches.length === 0) {
  console.error(`no vitest results in ${cacheRoot}: run \`npm test\` first`);
  process.exit(2);
}
const table = {};
for (const file of caches) {
  for (const [key, result] of JSON.parse(readFileSync(file, 'utf8')).results) {
    // `project:path`; files deleted since stay out.
    if (result.duration > 0 && existsSync(key.slice(key.indexOf(':') + 1))) table[key] = Math.round(result.duration);
  }
}
const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(join('test', 'support', 'test-durations.json'), `${JSON.stringify(sorted, null, 1)}\n`);
console.log(`wrote ${Object.keys(sorted).length} test-file durations`);
