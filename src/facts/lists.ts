/**
 * Lists in market and statistics sentences: several names sharing one figure
 * (通达集团，丘钛科技，舜宇光学科技涨超2.5%; 金蝶国际、舜宇、京东健康涨超3%) give one claim per
 * name, and a number joined to the next one (27.3及56.2港元) shares its unit. Pure.
 */
import { MEASURE_HEADS, UNIT_RULES } from './lexicon.js';
import type { NumberMention } from './scan-numbers.js';

/** A market or scope word before a name that is not part of it (港股比亚迪电子 → 比亚迪电子), or the pronoun 其 (其手机销量 → 手机销量; not 其他, 其余). */
const NAME_PREFIX = /^(?:其中|此外|另外|同时|而|港股|A股|美股|H股|中概股|个股|其(?![他它余实次后间]))+/u;
/** An adverb of time after a name (恒大汽车短线 → 恒大汽车). */
const NAME_SUFFIX = /(?:短线|盘中|午后|早盘|尾盘|午间|现)+$/u;
/** Names followed by their count (甲、乙、丙3家企业的…): the names, the count. */
const APPOSED_COUNT = /^(.+?)(\d+)(?:家|个|只|位|名|款|类|种)/u;
/** A name: letters and Han characters, no digit, no sentence word. */
const BARE_NAME = /^[\p{Script=Han}A-Za-z&·.\- ]{2,14}$/u;
/** Words that show a list part is a clause, not a name. */
const NOT_A_NAME = /[的了在是为有将与对从被把]|板块|概念|行业|指数|市场|资金|走势|表现|截至|收盘|开盘|走强|走弱|分化|全线|集体|纷纷|涨|跌|(?<!控)股(?!份|东|票)|强劲|疲软|活跃|领涨|领跌|居前|同比|环比|比上|较上|均|分别|^(?:多|数|部分|不少|众多|一批|逾|超)/u;
/** A price move written right after the name: 涨超, 跌逾, 大涨, 续跌. */
const MOVE = /^(.*?)(?:午间|盘中|早盘|尾盘|午后|短线|现)?(?:收|大|续|再|齐|跟|领)?(?:上涨|下跌|走高|走低|涨停|跌停|涨|跌)(?:超过|超|逾|近|约|达)?$/u;

/** A list part as a name, or null: prefixes and time adverbs removed. */
export function asName(part: string): string | null {
  const name = part.trim().replace(NAME_PREFIX, '').replace(NAME_SUFFIX, '');
  return BARE_NAME.test(name) && !NOT_A_NAME.test(name) ? name : null;
}

/** A subject without a leading market word or a trailing time adverb. */
export function trimName(subject: string): string {
  const t = subject.replace(NAME_PREFIX, '').replace(/(?:短线|盘中|午后|早盘|尾盘|午间)+$/u, '');
  return t === '' ? subject : t;
}

/**
 * The names sharing a price move that ends at the number: `segment` is the sentence text from
 * the previous number to this one. Null when the segment is not such a list (the subject found
 * by the grammar stands).
 */
export function movingNames(segment: string): string[] | null {
  const clause = segment.split(/[；;。]/u).pop() ?? '';
  const parts = clause.split(/[，,、]/u).filter((p) => p.trim() !== '');
  const last = parts.pop();
  if (last === undefined) return null;
  const move = MOVE.exec(last.trim());
  if (move === null) return null;
  const head = asName(move[1]!);
  if (head === null) return null;
  const names = [head];
  for (let i = parts.length - 1; i >= 0; i--) {
    const name = asName(parts[i]!);
    if (name === null) break;
    names.unshift(name);
  }
  return names;
}

/** 27.3及56.2港元: a bare number joined to the next one takes its unit and multiplier. */
export function shareUnits(s: string, mentions: NumberMention[]): void {
  for (let k = mentions.length - 2; k >= 0; k--) {
    const m = mentions[k]!;
    const n = mentions[k + 1]!;
    if (m.unit !== '' || n.unit === '' || !/^[和及与、或]$/u.test(s.slice(m.end, n.numeralStart))) continue;
    const written = s.slice(n.numeralStart, n.end);
    const rule = UNIT_RULES.find((r) => r.unit === n.unit && written.includes(r.text));
    const mult = rule?.multiplier ?? 1;
    mentions[k] = { ...m, unit: n.unit, value: m.value * mult, high: m.high === null ? null : m.high * mult };
  }
}

/**
 * The subjects of a 分别 list in order: 装备制造业和高技术制造业利润 with two numbers →
 * 装备制造业利润, 高技术制造业利润 (the measured head of the last item is shared). Null when
 * the number of items is not the number of figures.
 */
export function respectiveSubjects(head: string, count: number): string[] | null {
  // 甲、乙、丙3家企业的市场份额分别为: names in apposition to their count are the items themselves
  const apposed = APPOSED_COUNT.exec(head);
  if (apposed !== null && Number(apposed[2]) === count) {
    const names = apposed[1]!.split(/[、和及与]/u).map((p) => p.trim());
    if (names.length === count && names.every((n) => BARE_NAME.test(n))) return names;
  }
  const parts = head.split(/[、和及与]/u).map((p) => p.trim());
  if (count < 2 || parts.length !== count || parts.some((p) => p === '' || /[0-9]/.test(p))) return null;
  const last = parts[count - 1]!;
  // 在岸、离岸人民币汇率; 东部、中部和西部地区投资: parallel modifiers (one length, one last
  // character: 岸, 部) share what follows the last item's modifier
  const k = [...parts[0]!].length;
  const edge = [...last][k - 1];
  if (k <= 2 && parts.slice(0, -1).every((p) => [...p].length === k && [...p][k - 1] === edge) && [...last].length > k + 1) {
    const tail = [...last].slice(k).join('');
    return parts.map((p, i) => (i === count - 1 ? last : p + tail));
  }
  const shared = MEASURE_HEADS.find((h) => last.endsWith(h) && last !== h);
  return parts.map((p) => (shared === undefined || p.endsWith(shared) ? p : p + shared));
}
