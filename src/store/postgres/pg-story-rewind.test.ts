import { afterEach, describe, expect, it } from 'vitest';
import { makeArticle } from '../../../test/support/make-article.js';
import { freshPgDatabase } from '../../../test/support/postgres.js';
import { PgStorySession } from './pg-story-repository.js';
import { planRewind } from './pg-story-rewind.js';
import { PgStore } from './pg-store.js';

const opened: PgStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

const at = (day: number): string => `2021-12-0${day}T10:00:00+08:00`;

/** Articles `t:<name>` published on the given days, and memberships name → story. */
async function fixture(days: Record<string, number>, members: Record<string, string>): Promise<PgStorySession> {
  const store = await PgStore.open(await freshPgDatabase());
  opened.push(store);
  await store.upsertArticles(Object.entries(days).map(([name, day]) => makeArticle({ id: `t:${name}`, publishedAt: at(day) })));
  const repository = store.stories().repository;
  for (const [name, story] of Object.entries(members)) await repository.assign(`t:${name}`, story);
  return new PgStorySession(store.pool);
}

describe('planRewind', () => {
  it('has nothing to do when nothing is pending', async () => {
    const session = await fixture({ a: 1 }, { a: 'st-1' });
    expect(await planRewind(session, 100)).toEqual({ storyIds: [], from: undefined, overLimit: false });
  });

  it('re-opens nothing when every pending article comes after the clustered ones', async () => {
    const session = await fixture({ a: 1, b: 2, c: 3 }, { a: 'st-1', b: 'st-2' });
    expect(await planRewind(session, 100)).toEqual({ storyIds: [], from: { ts: Date.parse(at(3)) / 1000, id: 't:c' }, overLimit: false });
  });

  it('re-opens every story with a member after a late article, and back through their earlier members', async () => {
    // z (day 1) alone; x (day 2) + c (day 4); d (day 5); late: b (day 3). st-x starts before b,
    // so the point moves back to x, but nothing else has a member after x except st-x and st-d.
    const session = await fixture({ z: 1, x: 2, b: 3, c: 4, d: 5 }, { z: 'st-z', x: 'st-x', c: 'st-x', d: 'st-d' });
    const plan = await planRewind(session, 100);
    expect(plan.storyIds.sort()).toEqual(['st-d', 'st-x']);
    expect(plan.from).toEqual({ ts: Date.parse(at(2)) / 1000, id: 't:x' });
  });

  it('follows the chain: a re-opened story can reach back into another one', async () => {
    // st-1 = {a (1), c (3)}, st-2 = {b (2), e (5)}, late: d (4). e re-opens st-2, whose b (2)
    // precedes c, so st-1 is re-opened too; nothing precedes a.
    const session = await fixture({ a: 1, b: 2, c: 3, d: 4, e: 5 }, { a: 'st-1', c: 'st-1', b: 'st-2', e: 'st-2' });
    const plan = await planRewind(session, 100);
    expect(plan.storyIds.sort()).toEqual(['st-1', 'st-2']);
    expect(plan.from).toEqual({ ts: Date.parse(at(1)) / 1000, id: 't:a' });
  });

  it('re-opens nothing when more articles than the limit would be released', async () => {
    const session = await fixture({ a: 1, b: 2, c: 3 }, { a: 'st-1', c: 'st-1' });
    expect(await planRewind(session, 1)).toEqual({ storyIds: [], from: undefined, overLimit: true });
    expect((await planRewind(session, 2)).storyIds).toEqual(['st-1']);
  });
});
