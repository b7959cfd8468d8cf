/**
 * `npm run eval -- NAME`: runs one evaluation, prints its details to stderr and its figures as
 * ONE JSON object on the last stdout line.
 */
import { evalEpaper } from './epaper.js';
import { evalPage } from './page.js';
import { evalFacts } from './facts.js';
import { evalPdf } from './pdf.js';
import { evalStories } from './stories.js';

const evals: Record<string, (args: string[]) => Promise<Record<string, unknown>>> = {
  epaper: evalEpaper,
  facts: evalFacts,
  page: evalPage,
  pdf: evalPdf,
  stories: evalStories,
};

const [name, ...args] = process.argv.slice(2);
const run = name === undefined ? undefined : evals[name];
if (run === undefined) {
  process.stderr.write(`usage: npm run eval -- <${Object.keys(evals).join('|')}>\n`);
  process.exit(2);
}
const result = await run(args);
process.stdout.write(`${JSON.stringify(result)}\n`);
