import { describe, expect, it } from 'vitest';
import { buildSeries, evaluateTargets, periodSortKey, type TimedClaim } from './series.js';

const c = (articleId: string, value: number, publishedAt: string, over: Partial<TimedClaim> = {}): TimedClaim => ({
  articleId,
  subject: '5G基站',
  subjectKey: '5G基站',
  unit: '个',
  kind: 'count',
  value,
  qualifier: null,
  period: null,
  deadline: null,
  publishedAt,
  ...over,
});

describe('periodSortKey', () => {
  it.each([
    ['2021-01/2021-11', '2021-11'],
    ['2021-Q3', '2021-09'],
    ['2021-Q1/2021-Q3', '2021-09'],
    ['2021', '2021'],
    ['2022-07-31', '2022-07-31'],
  ])('%s → %s', (p, key) => expect(periodSortKey(p)).toBe(key));
});

describe('buildSeries', () => {
  it('orders a subject’s values by period, then publication', () => {
    const series = buildSeries([
      c('c', 1968000, '2022-11-01T00:00:00+08:00', { period: '2022-01/2022-09' }),
      c('a', 1300000, '2021-12-01T00:00:00+08:00', { period: '2021-01/2021-10' }),
      c('b', 1390000, '2022-01-20T00:00:00+08:00'),
      c('x', 5, '2022-01-20T00:00:00+08:00', { subjectKey: '', subject: '' }),
    ]);
    expect(series).toHaveLength(1);
    expect(series[0]!.points.map((p) => [p.articleId, p.date, p.value])).toEqual([
      ['a', '2021-10', 1300000],
      ['b', '2022-01-20', 1390000],
      ['c', '2022-09', 1968000],
    ]);
  });
});

describe('evaluateTargets', () => {
  const target = c('t', 2000000, '2021-12-01T00:00:00+08:00', { kind: 'target', deadline: '2022-12-31' });
  it.each([
    ['met by a later report before the deadline', [target, c('a', 2100000, '2022-10-01T00:00:00+08:00')], undefined, 'met', ['t', 'a']],
    ['pending while the deadline has not passed', [target, c('a', 1500000, '2022-06-01T00:00:00+08:00')], undefined, 'pending', ['t', 'a']],
    ['missed when the archive knows a day after the deadline', [target, c('a', 1500000, '2023-02-01T00:00:00+08:00', { period: '2022' })], undefined, 'missed', ['t', 'a']],
    ['a report before the target is not evidence', [target, c('a', 2100000, '2021-01-01T00:00:00+08:00')], '2022-06-01', 'pending', ['t']],
    ['a lower-is-better target (以下)', [{ ...target, qualifier: '以下', value: 1.3, unit: '' }, c('a', 1.25, '2022-10-01T00:00:00+08:00', { unit: '' })], undefined, 'met', ['t', 'a']],
  ] as const)('%s', (_name, claims, asOf, status, evidence) => {
    const [r] = evaluateTargets(claims, asOf);
    expect(r?.status).toBe(status);
    expect([r!.articleId, ...r!.evidence]).toEqual(evidence);
  });
});

describe('evaluateTargets: one report per story, signed targets', () => {
  const t = (articleId: string, storyId: string) => c(articleId, 2000000, '2021-12-01T00:00:00+08:00', { kind: 'target', deadline: '2022-12-31', storyId });
  it('two versions of one story state one target; another story’s target stands apart', () => {
    const reports = evaluateTargets([t('v1', 's1'), t('v2', 's1'), t('w1', 's2')], '2022-01-01');
    expect(reports.map((r) => r.articleId)).toEqual(['v1', 'w1']);
  });

  it('a target of a fall (下降13.5%) is met by a deeper fall, not by a rise', () => {
    const fall = c('t', -13.5, '2021-12-01T00:00:00+08:00', { kind: 'target', unit: '%', deadline: '2025-12-31', direction: 'down' });
    const deeper = c('a', -14, '2024-01-01T00:00:00+08:00', { kind: 'growth', unit: '%', direction: 'down' });
    const rise = c('b', 2, '2024-01-01T00:00:00+08:00', { kind: 'growth', unit: '%', direction: 'up' });
    expect(evaluateTargets([fall, deeper], '2024-06-01')[0]!.status).toBe('met');
    expect(evaluateTargets([fall, rise], '2024-06-01')[0]!.status).toBe('pending');
  });
});
