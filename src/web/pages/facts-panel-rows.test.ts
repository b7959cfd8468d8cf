import { describe, expect, it } from 'vitest';
import type { StoryFact } from '../../facts/story-merge.js';
import { toPanelFacts } from './facts-panel-rows.js';

const value = (v: number, articleIds: string[]): StoryFact['values'][number] => ({ value: v, high: null, qualifier: null, text: `${v}%`, articleIds });
const fact = (over: Partial<StoryFact>): StoryFact => ({
  subject: '规模以上工业企业利润总额',
  subjectKey: '规模以上工业企业利润总额',
  period: '2021-01/2021-11',
  unit: '%',
  kind: 'growth',
  status: 'agreement',
  values: [value(38, ['a', 'b'])],
  articleIds: ['a', 'b'],
  ...over,
});

describe('toPanelFacts', () => {
  it('says 一致 only for one value every version states: several values become one row each', () => {
    const merged = fact({ values: [value(38, ['a', 'b']), value(41.3, ['a', 'b']), value(18.9, ['b'])] });
    const rows = toPanelFacts([merged], ['a', 'b']);
    expect(rows.map((r) => [r.status, r.values.map((v) => v.value)])).toEqual([
      ['partial', [18.9]],
      ['agreement', [38]],
      ['agreement', [41.3]],
    ]);
    expect(rows.every((r) => r.status !== 'agreement' || r.values.length === 1)).toBe(true);
  });
  it('keeps a conflict whole: its values are the discrepancy', () => {
    const conflict = fact({ status: 'conflict', values: [value(28.2, ['a']), value(38.6, ['b'])] });
    expect(toPanelFacts([conflict], ['a', 'b'])).toEqual([conflict]);
  });
  it('folds one value that versions dated differently into one row', () => {
    const rows = toPanelFacts(
      [fact({ status: 'partial', period: '2021-11', values: [value(9, ['a'])], articleIds: ['a'] }), fact({ status: 'partial', period: null, values: [value(9, ['b'])], articleIds: ['b'] })],
      ['a', 'b'],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'agreement', period: '2021-11', articleIds: ['a', 'b'], values: [{ value: 9, articleIds: ['a', 'b'] }] });
  });
  it('does not fold different values or rows sharing a version', () => {
    const a = fact({ status: 'partial', period: '2021-11', values: [value(9, ['a'])], articleIds: ['a'] });
    expect(toPanelFacts([a, fact({ status: 'partial', period: '2021-10', values: [value(9.5, ['b'])], articleIds: ['b'] })], ['a', 'b'])).toHaveLength(2);
    expect(toPanelFacts([a, fact({ status: 'partial', period: '2021-10', values: [value(9, ['a'])], articleIds: ['a'] })], ['a', 'b'])).toHaveLength(2);
  });
});
