/**
 * Story ids: a story is named after its earliest member (publication time, undated last, then
 * article id: {@link earliestAppearance}), so the same set of articles gets the same id whatever
 * order they arrived and were clustered in (after a `kill -9` and rerun, or concurrent imports).
 * The id feeds `/story/:id` and feed GUIDs, so a reader must not see one story under two ids.
 */
import { createHash } from 'node:crypto';
import { earliestAppearance } from './representative.js';
import type { StoryRepository, StoryState } from './story-state.js';

/** The id of a story whose earliest member is this article. */
export function storyIdFor(articleId: string): string {
  return `st-${createHash('sha1').update(articleId).digest('hex').slice(0, 12)}`;
}

/** The id a story must have for its current members. */
export function settledStoryId(story: Pick<StoryState, 'members'>): string {
  return storyIdFor(earliestAppearance(story.members).id);
}

/**
 * Give `story` the id of its earliest member when a new earliest member joined (or a merge
 * brought one): the state moves to the new id, every member and every related story follows,
 * and the old id is deleted. Returns the story as stored. Run inside the clustering transaction.
 */
export async function settleStoryId(repository: StoryRepository, story: StoryState): Promise<StoryState> {
  const id = settledStoryId(story);
  if (id === story.id) return story;
  const renamed: StoryState = { ...story, id, relatedIds: story.relatedIds.filter((r) => r !== id) };
  await repository.remove(story.id);
  await repository.put(renamed);
  for (const m of renamed.members) await repository.assign(m.id, id);
  for (const relatedId of renamed.relatedIds) {
    const other = await repository.get(relatedId);
    if (other === undefined) continue;
    const ids = new Set(other.relatedIds.map((r) => (r === story.id ? id : r)));
    ids.delete(other.id);
    await repository.put({ ...other, relatedIds: [...ids].sort() });
  }
  return renamed;
}
