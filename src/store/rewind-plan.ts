/**
 * Late arrivals: which stories to re-open so that clustering stays in publication order
 * whatever order the articles were stored in (by several workers on PostgreSQL, or by polls and
 * imports that bring older articles after newer ones on either backend). The backends answer
 * three queries ({@link RewindQueries}); the walk is here, once.
 *
 * Why: the clusterer is incremental and order-dependent. When worker A clustered its articles
 * before worker B stored an earlier one, clustering B's article afterwards can split a story
 * that clustering everything in (sort_ts, id) order keeps whole (measured on the corpus: 65 of
 * 200 random arrival orders of 4 shares changed the partition). So when the earliest pending
 * article precedes a clustered one, every story with a member after it is re-opened
 * (dissolved); a re-opened story's earlier members are released too, so the point moves back to
 * the earliest of them and the step repeats until no story with a member after the point is
 * left. What remains are stories entirely before the point: the state clustering in order had
 * reached there, and clustering what is pending replays the rest in order.
 *
 * On PostgreSQL, an article another worker commits while this run clusters, earlier than the
 * point, is left pending (PgStoryTables.pendingAfter starts at the point): that worker clusters
 * after its commit, so it takes the lock after this run and re-opens what its article could
 * change.
 */
/** Default most articles re-opened at once: a few minutes of re-clustering at most; more cluster late. */
export const DEFAULT_REWIND_LIMIT = 20_000;

/** A position in clustering order: (sort_ts, id), ids compared bytewise. */
export interface Position {
  ts: number;
  id: string;
}

/** Whether `a` comes before `b` in clustering order. */
export function precedes(a: Position, b: Position): boolean {
  return a.ts < b.ts || (a.ts === b.ts && a.id < b.id);
}

/** The earlier of two positions (either may be missing). */
export function earliest(a: Position | undefined, b: Position | undefined): Position | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return precedes(b, a) ? b : a;
}

/** What {@link planRewind} found. */
export interface RewindPlan {
  /** Stories to dissolve before clustering (empty when none, or when over the limit). */
  storyIds: string[];
  /**
   * Where in-order clustering resumes (inclusive): the earliest pending article or released
   * member. Undefined when nothing is pending.
   */
  from: Position | undefined;
  /** More than the limit would have been released: the late articles cluster late. */
  overLimit: boolean;
}

/** The three questions {@link planRewind} asks the story tables (run holding the clustering lock). */
export interface RewindQueries {
  /** The earliest unclustered article, leaving out `except`. */
  earliestPending(except: readonly string[]): Promise<Position | undefined>;
  /** Stories with a member after `point` in clustering order. */
  storiesWithMemberAfter(point: Position): Promise<string[]>;
  /** The earliest member of these stories, and how many members they have together. */
  earliestMember(storyIds: readonly string[]): Promise<{ position: Position; members: number } | undefined>;
}

/**
 * The stories to dissolve before clustering what is pending (none when no pending article
 * precedes a clustered one), and where clustering then resumes. Over `limit` released articles
 * nothing is dissolved: the late articles then cluster as late arrivals. `except`: pending
 * articles that are not late arrivals (members just released because an article changed: they
 * cluster again after the others).
 */
export async function planRewind(queries: RewindQueries, limit: number, except: readonly string[] = []): Promise<RewindPlan> {
  const first = await queries.earliestPending(except);
  if (first === undefined) return { storyIds: [], from: undefined, overLimit: false };
  let point = first;
  const reopen = new Set<string>();
  for (;;) {
    const fresh = (await queries.storiesWithMemberAfter(point)).filter((id) => !reopen.has(id));
    if (fresh.length === 0) break;
    for (const id of fresh) reopen.add(id);
    const head = await queries.earliestMember([...reopen]);
    if (head === undefined) break;
    if (head.members > limit) return { storyIds: [], from: undefined, overLimit: true };
    if (!precedes(head.position, point)) break;
    point = head.position;
  }
  return { storyIds: [...reopen], from: point, overLimit: false };
}
