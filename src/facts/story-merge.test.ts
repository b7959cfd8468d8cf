import { describe, expect, it } from 'vitest';
import { mergeStoryClaims, type MergeClaim } from './story-merge.js';

const claim = (articleId: string, value: number, over: Partial<MergeClaim> = {}): MergeClaim => ({
  articleId,
  subject: '北向资金净流入',
  subjectKey: '北向资金净流入',
  period: null,
  unit: '元',
  kind: 'level',
  value,
  high: null,
  qualifier: null,
  text: `${value}`,
  sentence: '',
  ...over,
});

describe('mergeStoryClaims', () => {
  it.each([
    ['every version states the same value', [claim('a', 4e9), claim('b', 4e9)], ['a', 'b'], 'agreement'],
    ['only some versions state it', [claim('a', 4e9)], ['a', 'b'], 'partial'],
    ['versions state different values', [claim('a', 3e9), claim('b', 4e9)], ['a', 'b'], 'conflict'],
    ['one version states two values (from → to), another one of them', [claim('a', 2980), claim('a', 2700), claim('b', 2700)], ['a', 'b'], 'agreement'],
  ] as const)('%s', (_name, claims, versions, status) => {
    const facts = mergeStoryClaims(claims, versions);
    expect(facts.map((f) => f.status)).toEqual([status]);
  });

  it('keeps different periods, units and kinds apart and joins contained subjects', () => {
    const facts = mergeStoryClaims(
      [
        claim('a', 38, { unit: '%', kind: 'growth', subject: '利润总额', subjectKey: '利润总额' }),
        claim('b', 38, { unit: '%', kind: 'growth', subject: '规上工业企业利润总额', subjectKey: '规上工业企业利润总额' }),
        claim('b', 38, { unit: '%', kind: 'growth', period: '2021-11', subjectKey: '利润总额' }),
      ],
      ['a', 'b'],
    );
    expect(facts.map((f) => [f.subject, f.period, f.status, f.articleIds])).toEqual([
      ['规上工业企业利润总额', null, 'agreement', ['a', 'b']],
      ['北向资金净流入', '2021-11', 'partial', ['b']],
    ]);
  });

  it('lists each value with the versions that state it', () => {
    const [fact] = mergeStoryClaims([claim('a', 3e9, { qualifier: '达到' }), claim('b', 4e9, { qualifier: '超过' }), claim('c', 4e9)], ['a', 'b', 'c']);
    expect(fact?.values.map((v) => [v.value, v.qualifier, v.articleIds])).toEqual([
      [3e9, '达到', ['a']],
      [4e9, '超过', ['b', 'c']],
    ]);
  });
});

describe('mergeStoryClaims: one period per sentence across versions', () => {
  it('the same number in the same sentence takes the period most versions give (a version without the lead inherits none)', () => {
    const s = '规模以上工业企业利润总额增长38%。';
    const facts = mergeStoryClaims(
      [
        claim('a', 38, { sentence: s, text: '38%', period: '2021-01/2021-11' }),
        claim('b', 38, { sentence: s, text: '38%', period: null }),
        claim('c', 38, { sentence: s, text: '38%', period: '2021-01/2021-11' }),
      ],
      ['a', 'b', 'c'],
    );
    expect(facts.map((f) => [f.period, f.status])).toEqual([['2021-01/2021-11', 'agreement']]);
  });
});
