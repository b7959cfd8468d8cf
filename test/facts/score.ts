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

/** Exact subject rule: equal after spaces and quote marks are removed. */
const bareSubject = (x: string): string => x.replace(/[\s“”"'‘’「」《》]/g, '');

/** One labelled claim. */
export interface LabelledClaim {
  value: number;
  unit: string;
  subject: string;
  kind: string;
  period: string | null;
  /** Second set only: signed value, direction and baseline were labelled (first set: absent). */
  direction?: 'up' | 'down' | 'flat' | null;
  baseline?: string | null;
}

/** One labelled article: its path relative to the corpus root and its claims. */
export interface LabelledArticle {
  path: string;
  claims: LabelledClaim[];
  /** Never tuned on: scored apart from the rest. */
  heldOut?: boolean;
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
  field: Field;
  /** What the label says (absent for a spurious claim). */
  gold?: LabelledClaim;
  /** What was extracted (absent for a missed claim). */
  predicted?: Brief;
}

type Brief = Pick<Claim, 'value' | 'unit' | 'subject' | 'kind' | 'period' | 'text'> & { baseline?: string | null };

/**
 * value+unit pairs by magnitude, so a lost sign counts as a sign error, not a miss; the sign,
 * baseline and exact-subject fields are scored only over labels that carry them (second set).
 */
const FIELDS = ['value+unit', 'value+unit+sign', 'subject', 'subject-exact', 'kind', 'period', 'baseline'] as const;
type Field = (typeof FIELDS)[number];

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
  const correct = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  let nPred = 0;
  let nGold = 0;
  let nSigned = 0;
  let nSignedPred = 0;
  const misses: Miss[] = [];
  const brief = (p: Claim): Brief => ({ value: p.value, unit: p.unit, subject: p.subject, kind: p.kind, period: p.period, text: p.text, baseline: p.baseline });
  for (const article of labels) {
    const preds = [...(predicted.get(article.path) ?? [])];
    const signed = article.claims.some((c) => c.direction !== undefined);
    nPred += preds.length;
    nGold += article.claims.length;
    if (signed) {
      nSigned += article.claims.length;
      nSignedPred += preds.length;
    }
    const used = new Set<number>();
    for (const gold of article.claims) {
      const i = preds.findIndex((p, k) => !used.has(k) && p.unit === gold.unit && sameValue(Math.abs(p.value), Math.abs(gold.value)));
      if (i === -1) {
        misses.push({ path: article.path, field: 'value+unit', gold });
        continue;
      }
      used.add(i);
      const p = preds[i]!;
      const check = (field: Field, ok: boolean): void => {
        if (ok) correct[field]++;
        else misses.push({ path: article.path, field, gold, predicted: brief(p) });
      };
      correct['value+unit']++;
      check('subject', subjectsMatch(gold.subject, p.subject));
      check('kind', gold.kind === p.kind);
      check('period', gold.period === p.period);
      if (signed) {
        check('value+unit+sign', sameValue(p.value, gold.value));
        check('subject-exact', bareSubject(gold.subject) === bareSubject(p.subject));
        check('baseline', (gold.baseline ?? null) === (p.baseline ?? null));
      }
    }
    preds.forEach((p, k) => {
      if (!used.has(k)) misses.push({ path: article.path, field: 'value+unit', predicted: brief(p) });
    });
  }
  const fields = Object.fromEntries(
    FIELDS.map((f) => {
      const onSigned = f === 'value+unit+sign' || f === 'subject-exact' || f === 'baseline';
      return [f, onSigned ? score(correct[f], nSignedPred, nSigned) : score(correct[f], nPred, nGold)];
    }),
  ) as Record<Field, FieldScore>;
  return { fields, misses };
}
