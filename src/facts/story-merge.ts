/**
 * Per story: the claims of every version merged into facts — each fact is one subject, period,
 * unit and kind — marked as agreed by every version, stated by only some, or in conflict
 * (versions give different values). Pure.
 */

/** What the merge reads of a stored claim. */
export interface MergeClaim {
  articleId: string;
  subject: string;
  subjectKey: string;
  period: string | null;
  unit: string;
  kind: string;
  value: number;
  high: number | null;
  qualifier: string | null;
  text: string;
  sentence: string;
}

/** `agreement`: every version states it alike; `partial`: only some state it; `conflict`: versions disagree. */
export type FactStatus = 'agreement' | 'partial' | 'conflict';

/** One merged fact of a story. */
export interface StoryFact {
  /** The most complete subject among the versions. */
  subject: string;
  subjectKey: string;
  period: string | null;
  unit: string;
  kind: string;
  status: FactStatus;
  /** The values stated, each with the versions that state it (as written in each). */
  values: { value: number; high: number | null; qualifier: string | null; text: string; articleIds: string[] }[];
  /** Versions that state this fact. */
  articleIds: string[];
}

const keysMatch = (a: string, b: string): boolean => a === b || (a !== '' && b !== '' && (a.includes(b) || b.includes(a)));

/**
 * The same number in the same sentence states one period in every version: the one most
 * versions give (a version that lacks the lead paragraph inherits none), the first on a tie.
 */
function samePeriodPerSentence(claims: readonly MergeClaim[]): MergeClaim[] {
  const votes = new Map<string, Map<string, number>>();
  const key = (c: MergeClaim): string => `${c.sentence}\u0000${c.text}`;
  for (const c of claims) {
    if (c.sentence === '' || c.period === null) continue;
    const v = votes.get(key(c)) ?? new Map<string, number>();
    v.set(c.period, (v.get(c.period) ?? 0) + 1);
    votes.set(key(c), v);
  }
  return claims.map((c) => {
    const v = votes.get(key(c));
    if (v === undefined) return c;
    const period = [...v.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    return period === c.period ? c : { ...c, period };
  });
}

/**
 * Merge the claims of a story's versions.
 * @param claims - claims of every version, in version order then text order
 * @param versionIds - every version of the story (a fact not stated by all of them is `partial`)
 */
export function mergeStoryClaims(claims: readonly MergeClaim[], versionIds: readonly string[]): StoryFact[] {
  const groups: { head: MergeClaim; members: MergeClaim[] }[] = [];
  for (const c of samePeriodPerSentence(claims)) {
    const g = groups.find(
      (x) => x.head.unit === c.unit && x.head.kind === c.kind && x.head.period === c.period && keysMatch(x.head.subjectKey, c.subjectKey),
    );
    if (g === undefined) groups.push({ head: c, members: [c] });
    else g.members.push(c);
  }
  const versions = new Set(versionIds);
  return groups.map(({ head, members }) => {
    const byValue = new Map<string, StoryFact['values'][number]>();
    const perArticle = new Map<string, Set<string>>();
    for (const m of members) {
      const key = `${m.value}|${m.high ?? ''}`;
      const v = byValue.get(key) ?? { value: m.value, high: m.high, qualifier: m.qualifier, text: m.text, articleIds: [] };
      if (!v.articleIds.includes(m.articleId)) v.articleIds.push(m.articleId);
      byValue.set(key, v);
      const set = perArticle.get(m.articleId) ?? new Set<string>();
      set.add(key);
      perArticle.set(m.articleId, set);
    }
    const sets = [...perArticle.values()];
    const conflict = sets.some((a, i) => sets.slice(i + 1).some((b) => ![...a].some((k) => b.has(k))));
    const articleIds = [...perArticle.keys()];
    const everyVersion = [...versions].every((id) => perArticle.has(id));
    const subject = members.map((m) => m.subject).reduce((a, b) => ([...b].length > [...a].length ? b : a), head.subject);
    return {
      subject,
      subjectKey: head.subjectKey,
      period: head.period,
      unit: head.unit,
      kind: head.kind,
      status: conflict ? 'conflict' : everyVersion ? 'agreement' : 'partial',
      values: [...byValue.values()],
      articleIds,
    };
  });
}
