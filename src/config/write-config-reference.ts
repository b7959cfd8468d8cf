/** `npm run docs:config`: writes docs/configuration.md from the config schema. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderConfigReference } from './config-reference.js';

const target = fileURLToPath(new URL('../../docs/configuration.md', import.meta.url));
mkdirSync(fileURLToPath(new URL('../../docs/', import.meta.url)), { recursive: true });
writeFileSync(target, renderConfigReference());
process.stdout.write(`wrote ${target}\n`);
