/**
 * `npm run bench -- NAME`: runs one benchmark and prints its figures as ONE JSON object
 * on the last line. Benchmarks compare against a baseline measured in the same run,
 * because these machines are noisy.
 */
import { benchFacts } from './facts.js';
import { benchFetch } from './fetch.js';
import { benchImport } from './import.js';
import { benchIngest } from './ingest.js';
import { benchPipeline } from './pipeline.js';
import { benchSearch } from './search.js';
import { benchStorage } from './storage.js';
import { benchStories } from './stories.js';
import { benchStoriesPending } from './stories-pending.js';
import { benchWeb } from './web.js';

const benches: Record<string, (args: string[]) => Promise<Record<string, unknown>>> = {
  facts: benchFacts,
  fetch: benchFetch,
  import: benchImport,
  ingest: benchIngest,
  pipeline: benchPipeline,
  stories: benchStories,
  'stories-pending': benchStoriesPending,
  web: benchWeb,
  search: benchSearch,
  storage: benchStorage,
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? benches[name] : undefined;
if (!bench) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]\n`);
  process.exit(2);
}
const result = await bench(args);
process.stdout.write(`${JSON.stringify(result)}\n`);
