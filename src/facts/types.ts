/** The numeric claim: what the facts stage extracts, stores and compares. */

/** What a number says about its subject. */
export type ClaimKind = 'level' | 'growth' | 'share' | 'count' | 'target';

/** The kinds, for validation and display. */
export const CLAIM_KINDS: readonly ClaimKind[] = ['level', 'growth', 'share', 'count', 'target'];

/** Which way a change goes; null on claims that are not changes. */
export type ClaimDirection = 'up' | 'down' | 'flat';

/** What a change is measured against: 同比, 环比, 比2019年同期, 两年平均, 比目标. */
export type ClaimBaseline = 'yoy' | 'mom' | 'vs-year' | 'two-year-avg' | 'vs-target';

/** One numeric claim in one article. */
export interface Claim {
  /**
   * The value with multipliers applied (130万 → 1300000, 42.2% → 42.2); the low end of a range.
   * Signed for a change: 下降2.7% → -2.7.
   */
  value: number;
  /** The high end of a range (6.3-6.7 → 6.7), the second term of a ratio (222:212 → 212); else null. Signed like value. */
  high: number | null;
  /** `single`, `range` or `ratio`. */
  shape: 'single' | 'range' | 'ratio';
  /** Unit after the multiplier is folded into the value: 元, 吨, 个, %, 个百分点, 倍, 港元/股…; '' when none. */
  unit: string;
  /** The measured noun phrase (5G基站, 规模以上工业企业利润总额); '' when none was found. */
  subject: string;
  kind: ClaimKind;
  /** For a change (kind growth): up, down or flat; null otherwise. */
  direction: ClaimDirection | null;
  /** For a change: what it is measured against; null when the text says nothing. */
  baseline: ClaimBaseline | null;
  /** 超过, 近, 约, 以上, 以下, 达到, 不足, 不超过, 至少, 最高, 以内; null when the number is exact. */
  qualifier: string | null;
  /** Resolved period (`2021`, `2021-Q3`, `2021-11`, `2021-12-08`, `2021-01/2021-11`); null when unstated. */
  period: string | null;
  /** For a target: the day it is due (`2022-12-31`), when the text gives one. */
  deadline: string | null;
  /** The number as written (超过130万个). */
  text: string;
  /** The sentence it was found in. */
  sentence: string;
  /** Offsets of {@link text} in the article text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** Offset of the sentence in the article text. */
  sentenceStart: number;
}
