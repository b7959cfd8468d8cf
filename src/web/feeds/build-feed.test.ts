import fc from 'fast-check';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { strictXmlProblems } from '../../../test/web/support/strict-xml.js';
import { buildFeed, storyGuid, type FeedEntry, type FeedMeta } from './build-feed.js';

const meta: FeedMeta = {
  title: '最新报道 · 财讯',
  description: '财讯：最新报道',
  siteUrl: 'https://news.example.org/',
  self: { rss: 'https://news.example.org/feeds/stories.xml', atom: 'https://news.example.org/feeds/stories.atom', json: 'https://news.example.org/feeds/stories.json' },
  now: '2026-11-30T00:00:00.000Z',
};
const entry: FeedEntry = {
  storyId: 'st-0123456789ab',
  title: '标题 ]]> 与\u0001控制字符 & <b>',
  link: 'https://news.example.org/story/st-0123456789ab',
  contentHtml: '<p>正文 ]]&gt; 结束</p>',
  summary: '摘要\u000b',
  published: '2021-12-20T18:52:20+08:00',
  updated: '2021-12-21T09:00:00+08:00',
  outlets: ['新华财经', '东方财富'],
  categories: ['宏观'],
};

describe('buildFeed', () => {
  it('writes XML a parser reads back even from titles with CDATA ends and control characters', () => {
    const rss = parseRssFeed(buildFeed(meta, [entry], 'rss'));
    const item = rss.items?.[0];
    expect(item?.title).toBe('标题 ]]> 与控制字符 & <b>');
    expect(item?.guid).toEqual({ value: storyGuid('st-0123456789ab'), isPermaLink: false });
    expect(Date.parse(item?.pubDate ?? '')).toBe(Date.parse('2021-12-20T10:52:20Z'));
    expect(item?.description).toBe('摘要');
    const atom = parseAtomFeed(buildFeed(meta, [entry], 'atom'));
    expect(atom.updated).toBe('2021-12-21T01:00:00.000Z');
    expect(atom.entries?.[0]?.published).toBe('2021-12-20T10:52:20.000Z');
    expect(atom.entries?.[0]?.content?.value).toBe('<p>正文 ]]&gt; 结束</p>');
  });

  it('falls back to the other date, then to now, when a story is undated', () => {
    const json = parseJsonFeed(JSON.parse(buildFeed(meta, [{ ...entry, published: null }, { ...entry, storyId: 'st-2', published: null, updated: null }], 'json')));
    expect(json.items?.map((i) => [i.id, i.date_published])).toEqual([
      ['urn:caixun:story:st-0123456789ab', '2021-12-21T01:00:00.000Z'],
      ['urn:caixun:story:st-2', '2026-11-30T00:00:00.000Z'],
    ]);
  });

  // Text that broke feeds before: markup characters, the CDATA terminator, characters XML 1.0
  // cannot carry (C0 controls, lone surrogates, U+FFFE/U+FFFF) and quotes in attribute values.
  const hostile = ['A股<港股', 'R&D "quoted" \'single\'', ']]>', '<![CDATA[x]]>', '&amp; &#1; &nbsp;', 'a\u0000\u0001\u000b\u001f', '\uD800 lone \uDFFF', '\uFFFE\uFFFF', '\u0085\u009f', '</title><script>x</script>', '𠀀 astral'];
  // Any UTF-16 code unit (lone surrogates too), astral characters and the markup that matters.
  const unit = fc.oneof(fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), fc.constantFrom('<', '>', '&', '"', "'", ']]>', '&amp;', '𠀀'));
  const hostileText = fc.array(unit, { maxLength: 40 }).map((units) => units.join(''));
  const hostileEntry = (text: string): FeedEntry => ({ ...entry, title: text, summary: text, contentHtml: `<p>${text}</p>`, outlets: [text, '新华财经'], categories: [text, 'A股<港股'] });
  const hostileMeta = (text: string): FeedMeta => ({ ...meta, title: `${text} · 财讯`, description: `财讯：${text}` });

  it.each(['rss', 'atom'] as const)('%s: well-formed XML 1.0 whatever the titles, categories and outlet names', (format) => {
    for (const text of hostile) {
      expect([text, strictXmlProblems(buildFeed(hostileMeta(text), [hostileEntry(text)], format))]).toEqual([text, []]);
    }
    fc.assert(
      fc.property(hostileText, hostileText, (a, b) => {
        expect(strictXmlProblems(buildFeed(hostileMeta(a + b), [hostileEntry(b + a)], format))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('hostile text reads back as itself, less the characters XML cannot carry', () => {
    const text = 'A股<港股 & "R&D" ]]> \u0001\uD800\uFFFE end';
    const clean = 'A股<港股 & "R&D" ]]>  end';
    const rss = parseRssFeed(buildFeed(hostileMeta(text), [hostileEntry(text)], 'rss'));
    expect(rss.title).toBe(`${clean} · 财讯`);
    expect(rss.items?.[0]?.title).toBe(clean);
    expect(rss.items?.[0]?.categories?.map((c) => c.name)).toEqual([clean, 'A股<港股']);
    expect(rss.items?.[0]?.dc?.creators).toEqual([clean, '新华财经']);
    const atom = parseAtomFeed(buildFeed(hostileMeta(text), [hostileEntry(text)], 'atom'));
    const e = atom.entries?.[0];
    expect(e?.title?.value).toBe(clean);
    expect(e?.categories?.map((c) => c.term)).toEqual([clean, 'A股<港股']);
    expect(e?.authors?.map((a) => a.name)).toEqual([clean, '新华财经']);
    expect(e?.content?.value).toBe(`<p>${clean}</p>`);
    const json = JSON.parse(buildFeed(hostileMeta(text), [hostileEntry(text)], 'json')) as { items: { title: string; tags: string[]; authors: { name: string }[] }[] };
    expect(json.items[0]).toMatchObject({ title: clean, tags: [clean, 'A股<港股'], authors: [{ name: clean }, { name: '新华财经' }] });
  });
});
