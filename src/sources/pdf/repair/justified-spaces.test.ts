import { describe, expect, it } from 'vitest';
import { removeJustifiedSpaces } from './justified-spaces.js';

const CASES: ReadonlyArray<[string, string]> = [
  ['国 内 生 产 总 值', '国内生产总值'],
  ['2022 年全年', '2022年全年'],
  ['同比增长 19% 、环比增长 3%', '同比增长19%、环比增长3%'],
  ['Faraday Future 公司', 'Faraday Future公司'],
  ['据 Faraday  Future 介绍', '据Faraday Future介绍'],
  ['GDP 增 长 5.2 %', 'GDP增长5.2 %'],
  ['　　今 年 以 来，物 价 温 和', '　　今年以来，物价温和'],
  ['  两个空格缩进 保留', '  两个空格缩进保留'],
  ['“ 十四五 ” 规划', '“十四五”规划'],
  ['尾部空格   ', '尾部空格'],
  ['ＧＤＰ 增长', 'ＧＤＰ增长'],
  ['规格为1 0 0毫克', '规格为100毫克'],
  ['召回两批V e k l u r y注射液', '召回两批Veklury注射液'],
  ['A B C', 'ABC'],
  ['Faraday Future 与 A 股', 'Faraday Future与A股'],
  ['2021年 1 2 月', '2021年12月'],
  ['', ''],
];

describe('removeJustifiedSpaces', () => {
  it.each(CASES)('%j → %j', (input, expected) => {
    expect(removeJustifiedSpaces(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const [, expected] of CASES) expect(removeJustifiedSpaces(expected)).toBe(expected);
  });
});
