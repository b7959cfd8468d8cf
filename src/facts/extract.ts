/**
 * Numeric claims from an article's text: each number with its unit, subject, kind, qualifier
 * and period, its sentence and offsets. Pure (the tokenizer is loaded once on first use).
 *
 * @example
 * extractClaims('1—11月份，全国规模以上工业企业实现利润总额79750.1亿元，同比增长38.0%。', '2021-12-27T09:51:04+08:00')
 * // → [{ value: 7975010000000, unit: '元', subject: '全国规模以上工业企业利润总额', kind: 'level', period: '2021-01/2021-11', … },
 * //    { value: 38, unit: '%', subject: '全国规模以上工业企业利润总额', kind: 'growth', period: '2021-01/2021-11', … }]
 */
import { baselineBefore, baselineMentions, directionOf } from './change.js';
import { asName, movingNames, respectiveSubjects, shareUnits, trimName } from './lists.js';
import { COUNT_UNITS, GROWTH_MARKERS, LEADING_NOISE, SHARE_EXCEPTIONS, SHARE_MARKERS, TARGET_MARKERS } from './lexicon.js';
import { toHalfWidth } from './numbers.js';
import { findPeriods, shanghaiDate, type PeriodMention } from './periods.js';
import { scanNumbers, type NumberMention } from './scan-numbers.js';
import { attributedNounAfter, listedNouns, subjectAfter, subjectBefore, subjectLeading, withTagMemo } from './subject.js';
import { isTable, tableClaims } from './tables.js';
import type { Claim, ClaimBaseline, ClaimKind } from './types.js';

/** Sentences of a text with their offsets: split at 。！？ and line breaks; table rows (tabs) skipped. */
export function splitSentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^。！？!?\n]+[。！？!?]*/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    if (raw.includes('\t')) continue;
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t !== '') out.push({ text: t, start: m.index + lead });
  }
  return out;
}

/** What a character does to clauses (a switch on its code: this runs once per character of every sentence). */
function roleOf(code: number): 'open' | 'close' | 'sep' | undefined {
  switch (code) {
    case 0xff08: // （
    case 0x28: // (
    case 0x3010: // 【
    case 0x5b: // [
      return 'open';
    case 0xff09: // ）
    case 0x29: // )
    case 0x3011: // 】
    case 0x5d: // ]
      return 'close';
    case 0xff0c: // ，
    case 0x2c: // ,
    case 0xff1b: // ；
    case 0x3b: // ;
    case 0xff1a: // ：
    case 0x3a: // :
      return 'sep';
    default:
      return undefined;
  }
}

/**
 * For each offset in `at` (ascending), where the clause holding it starts (outside brackets; a
 * number in brackets looks before them), and where the innermost open bracket's text starts
 * (-1 outside brackets): one pass up to the last offset, so a long run without 。 costs no more
 * than its length. A separator inside brackets starts a clause there; a closing bracket restores
 * the clause its opening one was in; a closing bracket without an opening one starts from the sentence.
 */
function clauseStarts(s: string, at: readonly number[]): { starts: number[]; opens: number[] } {
  const starts: number[] = [];
  const opens: number[] = [];
  const saved: number[] = [];
  const openAt: number[] = [];
  let start = 0;
  // the innermost open bracket, kept in a variable: reading openAt[-1] of an empty stack is a slow lookup
  let open = -1;
  let k = 0;
  for (let i = 0; k < at.length; i++) {
    while (k < at.length && at[k] === i) {
      starts.push(start);
      opens.push(open);
      k++;
    }
    if (k === at.length || i >= s.length) break;
    const role = roleOf(s.charCodeAt(i));
    if (role === undefined) continue;
    if (role === 'open') {
      saved.push(start);
      openAt.push(i + 1);
      open = i + 1;
    } else if (role === 'close') {
      start = saved.pop() ?? 0;
      openAt.pop();
      open = openAt.length === 0 ? -1 : openAt[openAt.length - 1]!;
    } else if (!(s.charCodeAt(i) === 0x3a && isDigitAt(s, i - 1) && isDigitAt(s, i + 1))) start = i + 1;
  }
  return { starts, opens };
}

/** Whether `s` has an ASCII digit at `i` (false outside the string). */
const isDigitAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
};

/** The text between `from` and `to` without bracketed parts and period expressions. */
function windowText(s: string, from: number, to: number, periods: readonly PeriodMention[]): string {
  let out = '';
  let depth = 0;
  // only the periods inside the window are looked at per character (a long run holds many)
  const inside: PeriodMention[] = [];
  for (let k = firstEndingAfter(periods, from); k < periods.length && periods[k]!.start < to; k++) inside.push(periods[k]!);
  // characters inside a period, marked once, instead of a search per character
  const skipped = inside.length === 0 ? null : new Uint8Array(to - from);
  if (skipped !== null) for (const p of inside) skipped.fill(1, Math.max(p.start, from) - from, Math.max(Math.min(p.end, to), from) - from);
  // kept characters are copied in runs, not one at a time
  let run = -1;
  for (let i = from; i < to; i++) {
    const role = roleOf(s.charCodeAt(i));
    let keep = false;
    if (role === 'open') depth++;
    else if (role === 'close') depth = Math.max(0, depth - 1);
    else keep = depth === 0 && (skipped === null || skipped[i - from] === 0);
    if (keep) {
      if (run === -1) run = i;
    } else if (run !== -1) {
      out += s.slice(run, i);
      run = -1;
    }
  }
  if (run !== -1) out += s.slice(run, to);
  for (const re of LEADING_NOISE) out = out.replace(re, '');
  // each pattern needs a word the window mostly lacks: no search without it
  if (out.includes('同期')) out = out.replace(/(?:比|较)?同期/g, '');
  if (out.includes('比') || out.includes('较')) out = out.replace(/(?:比|较)(?:上月|上年|去年|上季度?|上周|前一日|上一交易日)/g, '');
  if (out.includes('名义') || out.includes('实际')) out = out.replace(/(?:名义|实际)(?=增长|下降)/g, '');
  return out.replace(/^(?:据|从|在(?!岸)|于|截至|较|对|和|与|及|而|但|且)/, '');
}

const BREAKS_THROUGH = /(?:跌破|涨破|升破|跌穿|击穿|站上|失守)$/;

function kindOf(m: NumberMention, subject: string, predicate: string, target: boolean): ClaimKind {
  if (target) return 'target';
  // 跌破3000元, 站上3600点: a level crossed, not a change by that much
  if (BREAKS_THROUGH.test(predicate)) return 'level';
  const movesTo = /(?:至|到)$/.test(predicate.replace(/(?:超过|超|近|约|达到|达)$/, ''));
  const changed = predicate.replace(/新增/g, '');
  if (!movesTo && GROWTH_MARKERS.some((g) => changed.includes(g))) return 'growth';
  // 降息25个基点: a move of a policy rate named by its verb
  if (/(?:涨幅|跌幅|增幅|降幅|增速|增长率|回撤|幅度|降息|加息|升息|降准)$/.test(subject)) return 'growth';
  // a percentage (or 成, tenths) that is not a change nor a rate (利率, 收益率) is a part of a whole: 八成用户 is 80% of them
  // (a part is never more than its whole: 拨备覆盖率超过200% is a ratio, a level)
  if ((m.unit === '%' || m.unit === '‰' || m.unit === '成') && !SHARE_EXCEPTIONS.some((w) => subject.replace(/[（(][^（()）]*[)）]$/u, '').toLowerCase().endsWith(w)) && !(m.unit === '%' && m.value > 100)) return 'share';
  if (COUNT_UNITS.has(m.unit)) return 'count';
  return 'level';
}

/** A reporting verb right after a day (12月8日晚间公告, 12月7日披露). */
const REPORT_VERB = /^(?:早间|午间|晚间|盘后|晚)?(?:发布公告|公告|披露|发布|宣布)/;
/** A statistics office named right before a day (据上海市统计局6月17日消息). */
const STATISTICS_OFFICE = /(?:统计局|海关总署|统计部门)$/;
/** What follows the day of a release (消息, 发布的数据, 数据显示). */
const RELEASE = /^(?:消息|讯|发布|公布|数据|通报)/;
/** Offsets of the opening brackets of `s`, ascending (most sentences have none). */
function openingBrackets(s: string): number[] {
  const out: number[] = [];
  if (!s.includes('(') && !s.includes('（')) return out;
  for (let i = 0; i < s.length; i++) if (s[i] === '(' || s[i] === '（') out.push(i);
  return out;
}

/** Whether an opening bracket lies in [from, to): a binary search over {@link openingBrackets}. */
function hasBracket(at: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length && at[lo]! < to;
}

/** A bracket that is no part of a name: a stock code, a ticker, a note, a byline. */
const CODE_OR_NOTE = /^\s*\d|\.(?:SH|SZ|HK|US|N|O|SS|BJ)\s*$|简称|下称|记者|编辑|注|摄|来源|图|以下|同比|环比|亿|万|%|\d{3}|[，,；;。：:]/iu;

/**
 * `subject` with the bracket the text writes inside or right after it (windowText dropped it):
 * 全国固定资产投资（不含农户）; a code or a note in brackets stays out.
 */
function withBrackets(subject: string, raw: string): string {
  for (const b of raw.matchAll(/[（(]([^（()）]{1,16})[)）]/gu)) {
    if (CODE_OR_NOTE.test(b[1]!)) continue;
    const before = raw.slice(0, b.index);
    const after = raw.slice(b.index + b[0].length);
    for (let k = subject.length; k >= 2; k--) {
      if (before.endsWith(subject.slice(0, k)) && after.startsWith(subject.slice(k))) return subject.slice(0, k) + b[0] + subject.slice(k);
    }
  }
  return subject;
}

/** The rest of a quote that opens with the number (“80%清零”): a few Han characters, then the closing quote. */
const QUOTED_TAIL = /^(\p{Script=Han}{1,4})[”"]/u;
/** A company's attribute named without the company (股价重回…). */
const OWNED_ATTRIBUTE = /^(?:股价|市值|总市值|收盘价)$/;
/** Verbs of issuing or raising money, at the start of the predicate before an amount. */
const ISSUE = /^(?:公开|拟|计划|将)?(?:发行|募集|筹集|融资|回购|收购|采购|购买|投资|投入)/;
const DEMAND = /要求|须在|必须|务必/;

/**
 * Whether the sentence sets a target before `pos` (到2025年, 力争, 目标 — not 目标价). A
 * deadline before publication, or 已 between marker and number (到2021年底…已应用于), reports
 * what happened instead.
 */
function isTarget(s: string, pos: number, deadline: string | null, publishedAt: string | null, markers: SentenceMarkers): boolean {
  // 要求…须在9月21日前完成: a demand with a deadline is a target whether or not it has fallen due
  const demand = markers.demand;
  if (deadline !== null && demand !== null && demand.index + demand[0].length <= pos && !/已/.test(s.slice(demand.index, pos))) return true;
  // the first marker (in list order) written before the number
  const marker = markers.target.find((m) => m !== null && m.index + m[0].length <= pos);
  if (marker === undefined || marker === null) return false;
  if (/已|已经/.test(s.slice(marker.index, pos))) return false;
  const pub = publishedAt === null ? null : shanghaiDate(publishedAt);
  if (deadline !== null && pub !== null) {
    const day = `${pub.year}-${String(pub.month).padStart(2, '0')}-${String(pub.day).padStart(2, '0')}`;
    if (deadlineDay(deadline) < day) return false;
  }
  return true;
}

/** The first match of each target marker and of a demand in a sentence, found once per sentence. */
interface SentenceMarkers {
  target: (RegExpExecArray | null)[];
  demand: RegExpExecArray | null;
}

const markersOf = (s: string): SentenceMarkers => ({ target: TARGET_MARKERS.map((re) => re.exec(s)), demand: DEMAND.exec(s) });

/**
 * Extract the numeric claims of one article.
 * @param text - the article's plain text (`Article.text`)
 * @param publishedAt - ISO 8601 publication time; relative periods (今年, 7月底) resolve against
 *   its Asia/Shanghai date. With null, periods without a year stay null.
 */
export function extractClaims(text: string, publishedAt: string | null): Claim[] {
  return withTagMemo(() => claimsOfText(text, publishedAt));
}

function claimsOfText(text: string, publishedAt: string | null): Claim[] {
  const claims: Claim[] = [];
  // The period a sentence without its own one inherits: the latest one in its paragraph, else
  // the lead's (据统计局消息，1—5月，… then 商品房施工面积… in the next paragraphs).
  let lead: string | null | undefined;
  let opening = true;
  let baseline: ClaimBaseline | null = null;
  for (const para of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
    // NBS notes (附注, 注：…) define terms: the rest of the article after a 附注 heading, and any 注： sentence
    if (NOTES_HEADING.test(para[0])) break;
    // a statistics table (tab-separated rows): row labels × column headers
    if (isTable(para[0])) {
      claims.push(...tableClaims(para[0], para.index, publishedAt));
      continue;
    }
    const carry: Carry = { period: lead ?? null, subject: '', baseline };
    for (const sentence of splitSentences(para[0])) {
      if (NOTE.test(sentence.text)) break;
      if (sentence.text.includes('指') && DEFINITION.test(sentence.text)) continue;
      const made = claimsOfSentence(sentence.text, para.index + sentence.start, publishedAt, carry);
      claims.push(...made);
      // the lead's period: the first sentence's, or when that one states none (a dateline, a
      // byline), the first sentence with claims'
      if (lead === undefined && (made.length > 0 || (opening && carry.period !== null))) lead = carry.period;
      opening = false;
    }
    baseline = carry.baseline;
  }
  for (const c of claims) if (PER_UNIT_PRICE.test(c.unit) && c.subject.length >= 2 && !PRICE_HEAD.test(c.subject)) c.subject = pricedAs(text, c.subject);
  return claims;
}

/** A price per unit (元/瓶, 美元/桶). */
const PER_UNIT_PRICE = /元\/./u;
/** A subject already naming a price or another measure. */
const PRICE_HEAD = /(?:价|价格|价位|费|额|成本|收入|值|率|量|元)$/u;

/** 整箱可能会跌破3000元/瓶: the thing priced takes the price noun the article gives it elsewhere (整箱价格). */
function pricedAs(text: string, subject: string): string {
  for (const head of ['价格', '价']) if (text.includes(subject + head)) return subject + head;
  return subject;
}

const NOTES_HEADING = /^\s*(?:附注|注释|指标解释|名词解释)\s*[:：]?\s*$/u;
const NOTE = /^[（(]?(?:附注|注释|注|备注|指标解释)\s*[0-9一二三四五六七八九十]*\s*[:：]/u;
/** A definition: 规模以上工业企业指年主营业务收入…, 本报告所称X是指… (not 指数, 指出, 指标, nor 报告指， "the report says"). */
const DEFINITION = /^[^，,；;：:。]{2,24}?(?:是指|系指|(?<![股板沪深恒国综手食拇告章明析])指(?=年|在|从|由|按|以|除|包括|全部|报告期|一定|具有|各|经|扣除|当年|期末|月末|年末))/u;

/** What a sentence hands to the next one in its paragraph. */
interface Carry {
  period: string | null;
  /** The subject of the paragraph's last claim. */
  subject: string;
  /** The baseline of the article's last change. */
  baseline: ClaimBaseline | null;
}

/** A period longer than a day (2022-01/2022-05, 2021-Q3, 2021-11): a statistics period. */
const isSpan = (period: string | null): boolean => period !== null && !/^\d{4}-\d{2}-\d{2}$/.test(period);

/** 跌幅为8.01%，报2378元/吨: a change noun is not the subject of the level that follows. */
const CHANGE_NOUN = /(?:涨幅|跌幅|增幅|降幅|增速|幅度)$/;
/** How much of a sentence's start its leading noun phrase is looked for in (a long run is not read whole for each number). */
const LEADING_REACH = 240;
/** A thing compared as a multiple or a part of another (A是B的, A不及B的): A's text. */
const RELATIVE_TO = /^(.+?)(?:大约是|大约为|约为|约是|相当于|不及|不到|不足|是|为)[^，,；;是为]{1,20}的$/u;
/** A conversion of the previous figure (约合人民币, 折合): it measures the same thing. */
const CONVERSION = /^(?:约合|折合|合|约|相当于|约等于)\s*(?:人民币|美元|港元|港币|欧元|日元|英镑)?$/u;
/** A change noun ending a subject (深成指跌幅): the kind and the sign say it already. */
const CHANGE_NOUN_END = /(?:涨幅|跌幅|增幅|降幅)$/u;
/** A bare quote (现报17.74港元, 收于…): its subject is the previous sentence's. */
const BARE_QUOTE = /^(?:现|最新)?(?:报|收于|收报|价格为)$/;

/** The day of a report or of a statistics release in `s` (not the period of the figures). */
function isReportDay(s: string, p: PeriodMention): boolean {
  return p.period !== null && /^\d{4}-\d{2}-\d{2}$/.test(p.period) && (REPORT_VERB.test(s.slice(p.end, p.end + 8)) || (STATISTICS_OFFICE.test(s.slice(Math.max(0, p.start - 12), p.start)) && RELEASE.test(s.slice(p.end, p.end + 8))));
}

/** A starting point (从8月20日…, not 从…起): the character before the period, not a search through the sentence up to it. */
function isFromPoint(s: string, p: PeriodMention): boolean {
  return p.start > 0 && (s[p.start - 1] === '从' || s[p.start - 1] === '自') && !/^起/.test(s.slice(p.end));
}

/** A digit (ASCII or full-width) or a Chinese numeral: a sentence without one states no number. */
const ANY_NUMERAL = /[0-9０-９一二三四五六七八九十两〇零]/;

function claimsOfSentence(original: string, offset: number, publishedAt: string | null, carry: Carry): Claim[] {
  // most sentences state no number: no period to look for either (nor full-width digits to map)
  if (!ANY_NUMERAL.test(original)) return [];
  const s = toHalfWidth(original);
  const allPeriods = findPeriods(s, publishedAt);
  // 2021年营收…。全年销售16台: a bare 全年 is the year the paragraph is about
  if (carry.period !== null) for (const p of allPeriods) if (p.wholeYear === true && !p.base) p.period = carry.period.slice(0, 4);
  // 12月8日午间公告，…: the day of a report dates the report, not the figures it gives
  // 据上海市统计局6月17日消息, 国家统计局12月9日发布: a statistics office's release day is not the period of its figures
  const periods = allPeriods.filter((p) => !p.base && !isReportDay(s, p));
  // 从8月20日的低点…计算，…: a starting point dates its own clause, not the sentence or the paragraph
  const own = periods.filter((p) => p.period !== null && !isFromPoint(s, p));
  const atStart = carry.period;
  const inherited = own.length === 0 ? carry.period : null;
  const last = own[own.length - 1];
  // a deadline (到2022年, 9月21日前) bounds its own sentence; the next ones do not inherit it
  if (last !== undefined) carry.period = last.by && !/^截/.test(s.slice(last.start, last.end)) ? null : last.period;
  const mentions = scanNumbers(s, allPeriods.map((p) => [p.start, p.end] as [number, number]));
  shareUnits(s, mentions);
  const out: Claim[] = [];
  let prevEnd = 0;
  let prevSubject = '';
  let prevNounAfter = '';
  let prev: Claim | null = null;
  // runs of joined numbers (分别增长7.07倍和3.08倍): where each starts in `out`, and the text before 分别
  const runs: Run[] = [];
  const { starts, opens } = clauseStarts(s, mentions.map((m) => m.start));
  // worked out once per sentence, not per number (a long run holds many periods)
  const fromPoints = periods.filter((p) => isFromPoint(s, p));
  const anyPeriod = periods.some((p) => p.period !== null);
  const firstBy = periods.find((p) => p.by && p.period !== null);
  const markers = markersOf(s);
  const baselines = baselineMentions(s);
  const respective = s.includes('分别');
  const tally = mentions.filter((x) => COUNT_UNITS.has(x.unit) && endsClause(s, x.end)).length >= 2;
  const brackets = openingBrackets(s);
  for (const [mi, m] of mentions.entries()) {
    const cStart = starts[mi]!;
    const from = Math.max(cStart, prevEnd);
    const window = windowText(s, from, m.start, allPeriods);
    let { subject, predicate } = subjectBefore(window);
    // the change noun written with its noun phrase (深成指跌幅达), not one added from an earlier figure
    const writtenChange = CHANGE_NOUN_END.test(subject) && [...subject].length > 3;
    // 为股东（持股比例为34.9%）: a bracket that names its own measure before the number
    const open = opens[mi]!;
    if (open >= 0 && open >= prevEnd) {
      const inner = subjectBefore(windowText(s, open, m.start, allPeriods));
      if (inner.subject !== '' && /^(?:为|是|达|约为|达到)$/.test(inner.predicate)) ({ subject, predicate } = inner);
    }
    // 支持25W快充, 全球25%智能手机、20%毛衣: the figure is an attribute of the noun phrase right after it
    const attributeOf = nounAfterFigure(s, m.end, window, prevNounAfter);
    prevNounAfter = attributeOf;
    if (attributeOf !== '') ({ subject, predicate } = { subject: attributeOf, predicate: window });
    // 治愈出院7例，在院治疗13例，死亡0例: in a tally of counts, each short clause before its count is the category as written
    if (tally && from === cStart && COUNT_UNITS.has(m.unit) && endsClause(s, m.end)) {
      const category = tallyCategory(s.slice(cStart, m.start));
      if (category !== null) ({ subject, predicate } = { subject: category, predicate: '' });
    }
    // 市场价大约是乙的20倍, 甲出货量不及乙出货量的1%: a multiple or a part of another thing measures the first
    if ((m.unit === '倍' || m.unit === '%') && window.endsWith('的')) {
      const compared = RELATIVE_TO.exec(window.trim());
      const first = compared === null ? '' : subjectBefore(compared[1]!).subject;
      if ([...first].length >= 2) ({ subject, predicate } = { subject: first, predicate: window });
    }
    // 售价899美元，约合人民币6300元: a conversion restates the previous figure in another currency
    if (prevSubject !== '' && CONVERSION.test(window.trim())) ({ subject, predicate } = { subject: prevSubject, predicate: window });
    // 远低于…的3500元: a one-character "subject" before a comparison is an adverb left over
    if (subject.length <= 2 && [...subject].length === 1 && /\p{Script=Han}/u.test(subject) && /(?:低于|高于|不及|好于|超过|相当于)/.test(predicate)) subject = '';
    if (subject === '') {
      subject = COUNT_UNITS.has(m.unit) || m.unit === '' || prevSubject === '' ? subjectAfter(afterText(s, m.end)) : '';
      // 实现利润总额57618.9亿元，增长44.0%: a bare change continues the previous subject
      if (subject === '') subject = GROWTH_MARKERS.some((g) => window.includes(g)) ? prevSubject : prevSubject.replace(CHANGE_NOUN, '');
      if (subject === '' && cStart === 0 && BARE_QUOTE.test(window.trim())) subject = carry.subject;
      // 在岸人民币兑美元升至…新高，现报6.3565: the noun phrase the sentence starts with
      if (subject === '' && cStart > 0) subject = subjectLeading(windowText(s, 0, Math.min(cStart, LEADING_REACH), allPeriods));
      predicate = window;
    } else if (/^(?:占比|比重|价值|金额)$/.test(subject) && prev !== null && prevSubject !== '' && !/^(?:占比|比重|价值|金额)$/.test(prevSubject)) {
      // 营收2160万元，占比2.23%; 进口芯片4176亿块，价值3121亿美元: the share or the value of what
      // the sentence's previous figure measured
      subject = prevSubject.replace(CHANGE_NOUN, '') + subject;
    } else if (/^(?:涨幅|跌幅|增幅|降幅|增速|幅度)$/.test(subject) && prev !== null && prevSubject !== '') {
      // 从2980元跌至2700元，跌幅达9.4%: the change of what the sentence's previous figure measured
      predicate = subject + predicate;
      subject = prevSubject.replace(CHANGE_NOUN, '') + subject;
    } else if (/^(?:涨幅|跌幅|增幅|降幅|增速|幅度)$/.test(subject) && cStart > 0) {
      // 郑商所纯碱期货主力合约跌停，跌幅为8.01%: whose change it is comes first in the sentence
      subject = subjectLeading(windowText(s, 0, Math.min(cStart, LEADING_REACH), allPeriods)) + subject;
    } else if (COUNT_UNITS.has(m.unit)) {
      const after = subjectAfter(afterText(s, m.end));
      if (after !== '') subject = after;
    }
    const usable = fromPoints.length === 0 ? periods : periods.filter((p) => !isFromPoint(s, p) || p.start >= cStart);
    let period = periodFor(usable, m, s) ?? (usable === periods ? (anyPeriod ? null : atStart) : usable.some((p) => p.period !== null) ? null : atStart);
    // 比2017年的2073.5亿元: a figure of the base period is that period's
    const ofBase = baseFigurePeriod(allPeriods, own, s, m.start);
    if (ofBase !== null) period = ofBase;
    const byPeriod = firstBy !== undefined && firstBy.start < m.start ? firstBy.period : null;
    const target = isTarget(s, m.numeralStart, byPeriod, publishedAt, markers);
    // 分别降低7%和8%: a number joined to the previous one shares its kind
    const joined: boolean = prev !== null && subject === prevSubject && /^[和及与、/或]$/.test(s.slice(from, m.start).trim());
    const kind: ClaimKind = joined && prev !== null ? prev.kind : kindOf(m, subject, predicate, target);
    const deadline = target ? byPeriod : null;
    subject = trimName(subject);
    // 全国固定资产投资（不含农户）, 广义货币(M2)余额: a bracket inside the noun phrase is part of it as written
    if (subject !== '' && brackets.length > 0 && hasBracket(brackets, from, m.start)) subject = withBrackets(subject, original.slice(from, m.start));
    // 完成库存“80%清零”: a figure quoted with the word it measures (库存清零)
    const quoted = subject === '' ? null : QUOTED_TAIL.exec(s.slice(m.end, m.end + 8));
    if (quoted !== null && /[“"]$/.test(s.slice(0, m.numeralStart))) subject += quoted[1];
    // 以222票赞成、212票反对: the body's votes for and against
    const vote = m.unit === '票' ? /^(赞成|反对|弃权)/.exec(s.slice(m.end)) : null;
    const voter = subject.replace(/(?:赞成|反对|弃权)?票$/, '');
    if (vote !== null && voter !== '') subject = `${voter}${vote[1]}票`;
    // 甲乙股份涨逾2%，股价重回20元: whose share price — the name the sentence's change is about
    if (OWNED_ATTRIBUTE.test(subject) && prev?.kind === 'growth' && prevSubject !== '' && !OWNED_ATTRIBUTE.test(prevSubject)) subject = prevSubject + subject;
    // 在银行间市场发行60亿元人民币X债券: what is issued or raised, not where
    if (m.unit.endsWith('元') && ISSUE.test(predicate)) {
      const issued = subjectAfter(afterText(s, m.end).replace(/^(?:人民币|美元|港元|欧元)/, ''));
      if (issued !== '') subject = issued;
    }
    // a target price stands until changed: its period is only one written in its own clause
    if (/目标价$/.test(subject)) period = periodFor(usable.filter((p) => p.start >= cStart), m, s);
    // 甲、乙等股均获1次X: the figure holds for each name (what it counts follows the number)
    const each = eachOf(s.slice(from, m.start));
    const counted = each !== null && COUNT_UNITS.has(m.unit) ? subjectAfter(afterText(s, m.end)) : '';
    const names = each !== null ? each.map((n) => n + counted) : kind === 'growth' ? sharedBy(s.slice(prevEnd, m.start), subject) : [subject];
    subject = names[names.length - 1]!;
    // 分别下降8%、8%、10%: the joined numbers share the first one's direction and baseline
    // a target of a change (能耗下降13.5%) is signed like the change
    const change = kind === 'growth' || (kind === 'target' && (kindOf(m, subject, predicate, false) === 'growth' || (joined && prev?.direction != null)));
    // 增长率降至2.3%: a rate moving to a level is that level, not a fall by it
    const reached = kind === 'growth' && !joined && /(?:至|到)$/.test(predicate.replace(/(?:超过|超|近|约|达到|达)$/, ''));
    const direction = !change || reached ? null : joined && prev !== null ? prev.direction : directionOf(s.slice(from, m.start), subject);
    const sign = direction === 'down' ? -1 : 1;
    // 深成指跌幅达到2.13%: the change noun written after its noun phrase is dropped, the claim's
    // kind and sign carry it (not for a change of the change: CPI涨幅比上月扩大0.6个百分点)
    const restated = writtenChange && kind === 'growth' && m.unit !== '个百分点' && !GROWTH_MARKERS.some((g) => predicate.includes(g));
    if (restated) for (let k = 0; k < names.length; k++) if ([...names[k]!.replace(CHANGE_NOUN_END, '')].length >= 2) names[k] = names[k]!.replace(CHANGE_NOUN_END, '');
    if (restated) subject = names[names.length - 1]!;
    // a statistics release states 同比 once: its later changes of the same period share it
    const baseline = !change ? null : joined && prev !== null ? prev.baseline : (baselineBefore(baselines, m.start) ?? (isSpan(period) ? carry.baseline : null));
    if (baseline !== null) carry.baseline = baseline;
    const claim: Claim = {
      value: m.value * sign,
      high: m.high === null ? null : m.high * sign,
      shape: m.shape,
      unit: m.unit,
      subject,
      kind,
      direction,
      baseline,
      qualifier: m.qualifier,
      period,
      deadline: deadline === null ? null : deadlineDay(deadline),
      text: original.slice(m.start, m.end),
      sentence: original,
      start: offset + m.start,
      end: offset + m.end,
      sentenceStart: offset,
    };
    // 金蝶国际、舜宇、京东健康涨超3%: one claim per name, in text order
    for (const name of names) out.push({ ...claim, subject: name });
    const run = runs[runs.length - 1];
    if (joined && run !== undefined) run.count++;
    else runs.push({ first: out.length - 1, count: 1, before: respective ? respectiveHead(s, cStart, m.start, allPeriods) : null, clause: cStart, at: m.start });
    prevEnd = m.end;
    prevSubject = subject;
    prev = claim;
    if (subject !== '') carry.subject = subject;
  }
  for (const run of runs) {
    const subjects = run.before === null ? null : (respectiveSubjects(run.before, run.count) ?? namedEarlier(s, run, allPeriods));
    subjects?.forEach((subj, k) => (out[run.first + k]!.subject = subj));
    // 2016年-2018年的营收分别为…, 2022和2023财年盈测分别降低7%和8%: one year per figure, in order
    const years = run.before === null || run.count < 2 ? null : respectiveYears(s.slice(run.clause, run.at), allPeriods, run.clause, run.at, run.count);
    years?.forEach((y, k) => (out[run.first + k]!.period = y));
  }
  return out;
}

/** Whether a figure ends its clause (the next character is a separator or the end). */
const endsClause = (s: string, end: number): boolean => end >= s.length || CLAUSE_STOPS[s.charCodeAt(end)] === 1 || s[end] === '、';
/** A time word opening a clause (本周, 昨日, 当天): the tally's period, not its category. */
const TIME_OPENING = /^(?:本周|本月|本年|今年|今日|今天|昨日|昨天|当日|当天|目前|截至目前)/u;
/** A clause opened by a verb of having or a scope word, which a tally item is not (共有门店12家). */
const NOT_A_CATEGORY = /^(?:有|共有|拥有|现有|已有|还有|共|达|合计|总计|其中)|的/u;

/**
 * The category of a tally item (治愈出院, 在院治疗, 来自甲国): the clause text before the count
 * when it is a short run of Han characters (leading 其中 dropped), else null.
 */
function tallyCategory(clause: string): string | null {
  const t = clause.trim().replace(/^(?:其中|另有)[，,]?/u, '').replace(TIME_OPENING, '');
  if (!/^\p{Script=Han}{2,8}$/u.test(t) || NOT_A_CATEGORY.test(t)) return null;
  return t;
}

/**
 * The period of a figure written right after a comparison's base (比2017年的2073.5亿元 → 2017;
 * 比上年的26.1% → the year before the sentence's own year), else null.
 */
function baseFigurePeriod(all: readonly PeriodMention[], own: readonly PeriodMention[], s: string, at: number): string | null {
  const k = firstEndingAfter(all, at);
  const p = k > 0 ? all[k - 1] : undefined;
  if (p === undefined || !p.base || p.period === null || !/^(?:同期)?的$/u.test(s.slice(p.end, at))) return null;
  const written = s.slice(p.start, p.end);
  if (!/上年|去年/u.test(written)) return p.period;
  // 上年 is the year before the year the sentence is about
  const year = own.find((q) => q.start < p.start && /^\d{4}/.test(q.period ?? ''));
  return year === undefined ? p.period : String(Number(year.period!.slice(0, 4)) - 1);
}

/** Verbs of having or supporting whose object is a figure with its noun (支持25W快充, 配备6.5英寸屏幕). */
const HAS_FEATURE = /(?:支持|配备|搭载|采用|拥有|具备|内置|配置)$/u;
/** A list separator between two figure-noun items (25%智能手机、20%毛衣). */
const ITEM_JOIN = /^(?:、|与|和|及|以及)$/u;

/**
 * The noun phrase a figure is written before, when the figure is its attribute: after a verb of
 * having (支持25W快充 → 快充), or as an item of a list of figure-noun items (全球25%智能手机、20%毛衣
 * → 智能手机, 毛衣); else ''. `prevItem` is the previous figure's such noun phrase.
 */
function nounAfterFigure(s: string, end: number, window: string, prevItem: string): string {
  const rest = afterText(s, end);
  // the figure must be followed by its noun at once (a space or 的 between)
  if (!/^\s*的?\s*[\p{Script=Han}A-Za-z]/u.test(rest) || /^\s*[、与和及]/u.test(rest)) return '';
  const w = window.trim();
  // 以0美元的价格行权, 按150%拨备覆盖率计算: a figure given as the measure of a manner
  if ((w.endsWith('以') && /^\s*的/u.test(rest)) || w.endsWith('按')) {
    const noun = subjectAfter(rest);
    return [...noun].length >= 2 ? noun : '';
  }
  const joined = prevItem !== '' && w.startsWith(prevItem) && ITEM_JOIN.test(w.slice(prevItem.length).trim());
  if (!joined && !HAS_FEATURE.test(w)) {
    // the first item of such a list: its noun is followed by 、 and the next figure
    if (!/^\s*[\p{Script=Han}A-Za-z][^、，,；;。]{0,10}[、与和]\s*\d/u.test(s.slice(end, end + 16))) return '';
  }
  const noun = attributedNounAfter(rest);
  return [...noun].length >= 2 ? noun : '';
}

/** Numbers joined in one run (分别增长7.07倍和3.08倍): where the first is in `out`, how many, the text before 分别, the clause start. */
interface Run {
  first: number;
  count: number;
  before: string | null;
  clause: number;
  /** Where the run's first number starts. */
  at: number;
}

/** Years listed with conjunctions (2022和2023财年, 2019年、2020年和2021年). */
const YEAR_LIST = /\d{4}(?:年|财年|年度)?(?:\s*[、和及与]\s*\d{4}(?:年|财年|年度)?)+/gu;

/**
 * The years a 分别 run's figures belong to, in order: a span of as many years as figures
 * (2016年-2018年), or a list of as many years (2022和2023财年) before the run in its clause; else null.
 */
function respectiveYears(text: string, periods: readonly PeriodMention[], from: number, to: number, count: number): string[] | null {
  for (const p of periods) {
    const span = p.start >= from && p.end <= to && p.period !== null ? /^(\d{4})\/(\d{4})$/.exec(p.period) : null;
    if (span === null) continue;
    const a = Number(span[1]);
    if (Number(span[2]) - a + 1 === count) return Array.from({ length: count }, (_, k) => String(a + k));
  }
  for (const m of text.matchAll(YEAR_LIST)) {
    const years = m[0].match(/\d{4}/gu) ?? [];
    if (years.length === count) return years;
  }
  return null;
}

/**
 * 列甲公司及乙公司为首选，目标价分别下调至27.3及56.2港元: a 分别 head naming one measure (目标价)
 * is each of the items listed before its clause, in order (甲公司目标价, 乙公司目标价).
 */
function namedEarlier(s: string, run: Run, periods: readonly PeriodMention[]): string[] | null {
  const head = run.before?.trim() ?? '';
  if (run.count < 2 || run.clause === 0 || !/^[\p{Script=Han}A-Za-z]{1,8}$/u.test(head) || /[、和及与]/u.test(head)) return null;
  const names = listedNouns(windowText(s, 0, run.clause, periods), run.count);
  return names === null || names.some((n) => [...n].length > 8) ? null : names.map((n) => n + head);
}

/** The clause text before 分别 when the number follows it (化学需氧量、氨氮排放总量比2020年分别下降8%), else null. */
function respectiveHead(s: string, cStart: number, at: number, periods: readonly PeriodMention[]): string | null {
  // bounded to the clause: an unbounded search back is quadratic on a long run without 。
  const i = s.slice(cStart, at).lastIndexOf('分别') + cStart;
  if (i < cStart) return null;
  return windowText(s, cStart, i, periods).replace(/(?:同比|环比|比|较)$/u, '');
}

/** The names before 均 (甲、乙等股均获), or null when the text before the number is not such a list. */
function eachOf(segment: string): string[] | null {
  // the pattern needs 均: without it the lazy search is skipped (it retries at every length)
  if (!segment.includes('均')) return null;
  const m = /^(.+?)(?:等(?:股|公司|企业|个股|银行|券商)?)?均[^、，,；;]{0,6}$/u.exec(segment.trim());
  if (m === null) return null;
  const parts = m[1]!.split('、');
  if (parts.length < 2) return null;
  const names = parts.map((p) => asName(p));
  return names.every((n): n is string => n !== null) ? names : null;
}

/** The names a price move ending at the number belongs to, else the grammar's subject alone. */
function sharedBy(segment: string, subject: string): string[] {
  const names = movingNames(segment);
  return names === null || names.length === 0 ? [subject] : names;
}

/** The text after a number up to the next punctuation, bracket or digit. */
function afterText(s: string, end: number): string {
  let stop = end;
  while (stop < s.length && AFTER_STOPS[s.charCodeAt(stop)] !== 1) stop++;
  return s.slice(end, stop);
}

/** 1 at the char codes of `chars`: a table read once per character. */
function codeTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

const AFTER_STOPS = codeTable('，,；;：:。！？!?（(）)0123456789');
/** What ends a clause after a number (periodFor). */
const CLAUSE_STOPS = codeTable('，,；;。！？');

/** Index of the first period (in text order, not overlapping) that ends after `pos`: a binary search. */
function firstEndingAfter(periods: readonly PeriodMention[], pos: number): number {
  let lo = 0;
  let hi = periods.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (periods[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The period of a number: the last period expression before it in the sentence, else none. */
function periodFor(periods: readonly PeriodMention[], m: NumberMention, s: string): string | null {
  // periods are in text order and do not overlap: the last one ending before the number
  const k = firstEndingAfter(periods, m.start);
  let best: PeriodMention | undefined = k > 0 ? periods[k - 1] : undefined;
  if (best === undefined) {
    // 商品房施工面积14320.58万平方米 (1—5月): a period written after the number in its clause
    let limit = m.end;
    while (limit < s.length && CLAUSE_STOPS[s.charCodeAt(limit)] !== 1) limit++;
    best = periods.find((p) => p.start >= m.end && p.end <= limit);
  }
  return best?.period ?? null;
}

/** The due day of a target period: a year is due on its last day, a month on its last day. */
export function deadlineDay(period: string): string {
  const last = period.includes('/') ? period.split('/')[1]! : period;
  if (/^\d{4}$/.test(last)) return `${last}-12-31`;
  const month = /^(\d{4})-(\d{2})$/.exec(last);
  if (month !== null) {
    const y = Number(month[1]);
    const mo = Number(month[2]);
    return `${last}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  const q = /^(\d{4})-Q(\d)$/.exec(last);
  if (q !== null) return `${q[1]}-${['03-31', '06-30', '09-30', '12-31'][Number(q[2]) - 1]}`;
  return last;
}
