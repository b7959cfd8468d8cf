import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderConfigReference } from './config-reference.js';

describe('docs/configuration.md', () => {
  it('is what `npm run docs:config` writes from the schema now (run it after changing the schema)', () => {
    const committed = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderConfigReference());
  });

  it('names every key of the example configuration, with its default', () => {
    const text = renderConfigReference();
    for (const key of ['sources[].every', 'sources[].fullText', 'network.hosts.HOST.minDelay', 'schedule.jitter']) {
      expect(text).toContain(`| \`${key}\` |`);
    }
    expect(text).toMatch(/\| `sources\[\]\.every` \| duration \| `15m` \|/);
  });
});
