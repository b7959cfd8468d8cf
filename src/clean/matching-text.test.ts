import { describe, expect, it } from 'vitest';
import { toMatchingText } from './matching-text.js';

describe('toMatchingText', () => {
  it.each([
    ['full-width digits', '２０２１年', '2021年'],
    ['full-width Latin, lowercased', 'ＧＤＰ增长ＡＢＣ', 'gdp增长abc'],
    ['ASCII Latin lowercased', 'Tesla FF 91', 'tesla ff 91'],
    ['full-width brackets and colon', '贵州茅台（６００５１９）：', '贵州茅台(600519):'],
    ['full-width comma, percent, tilde', '上涨５％，～', '上涨5%,~'],
    ['ideographic space', '分　组', '分 组'],
    ['indentation and trailing space trimmed', '　　正文 ', '正文'],
    ['whitespace runs collapse, newlines too', '甲\n\n乙\t 丙', '甲 乙 丙'],
    ['em dash range folds to hyphen', '1—11月份', '1-11月份'],
    ['full-width hyphen folds', '新浪财经－国内', '新浪财经-国内'],
    ['curly quotes fold', '“双碳”‘目标’', '"双碳"\'目标\''],
    ['ideographic full stop kept (decimal safety)', '同比增长6。3', '同比增长6。3'],
    ['enumeration comma kept', '甲、乙', '甲、乙'],
    ['book-title marks kept', '《方案》', '《方案》'],
    ['circled digit unfolds', '①', '1'],
    ['no-break space', 'a\u00a0b', 'a b'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(toMatchingText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const s = '　ＡＢ（１—２）“甲”　乙';
    expect(toMatchingText(toMatchingText(s))).toBe(toMatchingText(s));
  });
});
