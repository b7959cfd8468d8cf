import { describe, expect, it } from 'vitest';
import { headNoun, normalizeSubject, subjectAfter, subjectBefore, subjectLeading, subjectsMatch, withTagMemo } from './subject.js';

describe('subjectBefore', () => {
  it.each([
    ['全国规模以上工业企业实现利润总额', '全国规模以上工业企业利润总额', ''],
    ['建成开通5G基站超过', '5G基站', '超过'],
    ['制造业增加值占国内生产总值比重为', '制造业增加值占国内生产总值比重', '为'],
    ['北向资金净流入超', '北向资金净流入', '超'],
    ['离岸人民币兑美元升至', '离岸人民币兑美元', '升至'],
    ['同比增长', '', '同比增长'],
  ])('%s → %s', (before, subject, predicate) => expect(subjectBefore(before)).toEqual({ subject, predicate }));
});

describe('subjectAfter and subjectLeading', () => {
  it.each([
    ['特斯拉股票期权', '特斯拉股票期权'],
    ['家庭的能力', '家庭'],
    ['的价格卖出了', '价格'],
  ])('after: %s → %s', (after, subject) => expect(subjectAfter(after)).toBe(subject));
  it('leading: the noun phrase a sentence starts with', () => expect(subjectLeading('在岸人民币兑美元升至新高')).toBe('在岸人民币兑美元'));
});

describe('normalizeSubject and subjectsMatch', () => {
  it.each([
    ['全国规模以上工业企业利润总额', '规上工业企业利润总额'],
    ['"小巨人"企业', '小巨人企业'],
    ['北上资金净流入', '北向资金净流入'],
    // a stopword is dropped as a word, not as a character inside one
    ['工业的增加值', '工业增加值'],
    ['合计金额', '金额'],
    ['人均可支配收入', '人均可支配收入'],
    ['均价', '均价'],
    ['', ''],
  ])('%s normalises to %s', (s, n) => {
    expect(normalizeSubject(s)).toBe(n);
    // a second call (answered from the memo) agrees
    expect(normalizeSubject(s)).toBe(n);
  });

  it.each([
    ['规模以上工业企业利润总额', '利润总额', true],
    ['利润总额', '全国规模以上工业企业利润总额', true],
    ['北向资金净流入', '北上资金净流入', true],
    ['规模以上工业企业利润总额', '营业收入', false],
    ['5G基站', '基', false],
    ['', '', true],
    ['利润', '', false],
  ])('%s vs %s → %s', (a, b, same) => expect(subjectsMatch(a, b)).toBe(same));

  it('the head noun is the last word of two characters or more', () => {
    expect(headNoun('规模以上工业企业利润总额')).toBe('利润总额');
  });
});

describe('withTagMemo', () => {
  it('gives the same subjects as tagging afresh, however often a text is read', () => {
    const fresh = [subjectAfter('的特斯拉股票期权'), subjectBefore('全国规模以上工业企业实现利润总额'), subjectLeading('在岸人民币兑美元升至')];
    const memo = withTagMemo(() =>
      [1, 2, 3].map(() => [subjectAfter('的特斯拉股票期权'), subjectBefore('全国规模以上工业企业实现利润总额'), subjectLeading('在岸人民币兑美元升至')]),
    );
    for (const round of memo) expect(round).toEqual(fresh);
  });

  it('keeps the tokens it hands out unchanged (subjectAfter skips a leading 的, subjectLeading stops at it)', () => {
    expect(subjectLeading('的特斯拉股票期权')).toBe('');
    const [after, leading] = withTagMemo(() => [subjectAfter('的特斯拉股票期权'), subjectLeading('的特斯拉股票期权')]);
    expect(after).toBe('特斯拉股票期权');
    expect(leading).toBe('');
  });

  it('reads nothing for an empty window', () => {
    expect(withTagMemo(() => subjectBefore(''))).toEqual({ subject: '', predicate: '' });
  });
});

describe('normalizeSubject and brackets', () => {
  it('drops a bracket with its content, so 广义货币(M2)余额 and 广义货币余额 are one series', () => {
    expect(normalizeSubject('广义货币(M2)余额')).toBe(normalizeSubject('广义货币余额'));
    expect(normalizeSubject('全国固定资产投资（不含农户）')).toBe(normalizeSubject('全国固定资产投资'));
  });
});
