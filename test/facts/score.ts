/**
 * Scoring extracted claims against hand labels. Claims are paired per article by value + unit
 * (greedy, in text order); each field is then scored over the pairs.
 *
 * Subject rule (written down, as the issue asks): after normalising both subjects (quotes and
 * spaces removed, synonyms mapped, scope words such as 全国/累计/的 dropped), a predicted subject
 * matches the labelled one when one contains the other (the predicted one must be at least two
 * characters), or when the predicted one contains the labelled subject's head noun (its last
 * jieba token of two or more characters). So 利润总额 matches 规模以上工业企业利润总额, and
 * 全国规模以上工业企业利润总额 matches it too; 营业收入 does not.
 */
import { subjectsMatch } from '../../src/facts/subject.js';
import type { Claim } from '../../src/facts/types.js';

/** One labelled claim. */
export interface LabelledClaim {
  value: number;
  unit: string;
  subject: string;
  kind: string;
  period: string | null;
}

/** One labelled article: its path relative to the corpus root and its claims. */
export interface LabelledArticle {
  path: string;
  claims: LabelledClaim[];
}

/** Precision, recall and F1 of one field. */
export interface FieldScore {
  correct: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

/** One miss, for the report. */
export interface Miss {
  path: string;
  field: 'value+unit' | 'subject' | 'kind' | 'period';
  /** What the label says (absent for a spurious claim). */
  gold?: LabelledClaim;
  /** What was extracted (absent for a missed claim). */
  predicted?: Pick<Claim, 'value' | 'unit' | 'subject' | 'kind' | 'period' | 'text'>;
}

const FIELDS = ['value+unit', 'subject', 'kind', 'period'] as const;

/** Scores of every field plus every miss. */
export interface Scores {
  fields: Record<(typeof FIELDS)[number], FieldScore>;
  misses: Miss[];
}

const sameValue = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function score(correct: number, predicted: number, gold: number): FieldScore {
  const precision = predicted === 0 ? 1 : correct / predicted;
  const recall = gold === 0 ? 1 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { correct, predicted, gold, precision, recall, f1 };
}

/** Score the claims extracted from each labelled article (`predicted.get(path)`). */
export function scoreClaims(labels: readonly LabelledArticle[], predicted: ReadonlyMap<string, readonly Claim[]>): Scores {
  const correct = { 'value+unit': 0, subject: 0, kind: 0, period: 0 };
  let nPred = 0;
  let nGold = 0;
  const misses: Miss[] = [];
  for (const article of labels) {
    const preds = [...(predicted.get(article.path) ?? [])];
    nPred += preds.length;
    nGold += article.claims.length;
    const used = new Set<number>();
    for (const gold of article.claims) {
      const i = preds.findIndex((p, k) => !used.has(k) && p.unit === gold.unit && sameValue(p.value, gold.value));
      if (i === -1) {
        misses.push({ path: article.path, field: 'value+unit', gold });
        continue;
      }
      used.add(i);
      const p = preds[i]!;
      const brief = { value: p.value, unit: p.unit, subject: p.subject, kind: p.kind, period: p.period, text: p.text };
      correct['value+unit']++;
      if (subjectsMatch(gold.subject, p.subject)) correct.subject++;
      else misses.push({ path: article.path, field: 'subject', gold, predicted: brief });
      if (gold.kind === p.kind) correct.kind++;
      else misses.push({ path: article.path, field: 'kind', gold, predicted: brief });
      if (gold.period === p.period) correct.period++;
      else misses.push({ path: article.path, field: 'period', gold, predicted: brief });
    }
    preds.forEach((p, k) => {
      if (!used.has(k)) {
        misses.push({ path: article.path, field: 'value+unit', predicted: { value: p.value, unit: p.unit, subject: p.subject, kind: p.kind, period: p.period, text: p.text } });
      }
    });
  }
  return {
    fields: {
      'value+unit': score(correct['value+unit'], nPred, nGold),
      subject: score(correct.subject, nPred, nGold),
      kind: score(correct.kind, nPred, nGold),
      period: score(correct.period, nPred, nGold),
    },
    misses,
  };
}
