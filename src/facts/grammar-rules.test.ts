import { describe, expect, it } from 'vitest';
import { extractClaims } from './extract.js';
import { subjectAfter, subjectBefore } from './subject.js';

// Sentences written for these rules (not corpus text): one rule each, in the order of issue 15's grammar list.
const PUB = '2021-12-08T12:00:00+08:00';
const claims = (text: string, pub: string = PUB) => extractClaims(text, pub);

describe('a change noun after a figure of the same clause group', () => {
  it('跌幅达… is the change of the sentence\'s previous figure, not to the speaker', () => {
    const c = claims('记者注意到，批发价从120元跌至100元，跌幅达16.7%。');
    expect(c.map((x) => [x.subject, x.value, x.kind])).toEqual([['批发价', 120, 'level'], ['批发价', 100, 'level'], ['批发价跌幅', -16.7, 'growth']]);
  });
});

describe('breaking through a level', () => {
  it.each(['批发价可能会跌破100元。', '批发价一度跌穿100元。'])('%s is a level, not a fall', (text) => {
    const c = claims(text);
    expect(c.map((x) => [x.value, x.kind, x.direction])).toEqual([[100, 'level', null]]);
  });
});

describe('subject noun-phrase boundaries', () => {
  it('a rate suffix jieba tags as a verb ends the noun phrase (开箱率), a leading 后 is no part of it', () => {
    expect(subjectBefore('后开箱率又提升至').subject).toBe('开箱率');
  });
  it('a sector leader named after its sector: the name alone (白酒龙头X → X)', () => {
    expect(subjectBefore('白酒股龙头甲乙酒业盘中涨逾').subject).toBe('甲乙酒业');
  });
  it('a one-character subject (远低于…的) is no subject: the previous figure\'s is used', () => {
    const c = claims('现价为100元/瓶，远低于去年的150元/瓶。');
    expect(c.map((x) => x.subject)).toEqual(['现价', '现价']);
  });
});

describe('periods from the sentence', () => {
  it('a starting point (从8月20日…) dates its own clause only; later clauses keep the paragraph\'s period', () => {
    const c = claims('12月8日，该股上涨2%。从8月20日的低点1500元计算，该股反弹幅度已超过30%。');
    expect(c.map((x) => [x.value, x.period])).toEqual([[2, '2021-12-08'], [1500, '2021-08-20'], [30, '2021-12-08']]);
  });
});

describe('targets', () => {
  it('a demand with a deadline (要求…须在9月21日前) is a target even once the deadline has passed', () => {
    const c = claims('公司要求各经销商须在9月21日前完成库存“80%清零”。', '2021-10-15T12:00:00+08:00');
    expect(c.map((x) => [x.value, x.kind, x.deadline])).toEqual([[80, 'target', '2021-09-21']]);
  });
});

describe('lists of names sharing a move', () => {
  it('a sector clause (体育用品股强劲) before the name is no name', () => {
    expect(claims('体育用品股强劲，甲乙体育涨超5%。').map((x) => [x.subject, x.value])).toEqual([['甲乙体育', 5]]);
  });
});

describe('分别 lists of modifiers sharing the last item\'s noun', () => {
  it('在岸、离岸X分别… and 东部、中部和西部地区分别…: each short modifier takes the rest of the last item', () => {
    expect(claims('东部、中部和西部地区投资分别增长5%、6%和7%。').map((x) => [x.subject, x.value])).toEqual([
      ['东部地区投资', 5], ['中部地区投资', 6], ['西部地区投资', 7],
    ]);
  });
});

describe('year to date', () => {
  it('今年以来 is the publication year', () => {
    expect(claims('今年以来，甲乙指数累计上涨12%。').map((x) => [x.value, x.period])).toEqual([[12, '2021']]);
  });
});

describe('statistics vocabulary', () => {
  it('可再生能源 and 二氧化碳排放 stay whole in a subject', () => {
    expect(subjectBefore('可再生能源消费比重达到').subject).toBe('可再生能源消费比重');
    expect(subjectBefore('单位国内生产总值二氧化碳排放降低').subject).toBe('单位国内生产总值二氧化碳排放');
  });
});

describe('votes', () => {
  it('以N票赞成、M票反对: the body\'s votes for and against', () => {
    expect(claims('甲国议会以300票赞成、100票反对的结果通过法案。').map((x) => [x.subject, x.value])).toEqual([
      ['甲国议会赞成票', 300], ['甲国议会反对票', 100],
    ]);
  });
});

describe('a target price is a standing figure', () => {
  it('takes no period from an earlier clause or sentence (预计明年…，目标价41元)', () => {
    const c = claims('预计明年销量同比增长10%，目标价41元。目标价下调5%。');
    expect(c.map((x) => [x.subject, x.value, x.period])).toEqual([['销量', 10, '2022'], ['目标价', 41, null], ['目标价', -5, null]]);
  });
});

describe('an attribute of the sentence\'s named subject', () => {
  it('甲乙股份盘中涨逾2%，股价重回20元之上: whose share price', () => {
    expect(claims('甲乙股份盘中涨逾2%，股价重回20元之上。').map((x) => x.subject)).toEqual(['甲乙股份', '甲乙股份股价']);
  });
});

describe('an amount issued or raised', () => {
  it('在…市场发行不超过60亿元人民币X债券: the subject is what is issued, not where', () => {
    expect(claims('同意本行在银行间债券市场发行不超过60亿元人民币二级资本债券。').map((x) => x.subject)).toEqual(['二级资本债券']);
  });
});

describe('分别 lists whose first items are not parallel modifiers', () => {
  it('收入及发电量的X分别…: 收入 is no modifier of 发电量 (no tail shared by characters)', () => {
    const c = claims('收入及发电量的年均增速分别为18%和21%。');
    expect(c.map((x) => x.subject)[0]).not.toMatch(/^收入量/);
  });
});

describe('leading words that are part of the subject', () => {
  it('数据 starts a noun phrase (数据中心利用率) unless a comma follows it', () => {
    expect(claims('到2025年，数据中心利用率达到60%。').map((x) => x.subject)).toEqual(['数据中心利用率']);
  });
  it('a growth target (GDP增长目标为…) keeps what grows', () => {
    expect(claims('2022年，GDP增长目标为5.5%左右。').map((x) => x.subject)).toEqual(['GDP增长目标']);
  });
});

describe('more periods from the sentence', () => {
  it('力争2025年… is a target due at the end of 2025, and 力争 is not in the subject', () => {
    const c = claims('力争2025年单位GDP能耗比2020年下降13.5%。');
    expect(c.map((x) => [x.subject, x.kind, x.period, x.deadline])).toEqual([['单位GDP能耗', 'target', '2025-12-31', '2025-12-31']]);
  });
  it('本月 and 上月 resolve against the publication month', () => {
    expect(claims('本月，出口增长22%。上月，进口增长10%。').map((x) => x.period)).toEqual(['2021-12', '2021-11']);
  });
});

describe('a change of a rate', () => {
  it('比上月加快/放缓N个百分点 is a signed change against the previous month', () => {
    const c = claims('11月份，工业增加值同比增长3.8%，比上月加快0.3个百分点；出口增速比上月放缓0.2个百分点。');
    expect(c.slice(1).map((x) => [x.value, x.unit, x.kind, x.direction, x.baseline])).toEqual([
      [0.3, '个百分点', 'growth', 'up', 'mom'], [-0.2, '个百分点', 'growth', 'down', 'mom'],
    ]);
  });
});

describe('均: one figure for each of several', () => {
  it('A、B等股均获1次X gives one claim per name, each with what it counts', () => {
    expect(claims('甲乙科技、丙丁股份等股均获1次机构买入型评级记录。').map((x) => [x.subject, x.value, x.unit])).toEqual([
      ['甲乙科技机构买入型评级记录', 1, '次'], ['丙丁股份机构买入型评级记录', 1, '次'],
    ]);
  });
  it('a verb + 型 is an attribute inside a noun phrase (买入型评级)', () => {
    expect(subjectAfter('机构买入型评级记录')).toBe('机构买入型评级记录');
  });
});

describe('a negation prefix inside a noun phrase', () => {
  it('无固定期限资本债券, 非流动资产: 无/非 starts the phrase', () => {
    expect(subjectAfter('无固定期限资本债券')).toBe('无固定期限资本债券');
    expect(subjectBefore('公司非流动资产合计为').subject).toBe('非流动资产合计');
  });
});

describe('a report date is not the period of what is reported', () => {
  it('甲银行12月8日午间公告，…发行不超过60亿元…: the amount has no period', () => {
    const c = claims('甲银行12月8日午间公告，获准发行不超过60亿元二级资本债券。');
    expect(c.map((x) => [x.value, x.period])).toEqual([[6000000000, null]]);
  });
});

describe('占比 after a figure', () => {
  it('甲业务营收2160万元，占比2.23%: the share is the previous figure\'s', () => {
    const c = claims('甲业务2021年营收2160万元，占比2.23%。');
    expect(c.map((x) => [x.subject, x.kind])).toEqual([['甲业务营收', 'level'], ['甲业务营收占比', 'share']]);
  });
  it('X占比仅6% keeps 占比 in the subject and is a share', () => {
    expect(claims('上市企业占比仅6%。').map((x) => [x.subject, x.kind])).toEqual([['上市企业占比', 'share']]);
  });
});

describe('a figure in brackets with its own measure', () => {
  it('新增甲公司为股东（持股比例为34.9%）: the measure inside the brackets', () => {
    expect(claims('新增甲公司为股东（持股比例为34.9%）。').map((x) => [x.subject, x.kind])).toEqual([['持股比例', 'share']]);
  });
});

describe('one category named with 及/和/、', () => {
  it('the whole phrase is the subject of its single figure', () => {
    expect(claims('外商及港澳台商投资企业利润总额20645.0亿元。').map((x) => x.subject)).toEqual(['外商及港澳台商投资企业利润总额']);
    expect(claims('电力、热力、燃气及水生产和供应业利润总额3700.5亿元。').map((x) => x.subject)).toEqual(['电力、热力、燃气及水生产和供应业利润总额']);
  });
  it('the counted noun after a number keeps its classifier phrase (41个工业大类行业中)', () => {
    expect(claims('41个工业大类行业中，有36个行业利润增加。').map((x) => x.subject)[0]).toBe('工业大类行业');
  });
});

describe('分别 over joined figures of a target', () => {
  it('each figure shares the first one\'s direction and baseline', () => {
    const c = claims('到2025年，甲、乙排放总量比2020年分别下降8%、10%以上。');
    expect(c.map((x) => [x.subject, x.value, x.kind, x.direction, x.baseline])).toEqual([
      ['甲排放总量', -8, 'target', 'down', 'vs-year'], ['乙排放总量', -10, 'target', 'down', 'vs-year'],
    ]);
  });
});

describe('noise: fund names and definitions', () => {
  it('a fund named after a target date or 养老目标 sets no target', () => {
    expect(claims('甲乙养老目标日期2035混合基金净值上涨1.2%。').map((x) => x.kind)).toEqual(['growth']);
    expect(claims('丙丁2035养老目标基金规模达10亿元。').map((x) => x.kind)).toEqual(['level']);
  });
  it('a definition (X指…, 所称X是指…) gives no claims', () => {
    expect(claims('规模以上工业企业指年主营业务收入2000万元及以上的工业法人单位。')).toEqual([]);
    expect(claims('本报告所称主要城市是指70个大中城市。')).toEqual([]);
    expect(claims('（注：年主营业务收入2000万元及以上。）')).toEqual([]);
  });
  it('指数 and 指出 are no definitions', () => {
    expect(claims('上证指数上涨1%。').length).toBe(1);
    expect(claims('报告指出，利润增长5%。').length).toBe(1);
  });
});

describe('noise: 报告指 is "the report says"', () => {
  it('keeps the claims of 甲银行发表研究报告指，…', () => {
    expect(claims('甲银行发表研究报告指，将目标价平均降低7%。').length).toBe(1);
  });
});

describe('industry names and joint names', () => {
  it('煤炭开采和洗选业增长2.23倍: the industry, not the previous item', () => {
    expect(claims('石油开采业增长2.84倍，煤炭开采和洗选业增长2.23倍。').map((x) => x.subject)).toEqual(['石油开采业', '洗选业']);
  });
  it('a one-character subject outside a comparison stays (no borrowed subject)', () => {
    expect(claims('治愈出院164例，在院治疗13例。').map((x) => x.subject)[1]).not.toBe('出院');
  });
});

describe('regressions found on the whole corpus', () => {
  it('股指, 沪指, 创业板指 are indexes, not definitions', () => {
    expect(claims('A股三大股指集体回调，其中沪指收盘下跌0.89%，创业板指跌近3%。').length).toBe(2);
  });
  it('a verb before 率 names the rate (退货率)', () => {
    expect(subjectBefore('产品退货率为').subject).toBe('产品退货率');
  });
  it('a bracket without a copula keeps the figure outside it (奖金100万美元(约合人民币711万元))', () => {
    expect(claims('每个奖项的单项奖金100万美元(约合人民币711万元)。').map((x) => x.subject)).toEqual(['奖项的单项奖金', '奖项的单项奖金']);
  });
});

describe('periods of a statistics release', () => {
  const PUB_JUNE = '2022-06-17T11:49:08+08:00';
  it('a byline date before the first claim is not the lead period', () => {
    const c = claims('某某网讯。\n\n2022年06月17日 10:23 来源：某某网。\n\n商品房施工面积14320.58万平方米。\n\n住宅施工面积6458.75万平方米。', PUB_JUNE);
    expect(c.map((x) => [x.value, x.period])).toEqual([[143205800, null], [64587500, null]]);
  });
  it('a dateline without a period does not leave the article without its lead period', () => {
    const c = claims('某某证券网讯（记者 张三）。\n\n1-5月，全市房地产开发投资下降18.0%。\n\n商品房施工面积14320.58万平方米，增长6.4%。', PUB_JUNE);
    expect(c.map((x) => [x.value, x.period])).toEqual([[-18, '2022-01/2022-05'], [143205800, '2022-01/2022-05'], [6.4, '2022-01/2022-05']]);
  });
  it('a statistics office\'s release day is not the period of its figures', () => {
    const c = claims('1-5月，全市商品房销售面积461.66万平方米。据上海市统计局6月17日消息，全市房地产开发投资比去年同期下降18.0%。', PUB_JUNE);
    expect(c.map((x) => [x.value, x.period])).toEqual([[4616600, '2022-01/2022-05'], [-18, '2022-01/2022-05']]);
  });
});

describe('modifiers inside a subject noun phrase', () => {
  it('a measure word between two nouns is inside the phrase (原/n 箱/q 批发价格)', () => {
    expect(subjectBefore('原箱批发价格已从').subject).toBe('原箱批发价格');
  });
  it('a two-character verb opening the clause is an attribute (冷冻猪肉进口量), a verb governing the phrase is not (提高…)', () => {
    expect(subjectBefore('冷冻猪肉进口量达').subject).toBe('冷冻猪肉进口量');
    expect(subjectBefore('提高零售比例至').subject).toBe('零售比例');
  });
  it('a demonstrative with its measure word opens the phrase (本轮调整最高价)', () => {
    expect(subjectBefore('本轮调整最高价为').subject).toBe('本轮调整最高价');
  });
  it('供港 (supplied to Hong Kong) is one attribute word', () => {
    expect(subjectBefore('追加供港活猪配额').subject).toBe('供港活猪配额');
  });
});

describe('分别 after a head naming one measure', () => {
  it('gives each figure to the items listed before its clause, in order', () => {
    const c = claims('该行将华东电力及南方航空列为行业首选，目标价分别下调至27.3及56.2港元。');
    expect(c.map((x) => [x.value, x.unit, x.subject])).toEqual([[27.3, '港元', '华东电力目标价'], [56.2, '港元', '南方航空目标价']]);
  });
  it('leaves the head alone when no list of that length comes before', () => {
    const c = claims('该行看好华东电力，目标价分别下调至27.3及56.2港元。');
    expect(c.map((x) => x.subject)).toEqual(['目标价', '目标价']);
  });
});

describe('what a figure measures, written around it', () => {
  it('a quote opening with the figure names what it measures with the word after it (库存“80%清零”)', () => {
    const c = claims('公司要求门店须在9月21日前完成库存“80%清零”。');
    expect(c.map((x) => [x.value, x.subject])).toEqual([[80, '库存清零']]);
  });
  it('a thing priced per unit takes the price noun the article gives it elsewhere (整箱 → 整箱价格)', () => {
    const c = claims('市场无整箱售卖，整箱价格持续上涨。\n\n专家认为，整箱可能会跌破3000元/瓶。');
    expect(c.map((x) => [x.value, x.subject])).toEqual([[3000, '整箱价格']]);
  });
  it('keeps the thing priced when the article names no price of it', () => {
    const c = claims('专家认为，整箱可能会跌破3000元/瓶。');
    expect(c.map((x) => [x.value, x.subject])).toEqual([[3000, '整箱']]);
  });
});

describe('全年 in a paragraph about a year', () => {
  it('is the year the paragraph is about, not the publication year', () => {
    const c = claims('某设备2021年营收2160万元。全年某设备销售16台，同比减少11.11%。', '2022-06-30T10:00:00+08:00');
    expect(c.map((x) => [x.value, x.period])).toEqual([[21600000, '2021'], [16, '2021'], [-11.11, '2021']]);
  });
});

describe('a bracket inside the subject noun phrase', () => {
  it('is part of the subject as written (（不含农户）, (M2)), a stock code is not', () => {
    expect(claims('1-11月，全国固定资产投资（不含农户）494082亿元。').map((x) => x.subject)).toEqual(['全国固定资产投资（不含农户）']);
    expect(claims('11月末，广义货币(M2)余额235.6万亿元。').map((x) => x.subject)).toEqual(['广义货币(M2)余额']);
    expect(claims('甲乙酒业(600519)盘中涨逾2%。').map((x) => x.subject)).toEqual(['甲乙酒业']);
  });
});

describe('a rate\'s base inside the subject', () => {
  it('每 and its numeral stay in the phrase (每百元营业收入中的成本)', () => {
    expect(subjectBefore('规模以上工业企业每百元营业收入中的成本为').subject).toBe('规模以上工业企业每百元营业收入中的成本');
  });
  it('a fixed phrase ending like a measure noun ends the phrase (每万人口高价值发明专利拥有量)', () => {
    expect(subjectBefore('每万人口高价值发明专利拥有量达到').subject).toBe('每万人口高价值发明专利拥有量');
  });
});
