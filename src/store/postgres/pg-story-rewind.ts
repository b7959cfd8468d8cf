/**
 * The rewind queries (src/store/rewind-plan.ts) on PostgreSQL, run on the clustering lock's
 * session. Ids are compared bytewise (`COLLATE "C"`), as SQLite compares them.
 */
import { planRewind as plan, type Position, type RewindPlan, type RewindQueries } from '../rewind-plan.js';
import type { PgStorySession } from './pg-story-repository.js';

export { earliest, type Position, type RewindPlan } from '../rewind-plan.js';

/** {@link RewindQueries} over a story session. */
export function pgRewindQueries(session: PgStorySession): RewindQueries {
  return {
    async earliestPending(except) {
      const { rows } = await session.query<{ sort_ts: unknown; id: string }>(
        `SELECT p.sort_ts, p.article_id AS id FROM story_pending p WHERE p.article_id <> ALL($1::text[])
         ORDER BY p.sort_ts, p.article_id COLLATE "C" LIMIT 1`,
        [except],
      );
      const first = rows[0];
      return first === undefined ? undefined : { ts: Number(first.sort_ts), id: first.id };
    },
    async storiesWithMemberAfter(point: Position) {
      const { rows } = await session.query<{ story_id: string }>(
        `SELECT DISTINCT m.story_id FROM story_members m JOIN articles a ON a.id = m.article_id
         WHERE a.sort_ts > $1 OR (a.sort_ts = $1 AND a.id COLLATE "C" > $2)`,
        [point.ts, point.id],
      );
      return rows.map((r) => r.story_id);
    },
    async earliestMember(storyIds) {
      const { rows } = await session.query<{ sort_ts: unknown; id: string; members: unknown }>(
        `SELECT a.sort_ts, a.id, count(*) OVER () AS members FROM story_members m JOIN articles a ON a.id = m.article_id
         WHERE m.story_id = ANY($1::text[]) ORDER BY a.sort_ts, a.id COLLATE "C" LIMIT 1`,
        [storyIds],
      );
      const head = rows[0];
      return head === undefined ? undefined : { position: { ts: Number(head.sort_ts), id: head.id }, members: Number(head.members) };
    },
  };
}

/** {@link plan} on a PostgreSQL story session. */
export function planRewind(session: PgStorySession, limit: number, except: readonly string[] = []): Promise<RewindPlan> {
  return plan(pgRewindQueries(session), limit, except);
}
