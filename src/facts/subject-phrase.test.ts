import { describe, expect, it } from 'vitest';
import { extractClaims } from './extract.js';
import { subjectBefore } from './subject.js';

// Issue 15, whole subjects: sentences written for these rules (not corpus text), one rule each.
const PUB = '2021-12-08T12:00:00+08:00';
const subjects = (text: string): [string, number][] => extractClaims(text, PUB).map((c) => [c.subject, c.value]);

describe('a Latin model name inside the noun phrase', () => {
  it('keeps its spaces, digits and + (Nova X2 5G 版售价, Pad 9+4G版)', () => {
    expect(subjectBefore('Nova X2 5G 版售价 ').subject).toBe('Nova X2 5G 版售价');
    expect(subjectBefore('甲牌Pad 9+4G版国内售价').subject).toBe('甲牌Pad 9+4G版国内售价');
  });
  it('a time word before 的 does not open the phrase (上市之后的…)', () => {
    expect(subjectBefore('上市之后的甲牌Nova X2卖到').subject).toBe('甲牌Nova X2');
  });
});

describe('a conversion into another currency', () => {
  it('约合人民币… measures what the figure before it measured', () => {
    expect(subjects('Nova X2 售价 500 美元，约合人民币 3500 元。')).toEqual([['Nova X2 售价', 500], ['Nova X2 售价', 3500]]);
  });
});

describe('an adverb of time or manner after the subject', () => {
  it.each([
    ['乙指数收盘上涨1.2%。', '乙指数'],
    ['学徒工资一般只有800元左右。', '学徒工资'],
    ['高端芯片基本上要用5纳米。', '高端芯片'],
  ])('%s → %s', (text, subject) => {
    expect(extractClaims(text, PUB).map((c) => c.subject)).toEqual([subject]);
  });
});

describe('a change noun written after its noun phrase', () => {
  it('is dropped: the growth kind and the sign say it (乙指数跌幅达到1.5% → 乙指数, -1.5)', () => {
    expect(extractClaims('乙指数跌幅达到1.5%，丙指数涨幅接近2%。', PUB).map((c) => [c.subject, c.value, c.kind])).toEqual([
      ['乙指数', -1.5, 'growth'],
      ['丙指数', 2, 'growth'],
    ]);
  });
  it('is kept for a change of the change (涨幅比上月扩大…个百分点) and when taken from an earlier figure', () => {
    expect(subjects('乙指数涨幅比上月扩大0.3个百分点。')).toEqual([['乙指数涨幅', 0.3]]);
    expect(subjects('批发价从120元跌至100元，跌幅达16.7%。').at(-1)).toEqual(['批发价跌幅', -16.7]);
  });
});

describe('a figure written before its noun phrase', () => {
  it('after a verb of having, the noun after the figure is measured (支持 40W 快充, 支持 2TB 的扩展存储)', () => {
    expect(subjects('乙款平板支持 40W 快充，最高支持 2TB 的扩展存储。')).toEqual([['快充', 40], ['扩展存储', 2]]);
  });
  it('joined figure-noun items each measure their own noun (2 倍光学变焦与 20 倍数码变焦)', () => {
    expect(subjects('新机支持 2 倍光学变焦与 20 倍数码变焦。')).toEqual([['光学变焦', 2], ['数码变焦', 20]]);
  });
  it('a list of figure-noun items (全省40%茶叶、15%竹笋…): each figure its own noun, not the one before it', () => {
    expect(subjects('全省40%茶叶、15%竹笋、12%蜂蜜均产自山区。')).toEqual([['茶叶', 40], ['竹笋', 15], ['蜂蜜', 12]]);
  });
  it('a figure followed by a clause, not a noun, keeps the subject before it', () => {
    expect(subjects('出口额增长12%，进口额下降3%。')).toEqual([['出口额', 12], ['进口额', -3]]);
  });
});

describe('a tally of counts', () => {
  it('each short clause before its count is the category as written, verbs included (康复出院, 留院观察, 来自甲省)', () => {
    expect(subjects('本周康复出院12例，留院观察5例，其中来自甲省3例。')).toEqual([['康复出院', 12], ['留院观察', 5], ['来自甲省', 3]]);
  });
  it('not a clause opened by a verb of having, nor a count that is not the end of its clause', () => {
    expect(subjects('现有病例8例，康复出院2例。')[0]).toEqual(['病例', 8]);
    expect(subjects('留院观察5例患者已好转。').map(([x]) => x)).not.toContain('留院观察');
  });
});

describe('scope and rate words opening the phrase', () => {
  it('累计 opening the clause stays (累计确诊病例), a light verb inside the phrase does not (制造业累计实现利润)', () => {
    expect(subjectBefore('累计确诊病例达').subject).toBe('累计确诊病例');
    expect(subjectBefore('甲省制造业累计实现利润总额').subject).toBe('甲省制造业利润总额');
  });
  it('每 and its unit open the phrase; 收入 is a noun inside it (每小时的收入)', () => {
    expect(subjectBefore('他说每小时的收入为').subject).toBe('每小时的收入');
  });
});

describe('words opening or closing the noun phrase', () => {
  it('其他 and 一+measure word open it (其他品牌手表, 一台机器的成本)', () => {
    expect(subjectBefore('其他品牌手表大多在').subject).toBe('其他品牌手表');
    expect(subjectBefore('算下来一台机器的成本在').subject).toBe('一台机器的成本');
  });
  it('a verb before 量 names the measure (播放量), not the clause', () => {
    expect(subjectBefore('视频播放量已经达').subject).toBe('视频播放量');
  });
});

describe('a 分别 list in apposition to its count', () => {
  it('甲、乙、丙3家…分别为: each name is its item', () => {
    expect(subjects('甲店、乙店、丙店3家门店的销量占比分别为40%、35%和25%。').slice(1)).toEqual([['甲店', 40], ['乙店', 35], ['丙店', 25]]);
  });
});

describe('kinds of percentages', () => {
  it('a percentage over 100 is no part of a whole: a level (覆盖率达到180%), a share up to 100', () => {
    expect(extractClaims('甲行拨备覆盖率达到180%，不良率为1.2%。', PUB).map((c) => [c.value, c.kind])).toEqual([[180, 'level'], [1.2, 'share']]);
  });
  it('低至/高至: the adjective is no subject, the rate before it is (收益率可能低至1.1% → 收益率, a level)', () => {
    expect(extractClaims('乙债收益率可能低至1.1%。', PUB).map((c) => [c.subject, c.kind])).toEqual([['乙债收益率', 'level']]);
  });
});

describe('tenths (成)', () => {
  it('八成用户 keeps its unit and is a share, like a percentage', () => {
    expect(extractClaims('超过8成用户选择续费。', PUB).map((c) => [c.value, c.unit, c.kind])).toEqual([[8, '成', 'share']]);
  });
});

describe('an attribute of the previous figure', () => {
  it('数量…，价值…: the value of what the figure before it counted', () => {
    expect(subjects('全年出口茶叶12万吨，价值30亿元。')).toEqual([['出口茶叶', 120000], ['出口茶叶价值', 3000000000]]);
  });
  it('a lone 中 (among) after a count is no noun', () => {
    expect(subjects('在受访的300人中，').map(([x]) => x)).not.toContain('中');
  });
});

describe('a figure given as a manner (以…的, 按)', () => {
  it('以N的价格 measures the price; 以N without 的 keeps no noun from the verb after it', () => {
    expect(subjects('乙方以3元的价格回购了股份。')[0]).toEqual(['价格', 3]);
    expect(subjects('乙方以3元回购股份。')[0]![0]).not.toBe('价格');
  });
  it('按N的noun: the noun after', () => {
    expect(subjects('按5%利率计算，')[0]).toEqual(['利率', 5]);
  });
});

describe('a quantifier pronoun is no subject', () => {
  it('少数能达到… continues the figure before it (成本在2元—5元之间, one range, 少数能达到8元)', () => {
    expect(subjects('单台设备的成本普遍在2元—5元之间，少数能达到8元。').map(([x]) => x)).toEqual(['单台设备的成本', '单台设备的成本']);
  });
});

describe('新增 and 待 inside a measure name', () => {
  it('新增 stays in the name of a flow (新增人民币贷款, an official measure), 待 opens its phrase (待检修的线路)', () => {
    expect(subjects('1-6月新增人民币贷款12万亿元。')[0]).toEqual(['新增人民币贷款', 12000000000000]);
    expect(subjects('待检修的线路为3条。')[0]).toEqual(['待检修的线路', 3]);
  });
});

describe('a closing quote after a move', () => {
  it('…下跌1.2%，收报3100点: the close is the index\'s, not a thing called 收报', () => {
    expect(subjects('乙指数下跌1.2%，收报3100点。')).toEqual([['乙指数', -1.2], ['乙指数', 3100]]);
  });
});

describe('change verbs jieba glues to a noun', () => {
  it('居民消费价格比上年同期上涨 (价格上涨/l once 比上年同期 is read) keeps 价格 in the subject; 同比增加 (同比增加/nr) is no noun', () => {
    expect(subjects('1—5月平均，全国居民消费价格比上年同期上涨1.5%。')).toEqual([['全国居民消费价格', 1.5]]);
    expect(subjects('共有12个地区利润同比增加。')[0]![0]).not.toContain('同比');
  });
});

describe('statistics-release measures', () => {
  it('采购经理指数 is one noun and an index reading is a level, not a share', () => {
    expect(extractClaims('5月份，非制造业采购经理指数为52.1%。', PUB).map((c) => [c.subject, c.kind])).toEqual([['非制造业采购经理指数', 'level']]);
  });
  it('万元 opening a rate keeps its base (万元工业增加值能耗), 城镇新增就业 is one measure', () => {
    expect(subjectBefore('甲省万元工业增加值能耗下降').subject).toBe('甲省万元工业增加值能耗');
    expect(subjects('甲省城镇新增就业80万人。')[0]).toEqual(['甲省城镇新增就业', 800000]);
  });
  it('完成目标的N% is how much of a target was reached, not a target', () => {
    expect(extractClaims('甲省完成全年目标的95%。', PUB).map((c) => c.kind)).not.toContain('target');
  });
});

describe('a multiple or a part of another thing', () => {
  it('A是B的N倍, A不及B的N%: the figure measures A', () => {
    expect(subjects('乙材料售价大约是丙材料的3倍。')).toEqual([['乙材料售价', 3]]);
    expect(subjects('今年新车销量不及旧车销量的5%。')).toEqual([['新车销量', 5]]);
  });
});

describe('总共, 一共 (in total) end a subject', () => {
  it('这座大楼总共30层 → 大楼', () => {
    expect(subjects('这座大楼总共30层。')).toEqual([['大楼', 30]]);
  });
});

describe('a headline dash before the leading noun phrase', () => {
  it('——会员人数，很快增加到200人 → 会员人数', () => {
    expect(subjects('——会员人数，很快增加到200人。')).toEqual([['会员人数', 200]]);
  });
});

describe('a rate moving to a level', () => {
  it('增速回落至4.5% is the rate reached (+4.5, no direction); 增速回落0.5个百分点 is a fall', () => {
    expect(extractClaims('甲省经济增速回落至4.5%。', PUB).map((c) => [c.value, c.kind, c.direction])).toEqual([[4.5, 'growth', null]]);
    expect(extractClaims('甲省经济增速回落0.5个百分点。', PUB).map((c) => [c.value, c.direction])).toEqual([[-0.5, 'down']]);
  });
});

describe('同 (same) and a noun suffix (者)', () => {
  it('已通知同车厢密切接触者 → 同车厢密切接触者; 同…相比 stays a comparison', () => {
    expect(subjectBefore('已通知同车厢密切接触者').subject).toBe('同车厢密切接触者');
    expect(subjects('利润同去年相比增长5%。')).toEqual([['利润', 5]]);
  });
});
