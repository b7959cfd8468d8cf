import { describe, expect, it } from 'vitest';
import { normaliseProvenanceValue } from './provenance.js';

describe('normaliseProvenanceValue', () => {
  it.each([
    ['王蒙 ', '王蒙'],
    ['刘万里 SF014', '刘万里'],
    [' 健康上海12320', '健康上海12320'],
    ['上海市统计局6月17日', '上海市统计局'],
    ['测试社今日', '测试社'],
    ['测试报。', '测试报'],
    ['韩理  沈述红', '韩理 沈述红'],
    ['东方财富Choice数据', '东方财富Choice数据'],
    ['：张三，', '张三'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseProvenanceValue(input)).toBe(expected);
  });
});
