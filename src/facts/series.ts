/**
 * Across time: claims grouped by normalised subject and unit into series (5G基站 130万 → 139万 →
 * 196.8万), and targets checked against the later claims on their subject. Pure.
 */

/** What the series and target logic read of a stored claim. */
export interface TimedClaim {
  articleId: string;
  subject: string;
  subjectKey: string;
  unit: string;
  kind: string;
  value: number;
  qualifier: string | null;
  period: string | null;
  deadline: string | null;
  publishedAt: string | null;
  /** The story of the article (optional: a target is reported once per story). */
  storyId?: string | null;
  /** down for a fall: a target of a fall is met by a fall at least as deep. */
  direction?: string | null;
}

/** One point of a series. */
export interface SeriesPoint {
  articleId: string;
  /** The period the value refers to, else the article's publication day. */
  date: string | null;
  period: string | null;
  publishedAt: string | null;
  value: number;
  qualifier: string | null;
}

/** Claims on one subject in one unit, oldest first. */
export interface Series {
  subject: string;
  subjectKey: string;
  unit: string;
  kind: string;
  points: SeriesPoint[];
}

/** `met`: a later report reached it; `pending`: not yet, deadline not passed; `missed`: deadline passed unmet. */
export type TargetStatus = 'met' | 'pending' | 'missed';

/** A target with its status. */
export interface TargetReport {
  articleId: string;
  subject: string;
  subjectKey: string;
  value: number;
  unit: string;
  deadline: string | null;
  status: TargetStatus;
  /** Articles whose claims were compared with the target (the one that met it first). */
  evidence: string[];
}

/** The day a period ends or starts at, for ordering (2021-01/2021-11 → 2021-11, 2021-Q3 → 2021-09). */
export function periodSortKey(period: string): string {
  const last = period.includes('/') ? period.split('/')[1]! : period;
  const q = /^(\d{4})-Q(\d)$/.exec(last);
  if (q !== null) return `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}`;
  return last;
}

const dayOf = (iso: string | null): string | null => (iso === null ? null : iso.slice(0, 10));

/** A key that orders a period by its last day (2022 after 2022-02-28, 2022-Q1 before 2022-04). */
function endKey(date: string | null): string {
  if (date === null) return '';
  if (/^\d{4}$/.test(date)) return `${date}-12-31`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-31`;
  return date;
}

/** Group claims (targets excluded) into series by normalised subject and unit, oldest point first. */
export function buildSeries(claims: readonly TimedClaim[]): Series[] {
  const map = new Map<string, Series>();
  for (const c of claims) {
    if (c.kind === 'target' || c.subjectKey === '') continue;
    const key = `${c.subjectKey}|${c.unit}|${c.kind}`;
    const s = map.get(key) ?? { subject: c.subject, subjectKey: c.subjectKey, unit: c.unit, kind: c.kind, points: [] };
    // shown under its shortest wording (5G基站 rather than 全国5G基站)
    if ([...c.subject].length < [...s.subject].length) s.subject = c.subject;
    s.points.push({
      articleId: c.articleId,
      date: c.period !== null ? periodSortKey(c.period) : dayOf(c.publishedAt),
      period: c.period,
      publishedAt: c.publishedAt,
      value: c.value,
      qualifier: c.qualifier,
    });
    map.set(key, s);
  }
  for (const s of map.values()) {
    s.points.sort((a, b) => endKey(a.date).localeCompare(endKey(b.date)) || (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
  }
  return [...map.values()].sort((a, b) => b.points.length - a.points.length || a.subjectKey.localeCompare(b.subjectKey));
}

const LOWER_IS_BETTER = new Set(['以下', '不超过', '不足', '以内']);
const sameSubject = (a: string, b: string): boolean => a !== '' && b !== '' && (a === b || a.includes(b) || b.includes(a));

/**
 * Check every target against the later claims on the same subject and unit.
 * @param asOf - the day the archive knows up to (`YYYY-MM-DD`); a target whose deadline is
 *   before it and that no later claim met is `missed`. Default: the newest publication day
 *   among `claims`, so an old archive is judged on what it knows, not on today's date.
 */
export function evaluateTargets(claims: readonly TimedClaim[], asOf?: string): TargetReport[] {
  const newest = claims.reduce<string>((m, c) => {
    const d = dayOf(c.publishedAt);
    return d !== null && d > m ? d : m;
  }, '');
  const today = asOf ?? newest;
  const out: TargetReport[] = [];
  // the versions of one story state the same target: one report per (story, subject, value, deadline)
  const seen = new Set<string>();
  for (const t of claims) {
    if (t.kind !== 'target') continue;
    const key = `${t.storyId ?? t.articleId}|${t.subjectKey}|${t.value}|${t.unit}|${t.deadline ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const setAt = t.publishedAt ?? '';
    const later = claims.filter(
      (c) => c.kind !== 'target' && c.unit === t.unit && sameSubject(c.subjectKey, t.subjectKey) && (c.publishedAt ?? '') > setAt,
    );
    const lower = (t.qualifier !== null && LOWER_IS_BETTER.has(t.qualifier)) || t.direction === 'down';
    const reached = later.find((c) => {
      const when = c.period !== null ? periodSortKey(c.period) : dayOf(c.publishedAt);
      const inTime = t.deadline === null || when === null || endKey(when) <= t.deadline;
      return inTime && (lower ? c.value <= t.value : c.value >= t.value);
    });
    const status: TargetStatus = reached !== undefined ? 'met' : t.deadline !== null && today > t.deadline ? 'missed' : 'pending';
    const evidence = reached !== undefined ? [reached.articleId, ...later.map((c) => c.articleId).filter((id) => id !== reached.articleId)] : later.map((c) => c.articleId);
    out.push({
      articleId: t.articleId,
      subject: t.subject,
      subjectKey: t.subjectKey,
      value: t.value,
      unit: t.unit,
      deadline: t.deadline,
      status,
      evidence: [...new Set(evidence)],
    });
  }
  return out;
}
