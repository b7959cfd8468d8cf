/**
 * The user dictionary of finance and policy terms that jieba's default dictionary cuts apart
 * (碳中和 → 碳/中/和, 专精特新 → 专精/特新). Data only: one entry per term, sorted by
 * term within each group. `freq` is jieba's word frequency; terms without one get
 * {@link DEFAULT_TERM_FREQ}, high enough that the dictionary word wins over its pieces.
 */

/** One user-dictionary term. */
export interface DictionaryTerm {
  /** The word, in simplified Chinese (Latin letters and digits allowed, e.g. 5G基站). */
  word: string;
  /** jieba frequency; default {@link DEFAULT_TERM_FREQ}. */
  freq?: number;
  /** Part-of-speech tag for jieba (`n` noun, `nz` proper noun, `vn` verbal noun). */
  tag: 'n' | 'nz' | 'vn';
}

/** Frequency given to terms that state none. */
export const DEFAULT_TERM_FREQ = 50_000;

/** Finance, markets and policy vocabulary of Chinese news. */
export const FINANCE_TERMS: readonly DictionaryTerm[] = [
  // Industrial and innovation policy
  { word: '单项冠军', tag: 'nz' },
  { word: '瞪羚企业', tag: 'nz' },
  { word: '独角兽企业', tag: 'nz' },
  { word: '规上', tag: 'n' },
  { word: '规上企业', tag: 'n' },
  { word: '规上工业', tag: 'n' },
  // The statistics bureau's monthly releases: 规模以上工业企业利润, 工业增加值
  { word: '工业企业', tag: 'n' },
  { word: '规模以上工业企业', tag: 'n' },
  { word: '工业增加值', tag: 'n' },
  { word: '小巨人', tag: 'nz' },
  { word: '专精特新', tag: 'nz' },
  // Digital infrastructure
  { word: '5G基站', tag: 'n' },
  { word: '东数西算', tag: 'nz' },
  { word: '工业互联网', tag: 'n' },
  { word: '千兆光网', tag: 'n' },
  { word: '双千兆', tag: 'nz' },
  { word: '算力', tag: 'n' },
  { word: '新基建', tag: 'nz' },
  // Climate and energy
  { word: '碳达峰', tag: 'nz' },
  { word: '碳排放权', tag: 'n' },
  { word: '碳市场', tag: 'n' },
  { word: '碳中和', tag: 'nz' },
  { word: '双碳', tag: 'nz' },
  { word: '新能源汽车', tag: 'n' },
  // Markets
  { word: '北交所', tag: 'nz' },
  { word: '北向资金', tag: 'n' },
  { word: '科创板', tag: 'nz' },
  { word: '南向资金', tag: 'n' },
  { word: '融资融券', tag: 'n' },
  { word: '沪深两市', tag: 'n' },
  { word: '沪深300', tag: 'nz' },
  { word: '创业板指', tag: 'nz' },
  { word: '上证指数', tag: 'nz' },
  { word: '深证成指', tag: 'nz' },
  { word: '注册制', tag: 'n' },
  // Monetary and fiscal policy
  { word: '逆回购', tag: 'n' },
  { word: '降准', tag: 'vn' },
  { word: '中期借贷便利', tag: 'n' },
  { word: '专项债', tag: 'n' },
  { word: '社融', tag: 'n' },
  { word: '稳增长', tag: 'vn' },
  { word: '跨周期调节', tag: 'n' },
  { word: '中国人民银行', tag: 'nz' },
  { word: '中国银保监会', tag: 'nz' },
  { word: '中国证监会', tag: 'nz' },
  { word: '国资委', tag: 'nz' },
  { word: '工信部', tag: 'nz' },
  { word: '发改委', tag: 'nz' },
  { word: '共同富裕', tag: 'nz' },
  { word: '乡村振兴', tag: 'nz' },
];

/** The dictionary in jieba's text format: `word freq tag`, one per line. */
export function toJiebaDict(terms: readonly DictionaryTerm[]): string {
  return terms.map((t) => `${t.word} ${t.freq ?? DEFAULT_TERM_FREQ} ${t.tag}`).join('\n') + '\n';
}
