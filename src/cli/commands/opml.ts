/**
 * `caixun sources --opml`: the configured feed sources as OPML 2.0;
 * `caixun import-opml FILE`: the OPML's feeds as `sources:` YAML to add to the configuration.
 * import-opml prints instead of editing the file: rewriting a user's YAML would drop its comments.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadConfig } from '../../config/load-config.js';
import { readOpmlFeeds, renderFeedsYaml, renderSourcesOpml } from '../../config/opml.js';
import { UsageError } from '../../util/errors.js';
import { EXIT } from '../exit.js';

/** OPML files larger than this are refused (a reader's export is kilobytes). */
const MAX_OPML_BYTES = 5 * 1024 * 1024;

export async function runSourcesOpmlCommand(options: { config?: string }): Promise<number> {
  const config = loadConfig(options.config ?? 'caixun.config.yaml');
  process.stdout.write(renderSourcesOpml(config.sources));
  return EXIT.ok;
}

export async function runImportOpmlCommand(file: string, options: { config: string }): Promise<number> {
  let xml: Buffer;
  try {
    xml = readFileSync(file);
  } catch {
    throw new UsageError(`import-opml: cannot read ${file}`);
  }
  if (xml.length > MAX_OPML_BYTES) throw new UsageError(`import-opml: ${file} is larger than 5 MB; not an OPML export`);
  let parsed;
  try {
    parsed = readOpmlFeeds(xml.toString('utf8'));
  } catch (err) {
    throw new UsageError(`import-opml: ${file}: ${(err as Error).message}`);
  }
  const existing = existsSync(options.config) ? loadConfig(options.config).sources : [];
  const out = renderFeedsYaml(parsed.feeds, existing);
  if (out.yaml !== '') process.stdout.write(out.yaml);
  for (const s of parsed.skipped) process.stderr.write(`import-opml: skipped ${s.outline}: ${s.reason}\n`);
  const where = existing.length > 0 ? ` (already in ${options.config}: ${out.alreadyConfigured})` : '';
  process.stderr.write(
    out.added === 0
      ? `import-opml: nothing to add${where}\n`
      : `import-opml: ${out.added} feeds to add${where}; add the entries above under \`sources:\` in ${options.config} ` +
          `(check each outlet name)\n`,
  );
  return EXIT.ok;
}
