/**
 * The word lists the extractor reads: units, qualifiers, verbs, kind markers, the jieba user
 * dictionary and the subject synonym table. Data only; the code that uses them never
 * branches on individual words.
 */

/** A unit written after a number: the text, the unit it is stored as, and its multiplier. */
export interface UnitRule {
  /** As written (万吨, 亿元, 个百分点). */
  text: string;
  /** Stored unit after the multiplier is applied to the value (万吨 → 吨). */
  unit: string;
  /** Folded into the value (万吨 → 1e4). */
  multiplier: number;
}

/** Base units (longest first when matched). Counting classifiers are listed in {@link COUNT_UNITS}. */
const BASE_UNITS = [
  '个百分点', '百分点', '%', '‰', '倍', '成', '基点', '个基点', 'bp',
  '元/平方米', '元/吨', '元/瓶', '元/股', '元/克', '元/桶', '美元/桶', '美元/盎司', '元/人',
  '人民币', '元', '美元', '港元', '港币', '欧元', '日元', '英镑',
  '平方米', '平方公里', '公里', '千米', '米', '吨', '千克', '公斤', '克', '毫克', '升', '桶', '盎司',
  '千瓦时', '千瓦', '兆瓦', '吉瓦', '瓦', '度', '点', '手', '标箱',
  '个', '家', '户', '只', '例', '件', '人', '名', '位', '台', '头', '辆', '项', '批次', '批', '次', '票',
  '股', '条', '款', '座', '所', '艘', '架', '部', '套', '张', '份', '种', '类', '起', '宗', '笔', '场',
  '人次', '箱', '瓶', '吨/年', '剂', '剂次', '块', '单', '层', '间', '记',
  '元/小时', '英寸', '像素', '纳米', '岁',
  '天', '日', '年', '个月', '月', '周', '小时', '分钟', '秒', '时',
];

/** Units measured in Latin letters, matched only with a word boundary after them. */
export const LATIN_UNITS: readonly string[] = ['mS/cm', 'GWh', 'MWh', 'kWh', 'mAh', 'GW', 'MW', 'kW', 'Hz', 'nm', 'mm', 'W', 'V', 'MP', 'TB', 'GB'];

/** Counting classifiers: a number with one of these is a count (unless a stronger kind applies). */
export const COUNT_UNITS: ReadonlySet<string> = new Set([
  '个', '家', '户', '只', '例', '件', '人', '名', '位', '台', '头', '辆', '项', '批次', '批', '次', '票',
  '股', '条', '款', '座', '所', '艘', '架', '部', '套', '张', '份', '种', '类', '起', '宗', '笔', '场', '人次', '剂', '剂次', '块', '单', '层', '间', '记',
]);

/** Time units: a number with one of these is a duration or a date part, not a claim… */
export const TIME_UNITS: ReadonlySet<string> = new Set(['天', '日', '年', '个月', '月', '周', '小时', '分钟', '秒', '时']);
/** Time units that only measure a duration, never name a date or a clock time (10小时, 155秒): no verb needed (10分钟上演… stays a headline phrase). */
export const DURATION_UNITS: ReadonlySet<string> = new Set(['小时', '秒']);
/** …unless one of these verbs comes right before it (周转天数为17.4天, 减少0.9天). */
export const TIME_VALUE_VERBS: readonly string[] = ['为', '达', '减少', '增加', '缩短', '延长', '提高', '降低'];

const MULTIPLIED: readonly (readonly [string, number])[] = [
  ['万亿', 1e12], ['千亿', 1e11], ['百亿', 1e10], ['千万', 1e7], ['百万', 1e6], ['亿', 1e8], ['万', 1e4],
];

/** Every unit with its multiplier prefixes, longest text first. */
export const UNIT_RULES: readonly UnitRule[] = (() => {
  const rules: UnitRule[] = [];
  for (const u of BASE_UNITS) {
    const unit = u === '人民币' ? '元' : u === '港币' ? '港元' : u === '个基点' ? '基点' : u === '百分点' ? '个百分点' : u;
    rules.push({ text: u, unit, multiplier: 1 });
  }
  for (const [m, mult] of MULTIPLIED) {
    for (const r of [...rules]) {
      if (r.multiplier !== 1 || r.text.includes('%') || r.text.includes('百分点') || r.text === '倍' || r.text === '成') continue;
      if (r.text.includes('/')) continue;
      rules.push({ text: `${m}${r.text}`, unit: r.unit, multiplier: mult });
    }
    rules.push({ text: m, unit: '', multiplier: mult });
  }
  rules.push({ text: '万元/人', unit: '元/人', multiplier: 1e4 }, { text: '万吨/年', unit: '吨/年', multiplier: 1e4 });
  // 8元每小时 is 8元/小时
  for (const r of [...rules]) if (r.text.includes('/')) rules.push({ ...r, text: r.text.replace('/', '每') });
  return rules.sort((a, b) => b.text.length - a.text.length);
})();

/** Qualifiers written before the number, as written → normalised. */
export const QUALIFIERS_BEFORE: readonly (readonly [string, string])[] = [
  ['不超过', '不超过'], ['不低于', '至少'], ['超过', '超过'], ['高于', '超过'], ['逾', '超过'], ['超', '超过'],
  ['接近', '近'], ['逼近', '近'], ['将近', '近'], ['近', '近'], ['大约', '约'], ['约', '约'], ['达到', '达到'],
  ['高达', '达到'], ['可达', '达到'], ['达', '达到'], ['不足', '不足'], ['不到', '不足'], ['最高', '最高'],
  ['至少', '至少'], ['突破', '超过'], ['小于', '不足'], ['低于', '不足'], ['大于', '超过'],
];
/** Qualifiers written after the number and unit, as written → normalised. */
export const QUALIFIERS_AFTER: readonly (readonly [string, string])[] = [
  ['以上', '以上'], ['及以上', '以上'], ['以下', '以下'], ['以内', '以内'], ['左右', '约'], ['多', '超过'], ['余', '超过'],
];

/** Words that make a number a change (growth): written just before it in its clause. */
export const GROWTH_MARKERS: readonly string[] = [
  '同比', '环比', '增长', '增速', '下降', '增加', '减少', '提高', '降低', '上涨', '下跌', '上升', '回落', '增幅', '降幅',
  '涨幅', '跌幅', '加息', '涨', '跌', '增', '降', '升', '减', '上调', '下调', '拉升', '反弹', '扩大', '收窄', '回升', '加快', '放缓', '减缓', '放慢', '回调',
];
/** A change verb followed by one of these is a movement to a level (升至6.35), not a growth. */
export const LEVEL_AFTER_CHANGE: readonly string[] = ['至', '到'];

/** Measured heads a 分别 list shares (装备制造业和高技术制造业利润 → 装备制造业利润), longest first. */
export const MEASURE_HEADS: readonly string[] = [
  '利润总额', '营业收入', '排放总量', '增加值', '利润', '收入', '投资', '产量', '销量', '销售额', '排放量', '总量', '能耗', '价格', '规模', '占比', '比重', '增速',
];

/** Words that make a number a share (a part of a whole). */
export const SHARE_MARKERS: readonly string[] = ['占比', '比重', '比例', '占', '率'];
/** Rates that are levels, not shares, although they end in 率. */
export const SHARE_EXCEPTIONS: readonly string[] = ['利率', '汇率', '增长率', '收益率', '税率', '费率', 'shibor', 'libor', 'hibor', 'lpr', '指数', 'pmi'];

/** Words that make the rest of a sentence a target. 目标价 (a price target) is not one. */
export const TARGET_MARKERS: readonly RegExp[] = [
  /力争/,
  // not 目标价, nor a fund's name (养老目标基金, 目标日期2035基金)
  // not 完成全年目标的109.7% (how much of a target was reached)
  /(?<!养老)目标(?!价|日期|基金|风险|的\d)/,
  /到\d{4}年/,
  /计划(?:到|在|于|将|年内|未来|研发|新增|建设|投资|推出|实现|完成|上市|发行)/,
  /确保/,
  /十[一二三四五六]五(?![”"]?[^，。；]*规划》)/,
];

/** Words a clause starts with that are not part of the subject. */
export const LEADING_NOISE: readonly RegExp[] = [
  /^.*?(?:数据显示|统计显示|资料显示|消息显示|显示|消息|统计|表示|认为|指出|透露|介绍|获悉|称|预计|预期|宣布|提出|公告)[，,：:]?/,
  /^(?:其中|此外|同时|另外|另一方面|目前|截至目前|今年以来|总体来看|具体来看|整体来看|记者|据悉|据了解)[，,]?/,
  // 数据， but not 数据中心
  /^数据[，,]/,
];

/** Verbs that do not end a subject (they sit inside a measured phrase: 制造业增加值占GDP比重). */
export const SUBJECT_INNER_VERBS: ReadonlySet<string> = new Set(['占', '兑', '对']);
/** Light verbs skipped inside a subject (制造业实现利润总额 → 制造业利润总额). */
export const SUBJECT_LIGHT_VERBS: ReadonlySet<string> = new Set(['实现', '完成', '发生', '录得', '获得', '累计', '合计', '共计', '总计']);

/** Verbs that govern a clause or an object, never an attribute opening a subject (预计全年…, 提高茅台酒零售比例). */
export const CLAUSE_VERBS: ReadonlySet<string> = new Set([
  '预计', '预期', '估计', '预测', '显示', '表明', '认为', '表示', '指出', '要求', '希望', '力争', '确保', '争取', '计划', '透露', '强调', '提出',
  '建议', '提高', '降低', '推动', '加快', '促进', '鼓励', '保持', '取消', '提升', '扩大', '减少', '增加', '获得', '追加', '创下', '带动', '拉动',
  '成为', '位列', '位居', '占据', '包括', '涉及', '导致', '使得', '受到', '受益', '发行', '募集', '回购', '收购', '买入', '卖出', '持有', '出售',
  '来自', '来到', '可能', '可以', '能够', '应该', '需要', '将要',
]);

/** Verbs jieba may tag as nouns that never start a subject (培育"小巨人"企业 → "小巨人"企业). */
export const SUBJECT_LEADING_VERBS: ReadonlySet<string> = new Set(['培育', '建成', '开通', '新建', '建设', '发放', '认定', '打造', '推动', '支持', '带动', '实现', '完成', '现有']);

/**
 * Adverbs of time or manner jieba may tag as nouns, ending a subject before its predicate
 * (沪指收盘下跌 → 沪指, 工资一般只有 → 工资, 芯片基本上要靠 → 芯片).
 */
export const SUBJECT_TRAILING_ADVERBS: ReadonlySet<string> = new Set(['收盘', '开盘', '早盘', '午盘', '尾盘', '全天', '一般', '基本上', '大多', '普遍', '通常', '往往', '总共', '一共']);

/** Measure nouns jieba tags as verbs (收入/v): inside a subject they are nouns (每小时的收入). */
export const MEASURE_NOUNS_TAGGED_VERB: ReadonlySet<string> = new Set(['收入', '支出', '增速']);

/** The jieba user dictionary (word, frequency, tag): phrases jieba would otherwise split. */
export const USER_DICT = [
  '小巨人 1000 n', '专精特新 1000 n', '规上 1000 n', '规模以上 1000 n', '5G基站 1000 n', '千兆光网 1000 n',
  '北向资金 1000 n', '南向资金 1000 n', '北上资金 1000 n', '南下资金 1000 n', '净流入 1000 n', '净买入 1000 n',
  '利润总额 1000 n', '营业收入 1000 n', '营业成本 1000 n', '增加值 1000 n', '离岸人民币 1000 n',
  '在岸人民币 1000 n', '目标价 1000 n', '总市值 1000 n', '成交额 1000 n', '注册资本 1000 n', '无症状感染者 1000 n',
  '确诊病例 1000 n', '施工面积 1000 n', '竣工面积 1000 n', '销售面积 1000 n', '新开工面积 1000 n',
  '资产负债率 1000 n', '美元 1000 n', '房地产开发投资 1000 n', '开发投资 1000 n', '固定资产投资 1000 n', '社会消费品零售总额 1000 n', '进出口总额 1000 n', '工业增加值 1000 n', '国有控股 1000 n', '控股企业 1000 n', '营收 1000 n', '输入性 1000 b', '净利润 1000 n', '跌幅 1000 n', '涨幅 1000 n', '增幅 1000 n', '降幅 1000 n', '港元 1000 n', '人民币 1000 n', '超额完成 1000 v', '营业收入利润率 1000 n', '反弹幅度 1000 n', '撤回率 1000 n', '利用率 1000 n', '可支配收入 1000 n', '人均可支配收入 1000 n', '治理率 1000 n', '覆盖率 1000 n', '普及率 1000 n', '达标率 1000 n', '能耗 1000 n', '排放总量 1000 n',
  '可再生能源 1000 n', '非化石能源 1000 n', '二氧化碳排放 1000 n', '碳排放 1000 n', '占比 1000 n', '持股比例 1000 n', '大类 1000 n', '供港 1000 b', '快充 1000 n', '风控 1000 n', '采购经理指数 1000 n', '新增就业 1000 n',
].join('\n');

/**
 * Subject synonyms for grouping claims into series: each variant → its canonical form.
 * Applied to the normalised subject before tokenising.
 */
export const SUBJECT_SYNONYMS: readonly (readonly [string, string])[] = [
  ['规模以上工业企业', '规上工业企业'],
  ['规模以上工业', '规上工业'],
  ['北上资金', '北向资金'],
  ['南下资金', '南向资金'],
  ['国内生产总值', 'GDP'],
  ['第五代移动通信基站', '5G基站'],
  ['营收', '营业收入'],
  ['净利润', '净利'],
];

/** Words dropped when normalising a subject for comparison (scope words that do not change it). */
export const SUBJECT_STOPWORDS: readonly string[] = ['全国', '我国', '全省', '全市', '全年', '累计', '合计', '共计', '总计', '的', '已', '已经', '共', '均'];
