import { describe, expect, it } from 'vitest';
import { removeFakeBold } from './fake-bold.js';

/** Lines as a fake-bold extraction gives them → the line as printed. */
const ARTEFACTS: ReadonlyArray<[string, string]> = [
  ['第一个变量第一个变量，，是政策环境的是政策环境的', '第一个变量，是政策环境的'],
  ['稳增长政策持续发力稳增长政策持续发力', '稳增长政策持续发力'],
  ['制造业投资制造业投资稳步稳步回升回升', '制造业投资稳步回升'],
  ['核心观点核心观点：：今年物价温和上涨。', '核心观点：今年物价温和上涨。'],
  ['专精特新企业专精特新企业数量增至数量增至45004500家家', '专精特新企业数量增至4500家'],
  ['Faraday FutureFaraday Future交付新车交付新车', 'Faraday Future交付新车'],
  ['新能源汽车新能源汽车', '新能源汽车'],
  ['研究研究报告显示报告显示', '研究报告显示'],
];

/** Real Chinese with deliberate reduplication: must come out unchanged. */
const GENUINE: readonly string[] = [
  '我们要把这个问题好好研究研究，再拿出方案。',
  '大家不妨先看看各地的做法。',
  '改革要一步一步推进，急不得。',
  '企业负责人说，订单一天比一天多，工人天天加班。',
  '车间里干干净净，设备轻轻松松就能调好。',
  '会后大家再讨论讨论，研究研究。',
  '他笑着说“谢谢谢谢”，然后离开了会场。',
  '雪白雪白的厂房在阳光下格外显眼。',
  '利润同比增长11.1%，营收增长12.12%。',
  '价格是不是会继续上涨，还要看看供需。',
  '……据介绍，该项目——一期工程已经投产。',
  '2021年、2022年连续两年保持增长。',
  '常常听到企业说，融资难融资贵的问题有所缓解。',
];

describe('removeFakeBold', () => {
  it.each(ARTEFACTS)('collapses %s', (input, expected) => {
    const result = removeFakeBold(input);
    expect(result.text).toBe(expected);
    expect(result.changed).toBe(true);
  });

  it.each(GENUINE)('keeps genuine reduplication in %s', (input) => {
    expect(removeFakeBold(input)).toEqual({ text: input, changed: false, removedShare: 0 });
  });

  it('measures precision and recall on these examples: 100 % / 100 %', () => {
    const truePositives = ARTEFACTS.filter(([i, e]) => removeFakeBold(i).text === e).length;
    const falsePositives = GENUINE.filter((g) => removeFakeBold(g).changed).length;
    expect({ truePositives, falsePositives }).toEqual({ truePositives: ARTEFACTS.length, falsePositives: 0 });
  });

  it('is idempotent on repaired text', () => {
    for (const [, expected] of ARTEFACTS) expect(removeFakeBold(expected).text).toBe(expected);
  });

  it('reports the removed share', () => {
    expect(removeFakeBold('新能源汽车新能源汽车').removedShare).toBe(0.5);
  });
});
