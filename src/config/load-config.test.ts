import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './load-config.js';

const minimal = `
sources:
  - key: sina-finance
    kind: feed
    url: https://example.org/sina/finance
    outlet: 新浪财经
    every: 5m
network:
  allowPrivate: false
`;

function errorOf(text: string): string {
  try {
    parseConfig(text, 'test.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('reads the minimal shape and fills defaults', () => {
    const config = parseConfig(minimal);
    expect(config.sources[0]).toEqual({
      key: 'sina-finance',
      kind: 'feed',
      url: 'https://example.org/sina/finance',
      outlet: '新浪财经',
      every: 300_000,
      categories: [],
      enabled: true,
      urls: [],
      fullText: 'auto',
    });
    expect(config.network).toMatchObject({
      allowPrivate: false,
      connectTimeout: 10_000,
      maxBodySize: 10 * 1024 * 1024,
      retries: 2,
      hosts: {},
    });
    expect(config.schedule.backoffCeiling).toBe(6 * 3_600_000);
  });

  it('reads a news API mapping and host limits', () => {
    const config = parseConfig(`
sources:
  - key: finews
    kind: newsapi
    url: https://api.example.com/list
    outlet: 东方财富
    newsapi:
      recordsPath: data.list
      fields: { code: infoCode, mediaName: medianame }
      detailUrl: https://api.example.com/text?code={code}
      detailHtmlPath: data.content
network:
  hosts:
    default: { concurrency: 1, minDelay: 2s }
`);
    expect(config.sources[0]?.newsapi).toMatchObject({
      recordsPath: 'data.list',
      fields: { code: 'infoCode', title: 'title', mediaName: 'medianame' },
      detailUrl: 'https://api.example.com/text?code={code}',
    });
    expect(config.network.hosts['default']).toEqual({ concurrency: 1, minDelay: 2000 });
  });

  it.each([
    [minimal.replace('every: 5m', 'every: soon'), 'sources[0].every: expected a duration like 5m'],
    [minimal.replace('kind: feed', 'kind: podcast'), 'sources[0].kind: Invalid enum value'],
    [
      minimal.replace('url: https://example.org/sina/finance', 'url: ftp://example.org/x'),
      'sources[0].url: expected an http(s) URL',
    ],
    [
      minimal.replace('key: sina-finance', 'key: Sina Finance'),
      'sources[0].key: expected a lowercase slug',
    ],
    [minimal.replace('    outlet: 新浪财经\n', ''), 'sources[0].outlet: required'],
    [
      minimal.replace('allowPrivate: false', 'allowPrivate: "no"'),
      'network.allowPrivate: Expected boolean',
    ],
    [
      minimal.replace('allowPrivate: false', 'allowPrivat: false'),
      'network: unknown key allowPrivat',
    ],
    [
      `${minimal}  - key: sina-finance\n    kind: feed\n    url: https://e.org/\n    outlet: x\n`.replace(
        'network:\n  allowPrivate: false\n',
        '',
      ),
      'sources[1].key: duplicate key sina-finance',
    ],
    [
      'sources:\n  - key: n\n    kind: newsapi\n    url: https://e.org/\n    outlet: x\n',
      'sources[0].newsapi: a newsapi source needs a newsapi mapping',
    ],
    [
      minimal.replace('every: 5m', 'every: 5m\n    page: { links: "a", linkPattern: "([" }'),
      'sources[0].page.linkPattern: expected a regular expression',
    ],
    [minimal.replace('every: 5m', 'every: 5m\n    fullText: sometimes'), 'sources[0].fullText: Invalid enum value'],
    [`${minimal}schedule: { jitter: 2 }\n`, 'schedule.jitter: Number must be less than or equal to 1'],
    ['sources: []', 'sources: expected at least one source'],
    ['network: {}', 'sources: required'],
  ])('names the bad key (%#)', (text, message) => {
    expect(errorOf(text)).toContain(message);
  });

  it('reports broken YAML with its line', () => {
    expect(errorOf('sources:\n  - key: a\n   kind: [')).toMatch(
      /^config: test\.yaml is not valid YAML at line \d/,
    );
  });
});

describe('loadConfig', () => {
  it('reads a file and reports a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caixun-config-'));
    const file = join(dir, 'caixun.config.yaml');
    writeFileSync(file, minimal);
    expect(loadConfig(file).sources).toHaveLength(1);
    expect(() => loadConfig(join(dir, 'missing.yaml'))).toThrow(
      /config: cannot read .*missing\.yaml: ENOENT/,
    );
  });

  it('accepts the shipped example configuration', () => {
    const config = loadConfig(
      new URL('../../caixun.config.example.yaml', import.meta.url).pathname,
    );
    expect(config.sources.length).toBeGreaterThan(3);
    expect(config.network.allowPrivate).toBe(false);
  });
});
