import { describe, expect, it } from 'vitest';
import type { StoryFact } from '../../facts/story-merge.js';
import { serverLinks } from '../links.js';
import { formatClaimValue, renderFactsPanel } from './facts-panel.js';

const fact = (over: Partial<StoryFact>): StoryFact => ({
  subject: '北向资金净流入',
  subjectKey: '北向资金净流入',
  period: null,
  unit: '元',
  kind: 'level',
  status: 'agreement',
  values: [{ value: 4e9, high: null, qualifier: '超过', text: '超40亿元', articleIds: ['a', 'b'] }],
  articleIds: ['a', 'b'],
  ...over,
});

describe('formatClaimValue', () => {
  it.each([
    [[1300000, '个', '超过', null], '超过130万个'],
    [[42.2, '%', null, null], '42.2%'],
    [[6.3, '', null, 6.7], '6.3-6.7'],
    [[222, ':', null, 212], '222:212'],
  ] as const)('%j → %s', ([v, u, q, h], text) => expect(formatClaimValue(v, u, q, h)).toBe(text));
});

describe('renderFactsPanel', () => {
  it('is empty for a story without figures', () => {
    expect(renderFactsPanel({ storyId: 's', versionIds: ['a'], facts: [] }, serverLinks())).toBe('');
  });

  it('highlights a conflict, names each version and escapes subjects', () => {
    const out = renderFactsPanel(
      {
        storyId: 'st-1',
        versionIds: ['a', 'b'],
        facts: [
          fact({
            status: 'conflict',
            values: [
              { value: 3e9, high: null, qualifier: '达到', text: '达30亿元', articleIds: ['a'] },
              { value: 4e9, high: null, qualifier: '超过', text: '超40亿元', articleIds: ['b'] },
            ],
          }),
          fact({ subject: '<script>', status: 'partial', articleIds: ['a'] }),
        ],
        outletOf: new Map([['a', '东方财富'], ['b', '新华财经']]),
        subjectHref: (s) => `/facts/subject/${encodeURIComponent(s)}`,
      },
      serverLinks(),
    );
    expect(out).toContain('<mark class="facts-conflict">1 项说法不一</mark>');
    expect(out).toContain('<mark class="facts-conflict">达到30亿元</mark> <small>(<a href="/article/a">东方财富</a>)</small> <span class="vs">vs</span> <mark class="facts-conflict">超过40亿元</mark> <small>(<a href="/article/b">新华财经</a>)</small>');
    expect(out).toContain('<tr class="facts-partial"><td>部分报道</td><td><a href="/facts/subject/%3Cscript%3E">&lt;script&gt;</a></td>');
    expect(out).not.toContain('<script>');
  });

  it('names each outlet once per value', () => {
    const out = renderFactsPanel(
      { storyId: 'st-1', versionIds: ['a', 'b', 'c'], facts: [fact({ values: [{ value: 4e9, high: null, qualifier: null, text: '40亿元', articleIds: ['a', 'b', 'c'] }], articleIds: ['a', 'b', 'c'] })], outletOf: new Map([['a', '新浪财经'], ['b', '新浪财经'], ['c', '东方财富']]) },
      serverLinks(),
    );
    expect(out).toContain('<small>(<a href="/article/a">新浪财经</a>、<a href="/article/c">东方财富</a>)</small>');
  });
});
