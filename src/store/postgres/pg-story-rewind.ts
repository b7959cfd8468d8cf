/**
 * Late arrivals on a shared PostgreSQL database: which stories to re-open so that clustering
 * stays in publication order whatever order the workers stored the articles in.
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
 */
import type { PgStorySession } from './pg-story-repository.js';

/** A position in clustering order: (sort_ts, id), ids compared bytewise. */
interface Position {
  ts: number;
  id: string;
}

function before(a: Position, b: Position): boolean {
  return a.ts < b.ts || (a.ts === b.ts && a.id < b.id);
}

/**
 * The ids of the stories to dissolve before clustering what is pending (none when no pending
 * article precedes a clustered one). Returns none as well when more than `limit` articles
 * would be released: the late articles then cluster as late arrivals, as SQLite does for an
 * out-of-order import. Run it holding the clustering lock.
 */
export async function storiesToReopen(session: PgStorySession, limit: number): Promise<string[]> {
  const earliest = await session.query<{ sort_ts: unknown; id: string }>(
    `SELECT a.sort_ts, a.id FROM articles a
     WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = a.id)
     ORDER BY a.sort_ts, a.id COLLATE "C" LIMIT 1`,
  );
  const first = earliest.rows[0];
  if (first === undefined) return [];
  let point: Position = { ts: Number(first.sort_ts), id: first.id };
  const reopen = new Set<string>();
  for (;;) {
    const after = await session.query<{ story_id: string }>(
      `SELECT DISTINCT m.story_id FROM story_members m JOIN articles a ON a.id = m.article_id
       WHERE a.sort_ts > $1 OR (a.sort_ts = $1 AND a.id COLLATE "C" > $2)`,
      [point.ts, point.id],
    );
    const fresh = after.rows.map((r) => r.story_id).filter((id) => !reopen.has(id));
    if (fresh.length === 0) break;
    for (const id of fresh) reopen.add(id);
    const { rows } = await session.query<{ sort_ts: unknown; id: string; members: unknown }>(
      `SELECT a.sort_ts, a.id, count(*) OVER () AS members FROM story_members m JOIN articles a ON a.id = m.article_id
       WHERE m.story_id = ANY($1::text[]) ORDER BY a.sort_ts, a.id COLLATE "C" LIMIT 1`,
      [[...reopen]],
    );
    const head = rows[0];
    if (head === undefined) break;
    if (Number(head.members) > limit) return [];
    const earlier = { ts: Number(head.sort_ts), id: head.id };
    if (!before(earlier, point)) break;
    point = earlier;
  }
  return [...reopen];
}
