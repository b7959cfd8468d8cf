/**
 * The number scanner: every numeric expression in a sentence — numeral, range or ratio,
 * multiplier, unit, qualifier — with the checks that tell a claim from a date, a stock code,
 * a model name, a list number or an id. Pure.
 */
import { CN_NUMERAL_CHARS, MULTIPLIERS, applyMultiplier, parseArabic, parseChineseNumeral } from './numbers.js';
import { LATIN_UNITS, QUALIFIERS_AFTER, QUALIFIERS_BEFORE, TIME_UNITS, TIME_VALUE_VERBS, UNIT_RULES } from './lexicon.js';

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

const ARABIC = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;
const CHINESE = new RegExp(`[${CN_NUMERAL_CHARS}]+(?:点[零一二三四五六七八九]+)?`, 'y');
const RANGE_SEP = /\s*[-—–~～至到]\s*/y;
const RATIO_SEP = /\s*[:：]\s*/y;
const LATIN = /[A-Za-z]/;
/** 1 at the char codes of Chinese numerals: a table, read once per character of every sentence. */
const CN_NUMERAL_CODE = new Uint8Array(0x10000);
for (const c of CN_NUMERAL_CHARS) CN_NUMERAL_CODE[c.charCodeAt(0)] = 1;
const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

interface Numeral {
  start: number;
  end: number;
  value: number;
  chinese: boolean;
  digits: string;
}

function numeralAt(s: string, i: number): Numeral | null {
  ARABIC.lastIndex = i;
  const a = ARABIC.exec(s);
  if (a !== null) return { start: i, end: i + a[0].length, value: parseArabic(a[0]), chinese: false, digits: a[0] };
  CHINESE.lastIndex = i;
  const c = CHINESE.exec(s);
  if (c === null) return null;
  // a trailing 万/亿 is the multiplier, read separately
  const text = c[0].replace(/[万亿]+$/, '') || c[0];
  const value = parseChineseNumeral(text);
  return Number.isNaN(value) ? null : { start: i, end: i + text.length, value, chinese: true, digits: text };
}

function multiplierAt(s: string, i: number): { mult: number; len: number } {
  for (const [w, m] of MULTIPLIERS) if (s.startsWith(w, i)) return { mult: m, len: w.length };
  return { mult: 1, len: 0 };
}

/** Unit rules by their first character (longest first within each), so a lookup reads a few. */
const UNITS_BY_FIRST = new Map<string, (typeof UNIT_RULES)[number][]>();
for (const r of UNIT_RULES) {
  const list = UNITS_BY_FIRST.get(r.text[0] ?? '') ?? [];
  list.push(r);
  UNITS_BY_FIRST.set(r.text[0] ?? '', list);
}

function unitAt(s: string, i: number): { unit: string; mult: number; len: number } | null {
  let j = i;
  while (s[j] === ' ') j++;
  for (const r of UNITS_BY_FIRST.get(s[i] ?? '') ?? []) {
    if (r.text !== '' && s.startsWith(r.text, i)) return { unit: r.unit, mult: r.multiplier, len: r.text.length };
  }
  for (const u of LATIN_UNITS) {
    if (s.startsWith(u, j) && !/[A-Za-z0-9]/.test(s[j + u.length] ?? '')) return { unit: u, mult: 1, len: j - i + u.length };
  }
  return null;
}

function qualifierBefore(s: string, start: number, floor: number): { qualifier: string | null; at: number } {
  const window = s.slice(floor, start);
  for (const [w, q] of QUALIFIERS_BEFORE) if (window.endsWith(w)) return { qualifier: q, at: start - w.length };
  // 约减少了5.42亿: a qualifier before a change verb still qualifies the number
  const stripped = window.replace(/(?:了|的)$/, '').replace(/(?:减少|增加|下降|增长|上涨|下跌|提高|降低|涨|跌)$/, '');
  if (stripped !== window) for (const [w, q] of QUALIFIERS_BEFORE) if (stripped.endsWith(w)) return { qualifier: q, at: start };
  return { qualifier: null, at: start };
}

/** Spans (start, end) the scanner must not read numbers in: URLs and e-mail addresses. */
function blockedSpans(s: string): [number, number][] {
  const spans: [number, number][] = [];
  // each alternative needs one of these: most sentences skip the search (it retries at every word character)
  if (!s.includes('@') && !s.includes('http') && !s.includes('www.')) return spans;
  for (const m of s.matchAll(/(?:https?:\/\/|www\.)[^\s，。；）)]+|[\w.]+@[\w.]+/g)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * Every numeric claim candidate in `sentence` (half-width digits), skipping the spans in
 * `skip` (period expressions) and every number that is not a claim.
 */
export function scanNumbers(sentence: string, skip: readonly [number, number][]): NumberMention[] {
  const s = sentence;
  // by start, walked with the scan, so a sentence with many periods costs no more than its length
  const blocked = [...skip, ...blockedSpans(s)].sort((x, y) => x[0] - y[0]);
  const out: NumberMention[] = [];
  let floor = 0;
  let i = 0;
  let next = 0;
  while (i < s.length) {
    while (next < blocked.length && blocked[next]![1] <= i) next++;
    let end = -1;
    for (let k = next; k < blocked.length && blocked[k]![0] <= i; k++) if (i < blocked[k]![1]) end = blocked[k]![1];
    if (end !== -1) {
      i = end;
      continue;
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

function readMention(s: string, n: Numeral, floor: number): NumberMention | null {
  const before = s[n.start - 1] ?? '';
  const before2 = s.slice(Math.max(0, n.start - 2), n.start);
  if (before === '第' || (before === '前' && !/[目此之以提日]前$/.test(before2)) || LATIN.test(before) || /[A-Za-z]-$|[A-Za-z] $/.test(before2) || /[×÷=+*\\#№]/.test(before)) return null;
  if (n.chinese && !/[零〇一二两三四五六七八九]/.test(n.digits)) return null;
  if (n.chinese && (n.digits === '十四五' || /^[零〇一二两三四五六七八九]$/.test(n.digits) && !/^[万亿]/.test(s.slice(n.end)))) return null;
  let value = n.value;
  let end = n.end;
  let high: number | null = null;
  let shape: NumberMention['shape'] = 'single';
  let { mult, len } = multiplierAt(s, end);
  // 6.3-6.7, 1-2亿元, 30%-50%: a range; 222:212: a ratio
  for (const [re, kind] of [[RANGE_SEP, 'range'], [RATIO_SEP, 'ratio']] as const) {
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
  if (/^[余多]/.test(s.slice(end)) && unitAt(s, end + 1) !== null) {
    qualifier = '超过';
    end += 1;
  }
  if (/^[.][A-Za-z]/.test(s.slice(end)) || (LATIN.test(s[end] ?? '') && unitAt(s, end) === null)) return null;
  const u = shape === 'ratio' ? null : unitAt(s, end);
  let unit = shape === 'ratio' ? ':' : '';
  if (u !== null) {
    unit = u.unit;
    mult *= u.mult;
    end += u.len;
  }
  if (/^[A-Za-z0-9]/.test(s.slice(end)) && unit !== '' && !LATIN_UNITS.includes(unit)) {
    // 4A级, 6G: a grade or a model, not a unit
    if (LATIN.test(s[end] ?? '')) return null;
  }
  // 上午10点55分: a clock time
  if (unit === '点' && (/^\d+分/.test(s.slice(end)) || /(?:上午|下午|晚上|早上|凌晨|中午)$/.test(s.slice(Math.max(0, n.start - 2), n.start)))) return null;
  // 20个交易日, 3个工作日: a time window counted in days
  if (unit === '个' && /^(?:交易日|工作日|季度|年度)/.test(s.slice(end))) return null;
  if (TIME_UNITS.has(unit)) {
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
  if (/^[、．]/.test(s.slice(n.end)) && n.start === 0) return null;
  if (/^\s*[×÷=*/]/.test(s.slice(end)) && unit !== '%') return null;
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
