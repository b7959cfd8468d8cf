/**
 * Read side of the facts stage, shared by the CLI and the web: claim lines (the
 * `caixun facts --json` shape), a story's merged facts, subject series and target reports.
 */
import type { Store } from '../store/store.js';
import type { StoredClaim } from '../store/tables.js';
import { UsageError } from '../util/errors.js';
import { extractPending, pendingSince } from './derive.js';
import { buildSeries, evaluateTargets, type Series, type TargetReport } from './series.js';
import { mergeStoryClaims, type StoryFact } from './story-merge.js';
import { normalizeSubject } from './subject.js';

/** One claim as `caixun facts --json` and `GET /api/facts` print it: exactly these fields (an interface). */
export interface ClaimLine {
  articleId: string;
  storyId: string | null;
  /** Multipliers applied: 130万 → 1300000, 42.2% → 42.2. */
  value: number;
  unit: string;
  subject: string;
  kind: string;
  qualifier: string | null;
  period: string | null;
  sentence: string;
  /** Added for issue 15 (the value of a fall is negative): up | down | flat for a change, else null. */
  direction: string | null;
  /** yoy | mom | vs-year | two-year-avg | vs-target, or null. */
  baseline: string | null;
}

/** One target as `caixun facts --targets --json` and `GET /api/facts/targets` print it. */
export interface TargetLine {
  subject: string;
  value: number;
  unit: string;
  deadline: string | null;
  status: 'met' | 'pending' | 'missed';
  /** Article ids: the one that set the target, then the later reports compared with it. */
  evidence: string[];
}

/** Filters of {@link queryClaims}. */
export interface FactsFilter {
  storyId?: string;
  subject?: string;
  limit?: number;
}

/** The claim line of a stored claim. */
export function toClaimLine(c: StoredClaim): ClaimLine {
  return {
    articleId: c.articleId,
    storyId: c.storyId,
    value: c.value,
    unit: c.unit,
    subject: c.subject,
    kind: c.kind,
    qualifier: c.qualifier,
    period: c.period,
    sentence: c.sentence,
    direction: c.direction,
    baseline: c.baseline,
  };
}

/** Extract whatever is pending first (a database imported before the facts stage existed). */
export async function ensureFacts(store: Store): Promise<number> {
  return (await store.facts().countPending(await pendingSince(store))) > 0 ? extractPending(store) : 0;
}

/** Stored claims matching the filter, oldest article first. */
export async function queryClaims(store: Store, filter: FactsFilter = {}): Promise<StoredClaim[]> {
  const subject = filter.subject?.trim();
  return store.facts().listClaims({
    ...(filter.storyId === undefined ? {} : { storyId: filter.storyId }),
    ...(subject === undefined || subject === '' ? {} : { subjectContains: normalizeSubject(subject) || subject }),
    ...(filter.limit === undefined ? {} : { limit: filter.limit }),
  });
}

/** A story's versions and its merged facts (conflicts first). */
export async function storyFacts(store: Store, storyId: string): Promise<{ storyId: string; versionIds: string[]; facts: StoryFact[] }> {
  const story = await store.stories().getStory(storyId);
  if (story === undefined) throw new UsageError(`facts: no story ${JSON.stringify(storyId)} (list them with \`caixun stories\`)`);
  const versionIds = story.members.map((m) => m.id);
  const claims = await store.facts().listClaims({ articleIds: versionIds });
  const order: Record<string, number> = { conflict: 0, partial: 1, agreement: 2 };
  const facts = mergeStoryClaims(claims, versionIds).sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3));
  return { storyId, versionIds, facts };
}

/** Every target with its status (see {@link evaluateTargets}). */
export async function targetReports(store: Store, asOf?: string): Promise<TargetReport[]> {
  const tables = store.facts();
  const targets = await tables.listClaims({ kind: 'target' });
  if (targets.length === 0) return [];
  const all = await tables.listClaims({ limit: 100_000 });
  return evaluateTargets(all, asOf);
}

/** The target line of a report. */
export function toTargetLine(r: TargetReport): TargetLine {
  return { subject: r.subject, value: r.value, unit: r.unit, deadline: r.deadline, status: r.status, evidence: [r.articleId, ...r.evidence] };
}

/** The series and targets about one subject (claims whose subject contains it). */
export async function subjectFacts(store: Store, subject: string): Promise<{ subject: string; series: Series[]; targets: TargetReport[] }> {
  const claims = await queryClaims(store, { subject });
  const key = normalizeSubject(subject);
  const targets = evaluateTargets(claims).filter((t) => t.subjectKey.includes(key) || key.includes(t.subjectKey));
  return { subject, series: buildSeries(claims), targets };
}
