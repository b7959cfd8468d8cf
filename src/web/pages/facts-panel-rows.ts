/**
 * The facts panel's rows from a story's merged facts: 一致 only where every version states the
 * same value. A merged fact whose versions each state several values (38% vs 41.3% vs 18.9%:
 * different baselines under one subject) becomes one row per value; the same value of the same
 * subject split across versions only by how each dated it becomes one row again. Pure.
 */
import type { StoryFact } from '../../facts/story-merge.js';

const ORDER: Record<StoryFact['status'], number> = { conflict: 0, partial: 1, agreement: 2 };

const statusOf = (articleIds: readonly string[], versions: ReadonlySet<string>): StoryFact['status'] =>
  [...versions].every((id) => articleIds.includes(id)) ? 'agreement' : 'partial';

/** One row per value of a fact that is not a conflict. */
function splitByValue(f: StoryFact, versions: ReadonlySet<string>): StoryFact[] {
  if (f.status === 'conflict' || f.values.length <= 1) {
    return f.status === 'conflict' ? [f] : [{ ...f, status: statusOf(f.articleIds, versions) }];
  }
  return f.values.map((v) => ({ ...f, values: [v], articleIds: [...v.articleIds], status: statusOf(v.articleIds, versions) }));
}

const valueKey = (f: StoryFact): string =>
  [f.subjectKey, f.unit, f.kind, ...f.values.map((v) => `${v.value}|${v.high ?? ''}`)].join('\u0000');

/**
 * Rows of the panel, conflicts first, then facts only some versions state, then agreements.
 * @example toPanelFacts(merged.facts, merged.versionIds)
 */
export function toPanelFacts(facts: readonly StoryFact[], versionIds: readonly string[]): StoryFact[] {
  const versions = new Set(versionIds);
  const rows: StoryFact[] = [];
  const partialByValue = new Map<string, StoryFact>();
  for (const row of facts.flatMap((f) => splitByValue(f, versions))) {
    if (row.status !== 'partial') {
      rows.push(row);
      continue;
    }
    // Same subject and value from other versions under another period: period noise, one row.
    const key = valueKey(row);
    const seen = partialByValue.get(key);
    if (seen !== undefined && !row.articleIds.some((id) => seen.articleIds.includes(id))) {
      seen.articleIds.push(...row.articleIds);
      for (const [k, v] of row.values.entries()) seen.values[k]?.articleIds.push(...v.articleIds);
      if ((row.period ?? '').length > (seen.period ?? '').length) seen.period = row.period;
      seen.status = statusOf(seen.articleIds, versions);
      continue;
    }
    const copy = { ...row, articleIds: [...row.articleIds], values: row.values.map((v) => ({ ...v, articleIds: [...v.articleIds] })) };
    partialByValue.set(key, copy);
    rows.push(copy);
  }
  return rows.sort((a, b) => ORDER[a.status] - ORDER[b.status]);
}
