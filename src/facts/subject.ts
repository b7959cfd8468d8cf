/**
 * The subject of a claim — the noun phrase a number measures — from the words before it (or,
 * for a count written before its noun, after it), with @node-rs/jieba and the user
 * dictionary in lexicon.ts; and the normalised subject used to group claims into series.
 */
import type { Jieba } from '@node-rs/jieba';
import {
  CLAUSE_VERBS,
  GROWTH_MARKERS,
  QUALIFIERS_BEFORE,
  MEASURE_NOUNS_TAGGED_VERB,
  SUBJECT_INNER_VERBS,
  SUBJECT_LEADING_VERBS,
  SUBJECT_LIGHT_VERBS,
  SUBJECT_STOPWORDS,
  SUBJECT_SYNONYMS,
  SUBJECT_TRAILING_ADVERBS,
  USER_DICT,
} from './lexicon.js';
import { loadJieba } from '../util/jieba.js';

// Loaded on first use: the story page and the CLI's reading commands load this module for its
// subject normalisation and never tokenize (see search/segment.ts).
let jieba: Jieba | undefined;

/** The shared tokenizer (default dictionary + the user dictionary), created on first use. */
export function tokenizer(): Jieba {
  jieba ??= loadJieba(USER_DICT);
  return jieba;
}

interface Token {
  word: string;
  tag: string;
}

/** The tags of texts already tagged while one article is read, or null outside {@link withTagMemo}. */
let tagMemo: Map<string, readonly Token[]> | null = null;

/**
 * Run `read` with the tags of each distinct text kept until it returns: one article tags the
 * same window more than once (a bracket, a 分别 head, versions of one paragraph). Nothing is
 * kept across calls, so memory stays bounded by one article.
 */
export function withTagMemo<T>(read: () => T): T {
  const outer = tagMemo;
  tagMemo = outer ?? new Map();
  try {
    return read();
  } finally {
    tagMemo = outer;
  }
}

/** jieba's part-of-speech tags of `text` (shared, not to be changed), through the memo when one is open. */
function tagged(text: string): readonly Token[] {
  if (text === '') return [];
  const hit = tagMemo?.get(text);
  if (hit !== undefined) return hit;
  const tokens: readonly Token[] = splitChangeWords(tokenizer().tag(text));
  tagMemo?.set(text, tokens);
  return tokens;
}

/** A change verb jieba glues to the word before it (价格上涨/l, 同比增加/nr). */
const GLUED_CHANGE = /^(\p{Script=Han}+?)(上涨|下跌|上升|下降|增长|增加|减少|回落|回升)$/u;

/**
 * jieba's fixed phrases and names that end in a change verb (食品价格上涨: 价格上涨/l) or start
 * with 同比/环比 (同比增加/nr) split into the noun or marker and the verb, so the noun stays in
 * the subject and the verb in the predicate.
 */
function splitChangeWords(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.word.length > 2 && GLUED_CHANGE.test(t.word))) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    const m = t.word.length > 2 ? GLUED_CHANGE.exec(t.word) : null;
    if (m === null) out.push(t);
    else out.push({ word: m[1]!, tag: /^(?:同比|环比)$/u.test(m[1]!) ? 'j' : 'n' }, { word: m[2]!, tag: 'v' });
  }
  return out;
}

const NOUN_TAGS = new Set(['n', 'nr', 'ns', 'nt', 'nz', 'nrt', 'nrfg', 'vn', 'eng', 'an', 'j', 'ng', 'b', 's', 'f', 'a', 'k']);
const QUOTES = new Set(['"', '“', '”', '「', '」', '《', '》', '\'', '‘', '’']);
const PREDICATE_WORDS = new Set<string>([
  ...QUALIFIERS_BEFORE.map(([w]) => w),
  // 涨幅, 增速 are nouns a subject may end with; the other change words are verbs
  ...GROWTH_MARKERS.filter((w) => !/[幅速]$/.test(w)),
  '为', '是', '至', '到', '报', '从', '由', '将', '已', '已经', '可', '均', '共', '仅', '有', '已有', '分别', '再度', '续',
  // a closing quote's verb (收报2929点) jieba may tag as a noun
  '收报', '报收', '收于',
  '了', '较', '比', '平均', '年均', '两年平均', '在', '以', '于', '达到', '突破', '一度', '现', '盘中', '直线', '冲高', '大幅', '集体', '全线', '跟',
]);
// words that end a subject even when jieba calls them nouns (time words, pronouns, quantifiers: 少数能达到…)
const STOP_WORDS = new Set(['目前', '现在', '今年', '去年', '明年', '此前', '近日', '其中', '公司', '该股', '该公司', '本行', '本公司', '我们', '盘中', '以来', '之后', '之前', '以后', '以前', '少数', '多数', '大多数']);
/** A run of Latin letters, digits, spaces and + (a model name: Galaxy S20 4G, Note 10+5G). */
const LATIN_RUN = /^[A-Za-z0-9+.\-\s]+$/u;

// currencies jieba tags as measure words (美元/q), which name what a rate measures (人民币兑美元)
const CURRENCIES = new Set(['美元', '港元', '欧元', '日元', '英镑', '人民币', '港币']);
// one-character measure suffixes jieba may tag as verbs (开箱/n 率/v): they end a noun phrase
const MEASURE_SUFFIXES = new Set(['率', '额', '量', '值', '价', '比']);
const isNounLike = (t: Token): boolean =>
  (NOUN_TAGS.has(t.tag) || MEASURE_NOUNS_TAGGED_VERB.has(t.word) || (t.tag === 'l' && MEASURE_END.test(t.word)) || CURRENCIES.has(t.word) || MEASURE_SUFFIXES.has(t.word) || isNamedNumeral(t) || /^\d+[A-Za-z]+\p{Script=Han}+$/u.test(t.word)) &&
  !PREDICATE_WORDS.has(t.word) &&
  !/^\d+(?:\.\d+)?$/.test(t.word);
/** A fixed phrase (jieba's l) that ends like a measure noun (拥有量, 周转率). */
const MEASURE_END = /[量率额数值]$/u;
const NEGATION_PREFIXES = new Set(['无', '非', '待']);
/** One-character heads a verb before them names (洗选业, 拨备率, 阅读量). */
const INDUSTRY_OR_RATE = new Set(['业', '率', '量', '额']);
const CONJUNCTIONS = new Set(['及', '和', '与', '、', '以及']);
const DIRECTION_WORDS = new Set(['后', '前', '上', '下', '中', '内', '外', '里']);
/** A word jieba tags as a numeral without a numeral in it (港澳台/m). */
const isNamedNumeral = (t: Token): boolean => t.tag === 'm' && /^\p{Script=Han}+$/u.test(t.word) && !/[零〇一二两三四五六七八九十百千万亿几半多余第首]|[年月日季期天周]$/.test(t.word);
/** A demonstrative and its measure word before a noun phrase (此轮, 本次, 该批, 这一期). */
const DETERMINER = /(?:此|本|该|这|这一|上一)(?:轮|次|期|批)$/u;
/** "Other" or "one" with a measure word before a noun phrase (其他品牌, 一个用户, 一台设备). */
const OTHER_OR_ONE = /^(?:其他|其余|其它|一[个台家位名只户件条])$/u;
/** A leader named by its sector (白酒股龙头X): the role word, after which the name alone is the subject. */
const ROLE_WORDS = new Set(['龙头', '领头羊']);

/**
 * How far before a number (or after a clause start) a subject and its predicate can reach:
 * longer runs (a page of figures without a full stop) are cut so tagging stays linear.
 */
const SUBJECT_REACH = 80;
const lastChars = (t: string, n: number): string => (t.length <= n ? t : t.slice(t.length - n));

/**
 * The subject in `before` (the clause text before the number, period words already removed):
 * drop the predicate at its end (verbs, qualifiers, 同比增长), then take the longest run of
 * nouns before it, keeping inner verbs such as 占 and skipping light verbs such as 实现.
 * Returns the subject and the predicate text that was dropped.
 */
export function subjectBefore(before: string): { subject: string; predicate: string } {
  const tokens = tagged(lastChars(before.trim(), SUBJECT_REACH));
  let end = tokens.length;
  const predicate: string[] = [];
  while (end > 0) {
    const t = tokens[end - 1]!;
    // 低至, 高至 (as low as): the adjective before 至 is part of the predicate
    const asLowAs = (t.word === '低' || t.word === '高') && predicate[0] === '至';
    if (isNounLike(t) && !STOP_WORDS.has(t.word) && !SUBJECT_TRAILING_ADVERBS.has(t.word) && !asLowAs) break;
    if (QUOTES.has(t.word) && end >= 2 && isNounLike(tokens[end - 2]!)) break;
    predicate.unshift(t.word);
    end--;
  }
  const words: string[] = [];
  let i = end - 1;
  for (; i >= 0; i--) {
    const t = tokens[i]!;
    if (STOP_WORDS.has(t.word)) break;
    // a measure suffix only after a noun (开箱率), a role word only before a name (龙头甲乙酒业)
    if (MEASURE_SUFFIXES.has(t.word) && words.length > 0 && !NOUN_TAGS.has(t.tag)) break;
    if (ROLE_WORDS.has(t.word) && words.length > 0) break;
    // 外商及港澳台商投资企业, 电力、热力、燃气及水生产和供应业: one category named with conjunctions
    if (words.length > 0 && CONJUNCTIONS.has(t.word) && i > 0 && isNounLike(tokens[i - 1]!) && !STOP_WORDS.has(tokens[i - 1]!.word)) {
      words.unshift(t.word);
      continue;
    }
    // 非流动资产, 无固定期限: a negation prefix, or a fixed phrase (jieba's l) or a bound morpheme
    // (志晟信息: 晟/g) inside the phrase; 洗选业: a verb naming an industry
    if (words.length > 0 && (NEGATION_PREFIXES.has(t.word) || t.tag === 'l' || t.tag === 'g' || (words.length === 1 && INDUSTRY_OR_RATE.has(words[0]!) && t.tag.startsWith('v')))) {
      words.unshift(t.word);
      continue;
    }
    // GDP增长目标: what a growth target is of
    if (words.length > 0 && /^目标/.test(words[0]!) && (t.word === '增长' || t.word === '增速')) {
      words.unshift(t.word);
      continue;
    }
    // Galaxy S20 4G 版售价, 三星Note 10+5G版: the spaces, digits and + of a Latin name are inside the phrase
    if (words.length > 0 && LATIN_RUN.test(t.word)) {
      let j = i;
      while (j > 0 && LATIN_RUN.test(tokens[j - 1]!.word)) j--;
      const run = tokens.slice(j, i + 1).map((x) => x.word).join('').trimStart();
      if (/[A-Za-z]/.test(run) && /^[A-Za-z0-9]/.test(run)) {
        words.unshift(run);
        i = j;
        continue;
      }
    }
    if (isNounLike(t) || QUOTES.has(t.word) || (SUBJECT_INNER_VERBS.has(t.word) && words.length > 0)) {
      words.unshift(t.word);
      continue;
    }
    if (t.word === '的' && words.length > 0 && i > 0 && isNounLike(tokens[i - 1]!)) {
      words.unshift(t.word);
      continue;
    }
    // 累计境外输入病例: 累计 opening the clause is the phrase's scope (inside it, 制造业累计实现利润, or
    // before a verb, 累计培育…企业, a light verb)
    if (t.word === '累计' && words.length > 0 && !/^v/.test(tokens[i + 1]!.tag) && (i === 0 || /^[、，,；;：:\s]$/.test(tokens[i - 1]!.word))) {
      words.unshift(t.word);
      break;
    }
    if (SUBJECT_LIGHT_VERBS.has(t.word) && words.length > 0) continue;
    // 同航班密切接触者 (same flight): 同 right before the phrase, after no noun, is an attribute, not 'with'
    if (t.word === '同' && words.length > 0 && i > 0 && !isNounLike(tokens[i - 1]!)) {
      words.unshift(t.word);
      break;
    }
    // 每小时的收入, 每户用水量: 每 and the unit after it open the phrase
    if (t.word === '每' && words.length > 0) {
      words.unshift(t.word);
      // the phrase goes on only through a noun before 每 (规模以上工业企业每百元营业收入)
      if (i > 0 && isNounLike(tokens[i - 1]!) && !STOP_WORDS.has(tokens[i - 1]!.word)) continue;
      break;
    }
    // 万元国内生产总值用水量: an amount of money opening the phrase is a rate's base
    if (words.length > 0 && t.tag === 'm' && /^[百千万亿]+元$/u.test(t.word)) {
      words.unshift(t.word);
      continue;
    }
    // 每百元营业收入, 每万人口: 每 and its numeral are a rate's base inside the phrase
    if (words.length > 0 && t.tag === 'm' && i > 0 && tokens[i - 1]!.word === '每') {
      words.unshift(tokens[i - 1]!.word, t.word);
      i--;
      continue;
    }
    // 原箱价格 (原/n 箱/q 价格/n): a measure word between two nouns is inside the phrase
    if (words.length > 0 && t.tag === 'q' && i > 0 && /^(?:n|nz|ng|nr|ns|nt|b)$/.test(tokens[i - 1]!.tag) && !DIRECTION_WORDS.has(tokens[i - 1]!.word) && !STOP_WORDS.has(tokens[i - 1]!.word)) {
      words.unshift(t.word);
      continue;
    }
    // 散装飞天市场价, 氧化稳定电位: a two-character verb opening the clause is an attribute of the noun after it
    if (words.length > 0 && i === 0 && t.tag === 'v' && [...t.word].length === 2 && !CLAUSE_VERBS.has(t.word) && !SUBJECT_LEADING_VERBS.has(t.word) && !PREDICATE_WORDS.has(t.word)) {
      words.unshift(t.word);
      break;
    }
    // a name jieba split badly (舜宇光学科技 → 舜 + 宇光学科技): keep a lone character at the clause start
    const prevTok = tokens[i - 1];
    if ([...t.word].length === 1 && /\p{Script=Han}/u.test(t.word) && words.length > 0 && !PREDICATE_WORDS.has(t.word) && (prevTok === undefined || /^[、，,；;：:\s]$/.test(prevTok.word))) {
      words.unshift(t.word);
    }
    break;
  }
  // 此轮调整最低价, 本次发行价格: a determiner with its measure word opens the phrase
  if (words.length > 0 && i >= 0) {
    const determiner = DETERMINER.exec(tokens.slice(Math.max(0, i - 2), i + 1).map((t) => t.word).join(''));
    if (determiner !== null) words.unshift(determiner[0]);
    // 其他品牌手机, 一台设备的成本: "other" or "one" with its measure word opens the phrase
    else if (OTHER_OR_ONE.test(tokens[i]!.word)) words.unshift(tokens[i]!.word);
  }
  while (words.length > 1 && SUBJECT_LEADING_VERBS.has(words[0]!)) words.shift();
  // 后开箱率: a one-character direction word (后, 前, 上 …) before the phrase is an adverb of time or place
  while (words.length > 1 && [...words[0]!].length === 1 && DIRECTION_WORDS.has(words[0]!)) words.shift();
  // an opening quote without its closing one, or a dangling inner verb, is not part of the subject
  while (words.length > 0 && ['“', '「', '《', '‘'].includes(words[words.length - 1]!)) words.pop();
  while (words.length > 0 && (SUBJECT_INNER_VERBS.has(words[0]!) || words[0] === '的' || ['”', '」', '》', '’'].includes(words[0]!))) words.shift();
  const subject = balanceQuotes(words.join(''));
  return { subject, predicate: predicate.join('') };
}

/** The noun phrase a sentence starts with (在岸人民币兑美元升至… → 在岸人民币兑美元), '' when none. */
export function subjectLeading(text: string): string {
  // a headline's dash or bullet before the phrase (——车队人数，…) is no part of it
  const tokens = tagged(text.trim().replace(/^[—\-–·•*]+/u, '').slice(0, SUBJECT_REACH));
  const words: string[] = [];
  for (const t of tokens) {
    if (STOP_WORDS.has(t.word)) break;
    if (isNounLike(t) || QUOTES.has(t.word) || (SUBJECT_INNER_VERBS.has(t.word) && words.length > 0)) {
      words.push(t.word);
      continue;
    }
    break;
  }
  while (words.length > 0 && (SUBJECT_INNER_VERBS.has(words[words.length - 1]!) || QUOTES.has(words[words.length - 1]!))) words.pop();
  return balanceQuotes(words.join(''));
}

/** The noun phrase right after a number (5624股特斯拉股票期权 → 特斯拉股票期权), '' when none. */
export function subjectAfter(after: string): string {
  const tokens = tagged(after.trim());
  const words: string[] = [];
  for (let k = tokens[0]?.word === '的' ? 1 : 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (STOP_WORDS.has(t.word)) break;
    // 无固定期限资本债券: a negation prefix opens the phrase when a noun phrase follows
    if (words.length === 0 && NEGATION_PREFIXES.has(t.word) && tokens[k + 1] !== undefined && /^(?:a|n|l|vn|b)/.test(tokens[k + 1]!.tag)) {
      words.push(t.word);
      continue;
    }
    // 买入型评级: a verb + 型 is an attribute
    if (tokens[k + 1]?.word === '型' && words.length > 0 && /\p{Script=Han}/u.test(t.word)) {
      words.push(t.word, '型');
      k++;
      continue;
    }
    if (isNounLike(t) || (QUOTES.has(t.word) && words.length === 0) || (QUOTES.has(t.word) && words.length > 0)) {
      words.push(t.word);
      continue;
    }
    break;
  }
  // 41个工业大类行业中: a trailing 中/里 (among) is no part of the noun
  while (words.length > 0 && (words[words.length - 1] === '的' || QUOTES.has(words[words.length - 1]!))) words.pop();
  if (words.length > 0 && words[words.length - 1] === '中') words.pop();
  return balanceQuotes(words.join(''));
}

/**
 * The noun phrase right after a figure that is its attribute, opened by a two-character verb
 * of its own (1TB的拓展存储 → 拓展存储): {@link subjectAfter} otherwise.
 */
export function attributedNounAfter(after: string): string {
  const plain = subjectAfter(after);
  if ([...plain].length >= 2) return plain;
  const tokens = tagged(after.trim());
  const k = tokens[0]?.word === '的' ? 1 : 0;
  const verb = tokens[k];
  if (verb === undefined || !verb.tag.startsWith('v') || [...verb.word].length !== 2 || CLAUSE_VERBS.has(verb.word) || PREDICATE_WORDS.has(verb.word)) return plain;
  const rest = subjectAfter(tokens.slice(k + 1).map((t) => t.word).join(''));
  return rest === '' ? plain : verb.word + rest;
}

/**
 * The last list of exactly `count` noun phrases joined by 及/和/与/、 in `text` (列甲公司及乙公司为首选
 * → [甲公司, 乙公司]), clause by clause from the end; null when no clause holds one.
 */
export function listedNouns(text: string, count: number): string[] | null {
  const tokens = tagged(lastChars(text, SUBJECT_REACH));
  let best: string[] | null = null;
  let k = 0;
  while (k < tokens.length) {
    // a run of noun phrases joined by conjunctions, starting at k
    const items: string[] = [];
    let j = k;
    for (;;) {
      let np = '';
      while (j < tokens.length && isNounLike(tokens[j]!) && !STOP_WORDS.has(tokens[j]!.word)) np += tokens[j++]!.word;
      if (np === '') break;
      items.push(np);
      if (j < tokens.length && CONJUNCTIONS.has(tokens[j]!.word) && j + 1 < tokens.length && isNounLike(tokens[j + 1]!)) j++;
      else break;
    }
    if (items.length === count) best = items;
    k = Math.max(j, k + 1);
  }
  return best;
}

function balanceQuotes(s: string): string {
  let out = s;
  const pairs: [string, string][] = [['“', '”'], ['《', '》'], ['「', '」']];
  for (const [open, close] of pairs) {
    if (out.startsWith(open) && !out.includes(close)) out = out.slice(1);
    if (out.endsWith(close) && !out.includes(open)) out = out.slice(0, -1);
  }
  if ((out.match(/"/g)?.length ?? 0) % 2 === 1) out = out.startsWith('"') ? out.slice(1) : out.replace(/"$/, '');
  return out;
}

/**
 * The normalised subject: quotes and spaces removed, synonyms mapped to their canonical
 * form, scope words (全国, 累计, 的) dropped. Claims with equal normalised subjects form a series.
 */
export function normalizeSubject(subject: string): string {
  // every claim of an import asks, and a few hundred subjects recur: each is worked out once
  const known = normalized.get(subject);
  if (known !== undefined) return known;
  if (normalized.size >= NORMALIZED_MAX) normalized.clear();
  const s = normalizedOnce(subject);
  normalized.set(subject, s);
  return s;
}

/** Subjects already normalised (bounded: cleared when full). */
const normalized = new Map<string, string>();
const NORMALIZED_MAX = 8192;

function normalizedOnce(subject: string): string {
  // 广义货币(M2)余额 and 广义货币余额 are one series: a bracket's content is dropped with it
  let s = subject.replace(/[（(][^（()）]*[)）]/g, '').replace(/[\s"“”'‘’「」《》()（）]/g, '');
  for (const [variant, canonical] of SUBJECT_SYNONYMS) if (s.includes(variant)) s = s.split(variant).join(canonical);
  // jieba's words put together are the text again: without a stopword in it, no word is dropped (and no tokenizer call)
  if (!SUBJECT_STOPWORDS.some((w) => s.includes(w))) return s;
  const tokens = tokenizer().cut(s);
  return tokens.filter((t) => !SUBJECT_STOPWORDS.includes(t)).join('');
}

/** The head noun of a subject: its last token of two characters or more (利润总额, 基站). */
export function headNoun(subject: string): string {
  const tokens = tokenizer().cut(normalizeSubject(subject)).filter((t) => [...t].length >= 2);
  return tokens[tokens.length - 1] ?? normalizeSubject(subject);
}

/**
 * Whether two subjects name the same thing: equal or one contains the other after
 * {@link normalizeSubject}, or the predicted one contains the head noun of the reference.
 */
export function subjectsMatch(reference: string, predicted: string): boolean {
  const a = normalizeSubject(reference);
  const b = normalizeSubject(predicted);
  if (a === '' || b === '') return a === b;
  if (b.includes(a) || ([...b].length >= 2 && a.includes(b))) return true;
  const head = headNoun(reference);
  return [...head].length >= 2 && b.includes(head);
}
