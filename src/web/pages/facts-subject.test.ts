import { describe, expect, it } from 'vitest';
import type { Series } from '../../facts/series.js';
import { serverLinks } from '../links.js';
import { renderFactsSubjectPage, renderSeriesChart } from './facts-subject.js';

const series: Series = {
  subject: '5G基站',
  subjectKey: '5G基站',
  unit: '个',
  kind: 'count',
  points: [
    { articleId: 'a', date: '2021-10', period: '2021-01/2021-10', publishedAt: null, value: 1300000, qualifier: '超过' },
    { articleId: 'b', date: '2022-01-20', period: null, publishedAt: null, value: 1390000, qualifier: null },
    { articleId: 'c', date: '2022-09', period: '2022-01/2022-09', publishedAt: null, value: 1968000, qualifier: null },
  ],
};

describe('renderSeriesChart', () => {
  it('draws one point per report from the lowest to the highest value', () => {
    const svg = renderSeriesChart(series).value;
    expect(svg).toContain('<path d="M72,200 L348,175.2 L624,16" fill="none" stroke="#b4232a" stroke-width="2"/>');
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg).toContain('<title>2021-01/2021-10：超过130万个</title>');
    expect(svg).toContain('>196.8万</text>');
    expect(svg).not.toContain('style=');
  });

  it('centres a single point and survives equal values', () => {
    const one = renderSeriesChart({ ...series, points: [series.points[0]!] }).value;
    expect(one).toContain('<path d="M348,108"');
    expect(renderSeriesChart({ ...series, points: [] }).value).toBe('');
  });
});

describe('renderFactsSubjectPage', () => {
  it('shows targets with their status and each series with its chart', () => {
    const page = renderFactsSubjectPage(
      {
        subject: '5G基站',
        series: [series],
        targets: [{ articleId: 't', subject: '5G基站', subjectKey: '5G基站', value: 2000000, unit: '个', deadline: '2022-12-31', status: 'missed', evidence: ['c'] }],
      },
      serverLinks(),
    );
    expect(page).toContain('<title>5G基站 · 数字 · 财讯</title>');
    expect(page).toContain('<tr class="target-missed"><td><mark>未实现</mark></td><td>5G基站</td><td>200万个</td><td>2022-12-31</td><td><a href="/article/t">t</a></td><td><a href="/article/c">c</a></td></tr>');
    expect(page).toContain('<svg class="facts-chart"');
  });

  it('says so when nothing is known about the subject', () => {
    expect(renderFactsSubjectPage({ subject: '<b>', series: [], targets: [] }, serverLinks())).toContain('<p>没有关于“&lt;b&gt;”的数字。</p>');
  });
});
