/** OPML out of the configured sources and back in, through the real CLI. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema } from '../../src/config/schema.js';
import { projectRoot } from '../corpus.js';
import { runCli } from '../support/cli.js';

const example = join(projectRoot, 'caixun.config.example.yaml');
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'caixun-opml-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('caixun sources --opml and import-opml', () => {
  it('exports the feed sources and imports them into another configuration as valid sources', async () => {
    const exported = await runCli(['sources', '--opml', '--config', example]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^<\?xml[^>]*>\n<opml version="2.0">/);
    const file = join(dir, 'feeds.opml');
    writeFileSync(file, exported.stdout);
    const feeds = (exported.stdout.match(/<outline /g) ?? []).length;
    expect(feeds).toBeGreaterThan(0);

    const imported = await runCli(['import-opml', file, '--config', join(dir, 'none.yaml')]);
    expect(imported.status).toBe(0);
    const config = configSchema.parse(parse(imported.stdout));
    expect(config.sources).toHaveLength(feeds);
    expect(imported.stderr).toMatch(new RegExp(`${feeds} feeds to add`));

    const again = await runCli(['import-opml', file, '--config', example]);
    expect(again).toMatchObject({ status: 0, stdout: '' });
    expect(again.stderr).toMatch(/nothing to add/);
  });

  it('refuses a file that is not OPML with one line, exit 2', async () => {
    const file = join(dir, 'not.opml');
    writeFileSync(file, '<html><body>hello</body></html>');
    const r = await runCli(['import-opml', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^caixun: import-opml: .*not an OPML document/);
  });
});
