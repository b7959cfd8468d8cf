import { describe, expect, it } from 'vitest';
import { configSchema } from './schema.js';
import { readOpmlFeeds, renderFeedsYaml, renderSourcesOpml } from './opml.js';

const opml = (body: string, prolog = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>${prolog}<opml version="2.0"><head><title>t</title></head><body>${body}</body></opml>`;

describe('OPML', () => {
  it('exports the configured feed sources and reads them back', () => {
    const config = configSchema.parse({
      sources: [
        { key: 'cls-depth', kind: 'feed', url: 'https://rsshub.app/cls/depth/1000', outlet: '财联社 <深度>', categories: ['深度'] },
        { key: 'api', kind: 'newsapi', url: 'https://api.example.com/list', outlet: 'x', newsapi: {} },
      ],
    });
    const xml = renderSourcesOpml(config.sources);
    expect(xml).toContain('<opml version="2.0">');
    expect(readOpmlFeeds(xml)).toEqual({ feeds: [{ title: '财联社 <深度>', xmlUrl: 'https://rsshub.app/cls/depth/1000' }], skipped: [] });
  });

  it('flattens folders, skips outlines without a usable xmlUrl with a reason', () => {
    const { feeds, skipped } = readOpmlFeeds(
      opml(
        '<outline text="财经"><outline text="新浪" xmlUrl="https://rsshub.app/sina/finance/china/1686"/>' +
          '<outline text="no url"/><outline text="file" xmlUrl="file:///etc/passwd"/><outline text="bad" xmlUrl="http://[::1"/></outline>',
      ),
    );
    expect(feeds).toEqual([{ title: '新浪', xmlUrl: 'https://rsshub.app/sina/finance/china/1686' }]);
    expect(skipped.map((s) => s.reason)).toEqual(['no xmlUrl', expect.stringMatching(/not http/), expect.stringMatching(/not a URL/)]);
  });

  it('neither expands entity bombs nor reads external entities', () => {
    const lol = '<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY x SYSTEM "file:///etc/passwd">]>';
    const bomb = opml('<outline text="&f;&x;" xmlUrl="https://example.com/feed"/>', lol);
    let titles = '';
    try {
      titles = readOpmlFeeds(bomb).feeds.map((f) => f.title).join('');
    } catch (err) {
      expect((err as Error).message).toMatch(/OPML/);
    }
    expect(titles.length).toBeLessThan(10_000);
    expect(titles).not.toContain('root:');
  });

  it('writes YAML for the feeds not configured yet, with unique keys the schema accepts', () => {
    const feeds = [
      { title: '新浪', xmlUrl: 'https://rsshub.app/sina/finance/china/1686' },
      { title: '新浪 again', xmlUrl: 'https://rsshub.app/sina/finance/china/1686' },
      { title: '已有', xmlUrl: 'https://rsshub.app/cls/depth/1000' },
    ];
    const out = renderFeedsYaml(feeds, [
      { key: 'rsshub-app-sina-finance-china-1686', url: 'https://other.example/feed' },
      { key: 'cls', url: 'https://rsshub.app/cls/depth/1000' },
    ]);
    expect(out).toMatchObject({ added: 1, alreadyConfigured: 2 });
    expect(out.yaml).toContain('key: rsshub-app-sina-finance-china-1686-2');
  });
});
