/**
 * Periods and dates in article text (1—10月, 前三季度, 截至7月底, 2021年, 到2022年底, 12月8日,
 * 今年, 明年), resolved against the article's publication date in Asia/Shanghai time. Pure.
 *
 * Resolved forms: `2021` (a year), `2021-Q3`, `2021-11` (a month), `2021-12-08` (a day), and
 * `A/B` for a span of those (`2021-01/2021-11`, `2021-Q1/2021-Q3`). "As of" and "by" forms
 * (截至7月底, 到2022年底, 11月末) resolve to their last day.
 */
import { codeAt, parseChineseNumeral } from './numbers.js';

/** A calendar day in Asia/Shanghai. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A period expression found in text. */
export interface PeriodMention {
  /** Offsets of the expression in the text searched. */
  start: number;
  end: number;
  /** The resolved period; null when it needs a publication date the article does not have. */
  period: string | null;
  /** 到…/截至…/力争…: a deadline or as-of form. */
  by: boolean;
  /** 比去年同期, 较2020年末: the base of a comparison, not the period of the number. */
  base: boolean;
  /** 全年 without a year: the year the text is about (extract.ts reads it from the paragraph), else the publication's. */
  wholeYear?: true;
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The publication date in Asia/Shanghai, or null when unknown or unparsable. */
export function shanghaiDate(publishedAt: string | null): LocalDate | null {
  if (publishedAt === null) return null;
  // every sentence of an article asks for the same day: the last answer is kept (read-only)
  if (publishedAt === lastDate.of) return lastDate.day;
  const ms = Date.parse(publishedAt);
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const day = Number.isNaN(ms) ? null : Object.freeze({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  lastDate = { of: publishedAt, day };
  return day;
}

let lastDate: { of: string | null; day: LocalDate | null } = { of: null, day: null };

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ymd = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

const NUM = '(?:\\d{1,4}|[一二三四五六七八九十两]{1,3})';
const YEAR = '(?:(\\d{4}|[二〇零一三四五六七八九]{4})(?:年|财年)|(今年|去年|明年|前年|后年|本年|上年))';

/** Number in a date expression: Arabic or Chinese. */
function num(text: string | undefined): number {
  if (text === undefined) return Number.NaN;
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

function yearOf(explicit: string | undefined, relative: string | undefined, pub: LocalDate | null): number | null {
  if (explicit !== undefined) return num(explicit);
  if (relative === undefined) return null;
  if (pub === null) return null;
  const delta: Record<string, number> = { 今年: 0, 本年: 0, 去年: -1, 上年: -1, 前年: -2, 明年: 1, 后年: 2 };
  return pub.year + (delta[relative] ?? 0);
}

/**
 * The year of a quarter written without one: the publication year, or the year before for a
 * quarter starting more than five months after the publication month (四季度 in a January
 * release is last year's; 三季度 in June is this year's, still to come).
 */
function yearOfQuarter(q: number, pub: LocalDate | null): number | null {
  if (pub === null) return null;
  return q * 3 - 2 > pub.month + 5 ? pub.year - 1 : pub.year;
}

/** The year of a month written without one: the publication year, or the year before for a later month. */
function yearOfMonth(month: number, pub: LocalDate | null, future: boolean): number | null {
  if (pub === null) return null;
  if (future) return month < pub.month ? pub.year + 1 : pub.year;
  return month > pub.month ? pub.year - 1 : pub.year;
}

interface Rule {
  re: RegExp;
  resolve(m: RegExpExecArray, pub: LocalDate | null, by: boolean): string | null;
}

const BY = '(截至|截止到?|力争到|力争在|力争|到)?';

/** Period rules, tried in order at each position; the first match wins. */
const RULES: readonly Rule[] = [
  {
    // “十四五”时期, 十四五期间, 十四五末: a five-year plan, always a span with a deadline
    re: /([“"]?十([一二三四五六])五[”"]?(?:时期|期间|末|规划期)?)/y,
    resolve(m) {
      const first = 2021 + (num(m[2]) - 4) * 5; // 十四五: 2021-2025
      return `${first}/${first + 4}`;
    },
  },
  {
    // 今年至2025年, 2020至2023年: a span of years
    re: /(?:(\d{4})年?|(今年|本年|明年))\s*[至到—–-]\s*(\d{4})年/y,
    resolve(m, pub) {
      const a = m[1] !== undefined ? Number(m[1]) : yearOf(undefined, m[2], pub);
      const b = Number(m[3]);
      if (a === null || !(a >= 1900 && b > a && b < 2200)) return null;
      return `${a}/${b}`;
    },
  },
  {
    // 2022年7月3日0时至2022年8月5日24时, 7月3日至8月5日: a span of days (the hours are the days')
    re: new RegExp(`${BY}(?:${YEAR})?(${NUM})月(${NUM})[日号](?:\\d{1,2}[时点])?\\s*[至到—–~-]\\s*(?:(\\d{4})年)?(?:(${NUM})月)?(${NUM})[日号](?:\\d{1,2}[时点])?`, 'y'),
    resolve(m, pub) {
      const month = num(m[4]);
      const day = num(m[5]);
      const y = yearOf(m[2], m[3], pub) ?? yearOfMonth(month, pub, false);
      const y2 = m[6] !== undefined ? Number(m[6]) : y;
      const month2 = m[7] !== undefined ? num(m[7]) : month;
      const day2 = num(m[8]);
      if (y === null || y2 === null || !(month >= 1 && month <= 12 && month2 >= 1 && month2 <= 12 && day >= 1 && day <= 31 && day2 >= 1 && day2 <= 31)) return null;
      const a = ymd(y, month, day);
      const b = ymd(y2, month2, day2);
      return a < b ? `${a}/${b}` : null;
    },
  },
  {
    // 2021年9月30日, 12月8日, 今年7月31日
    re: new RegExp(`${BY}(?:${YEAR})?(${NUM})月(${NUM})[日号]`, 'y'),
    resolve(m, pub) {
      const month = num(m[4]);
      const day = num(m[5]);
      const y = yearOf(m[2], m[3], pub) ?? yearOfMonth(month, pub, false);
      if (y === null || !(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
      return ymd(y, month, day);
    },
  },
  {
    // 1—11月(份), 2021年1-5月, 1月至5月, 1月份—5月份
    re: new RegExp(`${BY}(?:${YEAR})?(${NUM})(?:月份?)?\\s*[-—–~～至到]\\s*(${NUM})月份?`, 'y'),
    resolve(m, pub) {
      const a = num(m[4]);
      const b = num(m[5]);
      const y = yearOf(m[2], m[3], pub) ?? yearOfMonth(b, pub, false);
      if (y === null || !(a >= 1 && b <= 12 && a < b)) return null;
      return `${y}-${pad(a)}/${y}-${pad(b)}`;
    },
  },
  {
    // 前11个月, 今年前三季度, 前3季度, 上半年
    re: new RegExp(`${BY}(?:${YEAR})?(?:前(${NUM})(个月|季度)|(上半年|下半年))`, 'y'),
    resolve(m, pub) {
      const explicitYear = yearOf(m[2], m[3], pub);
      if (m[6] !== undefined) {
        const y = explicitYear ?? pub?.year ?? null;
        if (y === null) return null;
        return m[6] === '上半年' ? `${y}-01/${y}-06` : `${y}-07/${y}-12`;
      }
      const n = num(m[4]);
      if (m[5] === '个月') {
        const y = explicitYear ?? yearOfMonth(n, pub, false);
        return y === null || !(n >= 1 && n <= 12) ? null : `${y}-01/${y}-${pad(n)}`;
      }
      const y = explicitYear ?? yearOfQuarter(n, pub);
      return y === null || !(n >= 1 && n <= 4) ? null : `${y}-Q1/${y}-Q${n}`;
    },
  },
  {
    // 第四季度, 三季度, 2022年一季度, 今年第三季度
    re: new RegExp(`${BY}(?:${YEAR})?第?([一二三四1-4])季度?`, 'y'),
    resolve(m, pub) {
      const q = num(m[4]);
      const y = yearOf(m[2], m[3], pub) ?? yearOfQuarter(q, pub);
      return y === null || !(q >= 1 && q <= 4) ? null : `${y}-Q${q}`;
    },
  },
  {
    // 7月底, 11月末, 2021年9月, 11月份
    re: new RegExp(`${BY}(?:${YEAR})?(${NUM})月(份|底|末|初|中旬|上旬|下旬)?(?![0-9一二三四五六七八九十])`, 'y'),
    resolve(m, pub, by) {
      const month = num(m[4]);
      if (!(month >= 1 && month <= 12)) return null;
      const future = m[1] !== undefined && m[1].includes('到');
      const y = yearOf(m[2], m[3], pub) ?? yearOfMonth(month, pub, future);
      if (y === null) return null;
      if (m[5] === '底' || m[5] === '末' || (by && m[5] === undefined)) return ymd(y, month, lastDay(y, month));
      return `${y}-${pad(month)}`;
    },
  },
  {
    // 2021年, 到2022年底, 今年, 2021年度, 二〇二一年
    re: new RegExp(`${BY}${YEAR}(底|末|年底|年末|度|全年|内)?`, 'y'),
    resolve(m, pub, by) {
      const y = yearOf(m[2], m[3], pub);
      if (y === null || !(y >= 1900 && y <= 2199)) return null;
      if (m[4] === '底' || m[4] === '末' || (by && m[4] !== '度')) return ymd(y, 12, 31);
      return String(y);
    },
  },
  {
    // 全年 without a year: the publication year, or last year in January and February (annual releases)
    re: /(截至)?全年(?!度)/y,
    resolve(_m, pub) {
      if (pub === null) return null;
      return String(pub.month <= 2 ? pub.year - 1 : pub.year);
    },
  },
  {
    // 本月, 上月 (比上月 is a base, told apart by findPeriods)
    re: /(本月|上月)/y,
    resolve(m, pub) {
      if (pub === null) return null;
      const d = new Date(Date.UTC(pub.year, pub.month - 1 - (m[1] === '上月' ? 1 : 0), 1));
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
    },
  },
  {
    // 今日, 昨日, 当日
    re: /(截至)?(今日|今天|昨日|昨天|前日)/y,
    resolve(m, pub) {
      if (pub === null) return null;
      const back: Record<string, number> = { 今日: 0, 今天: 0, 昨日: 1, 昨天: 1, 前日: 2 };
      const d = new Date(Date.UTC(pub.year, pub.month - 1, pub.day - (back[m[2] ?? ''] ?? 0)));
      return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    },
  },
];

/** 1 at the char codes a period can start with: a table, read once per character of every sentence. */
const PERIOD_START = new Uint8Array(0x10000);
for (const c of '0123456789一二三四五六七八九十两〇零今去明前后本上下截到力第昨当全“"') PERIOD_START[c.charCodeAt(0)] = 1;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** A character each rule's match must hold (十四五, 年, 月, 季度, 今日/今天): keep in step with RULES. */
const PERIOD_NEEDS = ['年', '月', '季', '五', '日', '天'];
/**
 * What a character can be for a match starting at or before it: 2 a character every match
 * holds (PERIOD_NEEDS), 1 one a rule may write before that one (numerals, 截至/力争/到, 今/去/明/
 * 本/上/前/后, 个, 第, 全, 财, 半, quotes, dashes and spaces: keep in step with RULES), 0 any
 * other. A match is a run of 1s reaching a 2, so no rule is tried where the run stops first.
 */
const PERIOD_REACH = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) PERIOD_REACH[c] = 1;
for (const c of '0123456789〇零一二三四五六七八九十两-—–~～至到截止力争在今去明前后本上下半个第全昨财“"') PERIOD_REACH[c.charCodeAt(0)] = 1;
for (const c of PERIOD_NEEDS) PERIOD_REACH[c.charCodeAt(0)] = 2;
/** Words after a period that make it a "since" or "before" form. */
const SINCE = ['以来', '以前', '之前', '之后', '以后'];
/** 前 followed by a numeral is 前三季度, not a deadline. */
const NUMERAL_AFTER_BEFORE = /[0-9一二三四五六七八九十]/;
/** The character before a period that makes it the base of a comparison. */
const BASE_BEFORE = '比较同与和';

/** Every period expression in `text`, left to right, not overlapping. */
export function findPeriods(text: string, publishedAt: string | null): PeriodMention[] {
  const pub = shanghaiDate(publishedAt);
  const out: PeriodMention[] = [];
  // where the run of prefix characters from the last candidate stops (one pass over the text in
  // all): a match is possible only when that character is a needed one
  let runEnd = -1;
  let i = 0;
  while (i < text.length) {
    // a period starts with a digit, a numeral or one of a few words, never inside a number
    const code = text.charCodeAt(i);
    if (PERIOD_START[code] !== 1 || (isDigit(code) && isDigit(codeAt(text, i - 1)))) {
      i++;
      continue;
    }
    if (runEnd < i) {
      runEnd = i;
      while (runEnd < text.length && PERIOD_REACH[text.charCodeAt(runEnd)] === 1) runEnd++;
    }
    if (PERIOD_REACH[codeAt(text, runEnd)] !== 2) {
      i++;
      continue;
    }
    let hit: PeriodMention | null = null;
    for (const rule of RULES) {
      rule.re.lastIndex = i;
      const m = rule.re.exec(text);
      if (m === null || m[0] === '') continue;
      if ((isDigit(codeAt(text, i + m[0].length)) || codeAt(text, i + m[0].length) === 0x2e) && isDigit(codeAt(m[0], m[0].length - 1))) continue;
      const by = m[1] !== undefined;
      const after = i + m[0].length;
      // "since/before" forms (2018年5月以来) bound nothing the article measures
      // (今年以来 is the year to date: this year's period)
      const since = SINCE.some((w) => text.startsWith(w, after)) && !text.startsWith('今年以来', i) && !text.startsWith('本年以来', i);
      // 2022年底前, 9月21日前: a deadline
      if (codeAt(text, after) === 0x524d && !(after + 1 < text.length && NUMERAL_AFTER_BEFORE.test(text[after + 1]!)) && /[日号底末年]$/.test(m[0])) {
        hit = { start: i, end: after + 1, period: rule.resolve(m, pub, true), by: true, base: false };
        break;
      }
      // 比去年, 较2020年末, 同期 (对比 ends with 比)
      const base = (i > 0 && BASE_BEFORE.includes(text[i - 1]!)) || text.startsWith('同期', after);
      hit = { start: i, end: after, period: since ? null : rule.resolve(m, pub, by), by, base };
      if (m[0].endsWith('全年') && m[0].length <= 4 && !/[年]全年$/.test(m[0])) hit.wholeYear = true;
      break;
    }
    if (hit !== null) {
      out.push(hit);
      i = hit.end;
    } else {
      i++;
    }
  }
  return out;
}
