/**
 * The number scanner: every numeric expression in a sentence — numeral, range or ratio,
 * multiplier, unit, qualifier — with the checks that tell a claim from a date, a stock code,
 * a model name, a list number or an id. Pure.
 */
import { CN_NUMERAL_CHARS, MULTIPLIERS, applyMultiplier, codeAt, parseArabic, parseChineseNumeral } from './numbers.js';
import { DURATION_UNITS, GROWTH_MARKERS, LATIN_UNITS, QUALIFIERS_AFTER, QUALIFIERS_BEFORE, TIME_UNITS, TIME_VALUE_VERBS, UNIT_RULES } from './lexicon.js';

/** A numeric expression found in a sentence (offsets relative to the sentence). */
export interface NumberMention {
  start: number;
  end: number;
  /** Offset where the numeral itself starts (after a qualifier written before it). */
  numeralStart: number;
  value: number;
  high: number | null;
  shape: 'single' | 'range' | 'ratio';
  unit: string;
  qualifier: string | null;
}

const RANGE_SEP = /\s*[-—–~～至到]\s*/y;
const RATIO_SEP = /\s*[:：比]\s*/y;
/** The separators of a range (6.3-6.7) and of a ratio (222:212, a score 77比73), tried in this order. */
const SEPARATORS = [
  [RANGE_SEP, 'range'],
  [RATIO_SEP, 'ratio'],
] as const;
/** 1 at the char codes of Chinese numerals: a table, read once per character of every sentence. */
const CN_NUMERAL_CODE = new Uint8Array(0x10000);
for (const c of CN_NUMERAL_CHARS) CN_NUMERAL_CODE[c.charCodeAt(0)] = 1;
/** 1 at the digits a Chinese decimal fraction is written with (一点五: 点 then these). */
const CN_FRACTION_CODE = new Uint8Array(0x10000);
for (const c of '零一二三四五六七八九') CN_FRACTION_CODE[c.charCodeAt(0)] = 1;
const POINT = '点'.charCodeAt(0);
const WAN = '万'.charCodeAt(0);
const YI = '亿'.charCodeAt(0);
const TIMES = '×'.charCodeAt(0);
/** The further dimensions after a first one (×151.7×7.9), read before their shared unit. */
const DIMENSIONS = /(?:\s*×\s*\d+(?:\.\d+)?)+\s*/y;
const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** An ASCII letter (NaN, outside the string, is none). */
const isLatin = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** Characters before a number that make it part of a formula or a code (×3, #2, №5). */
const FORMULA_BEFORE = '×÷=+*\\#№';
/** The characters a multiplier word starts with (万亿, 千亿, 百亿, 千万, 百万, 亿, 万). */
const MULTIPLIER_FIRST = new Set(MULTIPLIERS.map(([w]) => w.charCodeAt(0)));
/** No multiplier after a number (shared, never changed). */
const NO_MULTIPLIER: { mult: number; len: number } = Object.freeze({ mult: 1, len: 0 });

interface Numeral {
  start: number;
  end: number;
  value: number;
  chinese: boolean;
  digits: string;
}

/**
 * The numeral starting at `i`: Arabic (1,234.5 or 1234.5: `\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`)
 * or Chinese (`[零…亿]+(?:点[零一…九]+)?`), read on char codes: this runs at every digit and numeral of a sentence.
 */
function numeralAt(s: string, i: number): Numeral | null {
  const code = codeAt(s, i);
  if (isAsciiDigit(code)) return arabicAt(s, i);
  return CN_NUMERAL_CODE[code] === 1 ? chineseAt(s, i) : null;
}

function arabicAt(s: string, i: number): Numeral {
  let j = i + 1;
  while (isAsciiDigit(codeAt(s, j))) j++;
  let end = j;
  // thousands separators only after one to three digits, each followed by three digits
  const grouped = j - i <= 3 && threeDigitsAfterComma(s, j);
  if (grouped) while (threeDigitsAfterComma(s, end)) end += 4;
  if (codeAt(s, end) === 0x2e && isAsciiDigit(codeAt(s, end + 1))) {
    end += 2;
    while (isAsciiDigit(codeAt(s, end))) end++;
  }
  const digits = s.slice(i, end);
  // without separators the digits are the number as written (what parseArabic would find)
  return { start: i, end, value: grouped ? parseArabic(digits) : Number(digits), chinese: false, digits };
}

const threeDigitsAfterComma = (s: string, at: number): boolean =>
  codeAt(s, at) === 0x2c && isAsciiDigit(codeAt(s, at + 1)) && isAsciiDigit(codeAt(s, at + 2)) && isAsciiDigit(codeAt(s, at + 3));

function chineseAt(s: string, i: number): Numeral | null {
  let j = i + 1;
  while (CN_NUMERAL_CODE[codeAt(s, j)] === 1) j++;
  if (codeAt(s, j) === POINT && CN_FRACTION_CODE[codeAt(s, j + 1)] === 1) {
    j += 2;
    while (CN_FRACTION_CODE[codeAt(s, j)] === 1) j++;
  }
  // a trailing 万/亿 is the multiplier, read separately (unless the numeral is nothing else)
  let end = j;
  while (end > i && (codeAt(s, end - 1) === WAN || codeAt(s, end - 1) === YI)) end--;
  if (end === i) end = j;
  const text = s.slice(i, end);
  const value = chineseValue(text);
  return Number.isNaN(value) ? null : { start: i, end, value, chinese: true, digits: text };
}

/** Values of the Chinese numerals read so far (a few hundred distinct: 一, 十, 两, 三千…); bounded. */
const chineseValues = new Map<string, number>();

function chineseValue(text: string): number {
  let value = chineseValues.get(text);
  if (value === undefined) {
    if (chineseValues.size >= 4096) chineseValues.clear();
    value = parseChineseNumeral(text);
    chineseValues.set(text, value);
  }
  return value;
}

function multiplierAt(s: string, i: number): { mult: number; len: number } {
  if (!MULTIPLIER_FIRST.has(codeAt(s, i))) return NO_MULTIPLIER;
  for (const [w, m] of MULTIPLIERS) if (s.startsWith(w, i)) return { mult: m, len: w.length };
  return NO_MULTIPLIER;
}

/** Unit rules by the char code of their first character (longest first within each), so a lookup reads a few. */
const UNITS_BY_FIRST = new Map<number, (typeof UNIT_RULES)[number][]>();
for (const r of UNIT_RULES) {
  if (r.text === '') continue;
  const list = UNITS_BY_FIRST.get(r.text.charCodeAt(0)) ?? [];
  list.push(r);
  UNITS_BY_FIRST.set(r.text.charCodeAt(0), list);
}

function unitAt(s: string, i: number): { unit: string; mult: number; len: number } | null {
  let j = i;
  while (codeAt(s, j) === 0x20) j++;
  // 6.2 英寸: one space between a number and its unit is how some pages set them
  const rules = UNITS_BY_FIRST.get(codeAt(s, j));
  if (rules !== undefined && j - i <= 1) for (const r of rules) if (s.startsWith(r.text, j)) return { unit: r.unit, mult: r.multiplier, len: j - i + r.text.length };
  // every Latin unit starts with a letter
  if (!isLatin(codeAt(s, j))) return null;
  for (const u of LATIN_UNITS) {
    if (s.startsWith(u, j) && !/[A-Za-z0-9]/.test(s[j + u.length] ?? '')) return { unit: u, mult: 1, len: j - i + u.length };
  }
  return null;
}

/** Whether `s` between `floor` and `end` ends with `w`. */
const endsAt = (s: string, w: string, floor: number, end: number): boolean => end - w.length >= floor && s.startsWith(w, end - w.length);
/** Change verbs a qualifier may come before (约减少了5.42亿), two characters; 涨 and 跌 are the one-character ones. */
const CHANGE_VERBS = ['减少', '增加', '下降', '增长', '上涨', '下跌', '提高', '降低'];

function qualifierBefore(s: string, start: number, floor: number): { qualifier: string | null; at: number } {
  for (const [w, q] of QUALIFIERS_BEFORE) if (endsAt(s, w, floor, start)) return { qualifier: q, at: start - w.length };
  // 约减少了5.42亿: a qualifier before a change verb still qualifies the number (without 了/的,
  // then the verb: a two-character one before 涨/跌)
  let stripped = start;
  if (stripped > floor && (s[stripped - 1] === '了' || s[stripped - 1] === '的')) stripped--;
  if (CHANGE_VERBS.some((v) => endsAt(s, v, floor, stripped))) stripped -= 2;
  else if (stripped > floor && (s[stripped - 1] === '涨' || s[stripped - 1] === '跌')) stripped--;
  if (stripped !== start) for (const [w, q] of QUALIFIERS_BEFORE) if (endsAt(s, w, floor, stripped)) return { qualifier: q, at: start };
  return { qualifier: null, at: start };
}

/** A stock quote in brackets: price, change and change in percent, comma-separated. */
const QUOTE_AFTER_NAME = /[(（]\s*-?\d+(?:\.\d+)?\s*[,，]\s*-?\d+(?:\.\d+)?\s*[,，]\s*-?\d+(?:\.\d+)?%\s*[)）]/g;

/** Spans (start, end) the scanner must not read numbers in: URLs, e-mail addresses and stock quotes. */
function blockedSpans(s: string): [number, number][] {
  const spans: [number, number][] = [];
  // each alternative needs one of these: most sentences skip the search (it retries at every word character)
  // a quote a portal inserts after a listed company's name (price, change, change %): 甲公司(12.3, 0.45, 3.8%)
  if (s.includes('%)') || s.includes('%）')) for (const m of s.matchAll(QUOTE_AFTER_NAME)) spans.push([m.index, m.index + m[0].length]);
  if (!s.includes('@') && !s.includes('http') && !s.includes('www.')) return spans;
  for (const m of s.matchAll(/(?:https?:\/\/|www\.)[^\s，。；）)]+|[\w.]+@[\w.]+/g)) spans.push([m.index, m.index + m[0].length]);
  return spans.sort((x, y) => x[0] - y[0]);
}

/**
 * Every numeric claim candidate in `sentence` (half-width digits), skipping the spans in
 * `skip` (period expressions) and every number that is not a claim.
 */
export function scanNumbers(sentence: string, skip: readonly [number, number][]): NumberMention[] {
  const s = sentence;
  // by start, walked with the scan, so a sentence with many periods costs no more than its length
  const extra = blockedSpans(s);
  // period expressions come in text order: sorted already
  const blocked = extra.length === 0 && startsAscending(skip) ? skip : [...skip, ...extra].sort((x, y) => x[0] - y[0]);
  const out: NumberMention[] = [];
  let floor = 0;
  let i = 0;
  let next = 0;
  // where the next blocked span starts: before it, no span holds the position
  let nextStart = blocked.length === 0 ? Infinity : blocked[0]![0];
  while (i < s.length) {
    if (i >= nextStart) {
      while (next < blocked.length && blocked[next]![1] <= i) next++;
      let end = -1;
      for (let k = next; k < blocked.length && blocked[k]![0] <= i; k++) if (i < blocked[k]![1]) end = blocked[k]![1];
      nextStart = next < blocked.length ? blocked[next]![0] : Infinity;
      if (end !== -1) {
        i = end;
        continue;
      }
    }
    // on char codes: this runs once per character. A Chinese numeral opening the sentence is
    // not read (the previous character is then none, which the string test counted as a numeral).
    const code = s.charCodeAt(i);
    const prev = i === 0 ? -1 : s.charCodeAt(i - 1);
    const n = isAsciiDigit(code) && !isAsciiDigit(prev) && prev !== 0x2e ? numeralAt(s, i) : i > 0 && CN_NUMERAL_CODE[code] === 1 && CN_NUMERAL_CODE[prev] !== 1 ? numeralAt(s, i) : null;
    if (n === null) {
      i++;
      continue;
    }
    const m = readMention(s, n, floor);
    if (m === null) {
      i = Math.max(n.end, i + 1);
      continue;
    }
    out.push(m);
    floor = m.end;
    i = m.end;
  }
  return out;
}

/** Whether the spans are sorted by start. */
function startsAscending(spans: readonly [number, number][]): boolean {
  for (let k = 1; k < spans.length; k++) if (spans[k - 1]![0] > spans[k]![0]) return false;
  return true;
}

/** 1 at the char codes of the Chinese digits (not 十百千万亿). */
const CN_DIGIT_CODE = new Uint8Array(0x10000);
for (const c of '零〇一二两三四五六七八九') CN_DIGIT_CODE[c.charCodeAt(0)] = 1;

/** Whether the text before a number makes it no claim: 第3, 前3 (not 目前3), A50, HFO-1234, ×3. */
function notAClaimAfter(s: string, at: number): boolean {
  if (at === 0) return false;
  const before = s[at - 1]!;
  if (before === '第' || (before === '前' && !(at >= 2 && '目此之以提日'.includes(s[at - 2]!))) || isLatin(codeAt(s, at - 1)) || FORMULA_BEFORE.includes(before)) return true;
  return (before === '-' || before === ' ') && isLatin(codeAt(s, at - 2));
}

/** 12+256GB, 128/256GB: further options after a number, read before the unit they share. */
const OPTIONS = /(?:[+/]\d+(?:\.\d+)?)*\s*/y;

/** The unit a chain of options starting at `end` ends in (12+256GB → GB), or null. */
function optionsUnit(s: string, end: number): { unit: string; mult: number; len: number } | null {
  OPTIONS.lastIndex = end;
  const opts = OPTIONS.exec(s);
  if (opts === null || opts[0].trim() === '') return null;
  const u = unitAt(s, end + opts[0].length);
  return u !== null && u.mult === 1 && LATIN_UNITS.includes(u.unit) ? u : null;
}

/** Whether a change verb (GROWTH_MARKERS) ends right before `at`, 了 aside. */
function afterChangeVerb(s: string, at: number, floor: number): boolean {
  const stop = at > floor && s[at - 1] === '了' ? at - 1 : at;
  return GROWTH_MARKERS.some((v) => endsAt(s, v, floor, stop));
}

function readMention(s: string, n: Numeral, floor: number): NumberMention | null {
  // 12+256GB, 12GB+256GB: options of a spec, each in the unit the chain ends in
  const option = !n.chinese && n.start >= 2 && (s[n.start - 1] === '+' || s[n.start - 1] === '/') && /[0-9A-Za-z]/.test(s[n.start - 2]!);
  if (option && (optionsUnit(s, n.end) !== null || unitAt(s, n.end) !== null)) {
    const own = unitAt(s, n.end);
    const u = own !== null && own.len > 0 && LATIN_UNITS.includes(own.unit) ? own : optionsUnit(s, n.end);
    if (u !== null) return { start: n.start, end: own === u ? n.end + u.len : n.end, numeralStart: n.start, value: n.value, high: null, shape: 'single', unit: u.unit, qualifier: null };
  }
  if (!n.chinese && (codeAt(s, n.end) === 0x2b || codeAt(s, n.end) === 0x2f) && !isLatin(codeAt(s, n.start - 1)) && s[n.start - 1] !== '/') {
    const u = optionsUnit(s, n.end);
    if (u !== null) return { start: n.start, end: n.end, numeralStart: n.start, value: n.value, high: null, shape: 'single', unit: u.unit, qualifier: null };
  }
  if (notAClaimAfter(s, n.start)) return null;
  if (n.chinese) {
    let digits = 0;
    for (let k = 0; k < n.digits.length; k++) digits += CN_DIGIT_CODE[n.digits.charCodeAt(k)]!;
    if (digits === 0) return null;
    const next = codeAt(s, n.end);
    if (n.digits === '十四五' || (n.digits.length === 1 && next !== WAN && next !== YI)) return null;
  }
  let value = n.value;
  let end = n.end;
  let high: number | null = null;
  let shape: NumberMention['shape'] = 'single';
  let { mult, len } = multiplierAt(s, end);
  // 6.3-6.7, 1-2亿元, 30%-50%: a range; 222:212: a ratio
  for (const [re, kind] of SEPARATORS) {
    const afterFirst = kind === 'range' && s[end + len] === '%' ? end + len + 1 : end + len;
    re.lastIndex = afterFirst;
    const sep = re.exec(s);
    if (sep === null) continue;
    const second = numeralAt(s, afterFirst + sep[0].length);
    if (second === null || second.chinese !== n.chinese) continue;
    if (kind === 'ratio' && n.value <= 24 && second.digits.length === 2 && second.value < 60) return null; // a time, 9:45
    if (kind === 'range' && s[afterFirst - 1] === '%' && !/^[万亿]*%/.test(s.slice(second.end))) continue;
    if (kind === 'range' && (second.value < n.value || n.digits.length > 6 || second.digits.length > 6)) continue;
    if (kind === 'range' && /^\s*[-—–~～至到]?\s*\d*\s*(?:月|日|号|时)/.test(s.slice(second.end))) return null;
    const m2 = multiplierAt(s, second.end);
    if (m2.len > 0 && len === 0) {
      mult = m2.mult;
    }
    high = second.value;
    end = second.end;
    len = m2.len;
    shape = kind;
    break;
  }
  end += len;
  // 100余家, 10多万
  let qualifier: string | null = null;
  if ((codeAt(s, end) === 0x4f59 || codeAt(s, end) === 0x591a) && unitAt(s, end + 1) !== null) {
    qualifier = '超过';
    end += 1;
  }
  if ((codeAt(s, end) === 0x2e && isLatin(codeAt(s, end + 1))) || (isLatin(codeAt(s, end)) && unitAt(s, end) === null)) return null;
  let u = shape === 'ratio' ? null : unitAt(s, end);
  let unit = shape === 'ratio' ? ':' : '';
  // 69.1×151.7×7.9mm: the dimensions of a thing, its first one measured in the unit at the end
  if (u === null && shape === 'single' && mult === 1 && codeAt(s, end) === TIMES) {
    DIMENSIONS.lastIndex = end;
    const dims = DIMENSIONS.exec(s);
    const du = dims === null ? null : unitAt(s, end + dims[0].length);
    if (du !== null && du.mult === 1 && du.unit !== '') {
      end += dims![0].length;
      u = du;
    }
  }
  if (u !== null) {
    unit = u.unit;
    mult *= u.mult;
    end += u.len;
  }
  // 2元—10元, 2元到3元每小时: a range with the unit written at both ends (the second may add a per-unit)
  // (not after a change verb: 跌近400元/瓶至3550元/瓶 is a fall, then the level it fell to)
  if (shape === 'single' && unit !== '' && u !== null && !afterChangeVerb(s, qualifierBefore(s, n.start, floor).at, floor)) {
    RANGE_SEP.lastIndex = end;
    const sep = RANGE_SEP.exec(s);
    const second = sep === null ? null : numeralAt(s, end + sep[0].length);
    if (second !== null && second.chinese === n.chinese) {
      const m2 = multiplierAt(s, second.end);
      const u2 = unitAt(s, second.end + m2.len);
      if (u2 !== null && (u2.unit === unit || u2.unit.startsWith(`${unit}/`)) && applyMultiplier(second.value, m2.mult * u2.mult) >= applyMultiplier(value, mult)) {
        high = applyMultiplier(second.value, m2.mult * u2.mult) / mult;
        unit = u2.unit;
        end = second.end + m2.len + u2.len;
        shape = 'range';
      }
    }
  }
  // 4A级, 6G: a grade or a model, not a unit
  if (isLatin(codeAt(s, end)) && unit !== '' && !LATIN_UNITS.includes(unit)) return null;
  // 上午10点55分: a clock time
  if (unit === '点' && (/^\d+分/.test(s.slice(end)) || /(?:上午|下午|晚上|早上|凌晨|中午)$/.test(s.slice(Math.max(0, n.start - 2), n.start)))) return null;
  // 20个交易日, 3个工作日: a time window counted in days
  if (unit === '个' && /^(?:交易日|工作日|季度|年度)/.test(s.slice(end))) return null;
  if (TIME_UNITS.has(unit) && !DURATION_UNITS.has(unit)) {
    const pre = s.slice(Math.max(floor, n.start - 4), n.start);
    if (!TIME_VALUE_VERBS.some((v) => pre.endsWith(v))) return null;
  }
  if (n.chinese && unit === '' && mult === 1) return null;
  if (unit === '' && mult === 1 && shape === 'range' && !n.digits.includes('.')) return null;
  if (unit === '' && mult === 1 && shape === 'single') {
    const decimal = n.digits.includes('.');
    const pre = s.slice(Math.max(floor, n.start - 3), n.start);
    const isValue = decimal || /(?:报|为|至|到|达|收于|降到|升到|小于|大于|低于|高于)$/.test(pre);
    if (!isValue) return null;
    if (!decimal && /^\s*[、.．)）]/.test(s.slice(end))) return null;
  }
  if (unit === '' && mult === 1 && /^[(（]?\d{5,6}$/.test(s.slice(Math.max(0, n.start - 1), end)) && /^[)）]/.test(s.slice(end))) return null;
  if (!n.digits.includes(',') && !n.digits.includes('.') && n.digits.length >= 7 && mult === 1 && unit === '') return null;
  if (n.start === 0 && (codeAt(s, n.end) === 0x3001 || codeAt(s, n.end) === 0xff0e)) return null;
  if (unit !== '%' && /^\s*[×÷=*/]/.test(s.slice(end))) return null;
  const qb = qualifierBefore(s, n.start, floor);
  for (const [w, q] of QUALIFIERS_AFTER) {
    if (s.startsWith(w, end)) {
      qualifier = q;
      end += w.length;
      break;
    }
  }
  const applied = applyMultiplier(value, mult);
  value = applied;
  if (high !== null) high = applyMultiplier(high, mult);
  return {
    start: Math.min(qb.at, n.start),
    end,
    numeralStart: n.start,
    value,
    high,
    shape,
    unit,
    qualifier: qb.qualifier ?? qualifier,
  };
}
