/**
 * Which way a change goes and what it is measured against: 同比下降2.7% is a fall of 2.7 on a
 * year-on-year basis, 两年平均增长18.9% a rise over a two-year average.
 */
import type { ClaimBaseline, ClaimDirection } from './types.js';

/** Change words, longest first; the one nearest the number decides (增速回落至… → down). */
const DOWN = ['下降', '减少', '回落', '收窄', '下跌', '降低', '下调', '下滑', '缩小', '缩减', '萎缩', '下挫', '跳水', '走低', '放缓', '减缓', '放慢', '回调', '降幅', '跌幅', '跌', '降', '减'];
const UP = ['加息', '升息', '增长', '上涨', '增加', '提高', '上升', '扩大', '上调', '拉升', '反弹', '攀升', '走高', '加快', '增幅', '涨幅', '增速', '涨', '增', '升'];
const FLAT = ['持平', '不变'];
const WORDS: readonly (readonly [string, ClaimDirection])[] = [
  ...DOWN.map((w) => [w, 'down'] as const),
  ...UP.map((w) => [w, 'up'] as const),
  ...FLAT.map((w) => [w, 'flat'] as const),
].sort((a, b) => b[0].length - a[0].length);

/**
 * The direction of a change from the text before its number (`predicate`) and its subject
 * (跌幅为8.01% → down); `up` when the text names none (同比38.0%).
 */
export function directionOf(predicate: string, subject: string): ClaimDirection {
  let best: ClaimDirection | null = null;
  let at = -1;
  for (const [w, d] of WORDS) {
    const i = predicate.lastIndexOf(w);
    // a longer word found at the same place wins (下降 over 降)
    if (i !== -1 && i + w.length > at) {
      at = i + w.length;
      best = d;
    }
  }
  if (best !== null) return best;
  if (/(?:跌幅|降幅|降息|降准)$/.test(subject)) return 'down';
  return 'up';
}

/** Baseline phrases, the nearest before the number wins. */
const BASELINES: readonly (readonly [RegExp, ClaimBaseline])[] = [
  [/两年平均|两年复合/g, 'two-year-avg'],
  [/比(?:19|20)\d\d年(?:同期)?|较(?:19|20)\d\d年(?:同期)?/g, 'vs-year'],
  [/环比|比上月|较上月|比上季|较上季|比上周|较上周/g, 'mom'],
  [/同比|比去年同期|较去年同期|比上年同期|较上年同期|比上年|较上年|比去年|较去年/g, 'yoy'],
  [/比(?:预期|目标)|较(?:预期|目标)/g, 'vs-target'],
];

/** Every baseline phrase of a sentence, in text order (found once; {@link baselineBefore} picks one per number). */
export function baselineMentions(sentence: string): { start: number; end: number; baseline: ClaimBaseline }[] {
  const out: { start: number; end: number; baseline: ClaimBaseline }[] = [];
  // every phrase has 比, 较 or 两年: most sentences need no search
  if (!sentence.includes('比') && !sentence.includes('较') && !sentence.includes('两年')) return out;
  for (const [re, b] of BASELINES) for (const m of sentence.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, baseline: b });
  return out.sort((a, b) => a.start - b.start);
}

/** The baseline of a number at `pos`: the last phrase written wholly before it (as {@link baselineOf} on the text before it). */
export function baselineBefore(mentions: readonly { start: number; end: number; baseline: ClaimBaseline }[], pos: number): ClaimBaseline | null {
  let best: ClaimBaseline | null = null;
  let at = -1;
  // the nearest start wins; at one start, the first phrase in list order (as baselineOf)
  for (const m of mentions) {
    if (m.end <= pos && m.start > at) {
      at = m.start;
      best = m.baseline;
    }
  }
  return best;
}

/** The baseline written in `before` (the sentence up to the number), or null. */
export function baselineOf(before: string): ClaimBaseline | null {
  let best: ClaimBaseline | null = null;
  let at = -1;
  for (const [re, b] of BASELINES) {
    for (const m of before.matchAll(re)) {
      if (m.index > at) {
        at = m.index;
        best = b;
      }
    }
  }
  return best;
}
