import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
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
    expect(item?.title).toBe('标题 ]]&gt; 与控制字符 & <b>');
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
});
