/**
 * Dissolving stories, written once for both backends: every member becomes pending again, its
 * index keys go, links from related stories to the dissolved one are removed, and the story row
 * is deleted. Run it inside the story tables' transaction.
 */
import type { Awaitable, StoryRepository, StoryState } from './story-state.js';

/** What dissolving needs of a backend's story tables. */
export interface DissolvableStories {
  readonly repository: Pick<StoryRepository, 'get' | 'put' | 'remove'> & {
    /** Forget that these articles were clustered (they become pending again). */
    unassign(articleIds: readonly string[]): Awaitable<void>;
  };
  /** The candidate index: keys of a released article are added again when it clusters again. */
  readonly index: { remove(articleId: string): void };
}

/** Delete these stories (in id order, so two runs release alike); returns the released article ids. */
export async function dissolveStories(tables: DissolvableStories, storyIds: readonly string[]): Promise<string[]> {
  const { repository, index } = tables;
  const released: string[] = [];
  for (const storyId of [...storyIds].sort()) {
    const state: StoryState | undefined = await repository.get(storyId);
    if (state === undefined) continue;
    const members = state.members.map((m) => m.id);
    for (const id of members) index.remove(id);
    await repository.unassign(members);
    released.push(...members);
    for (const relatedId of state.relatedIds) {
      const other = await repository.get(relatedId);
      if (other === undefined) continue;
      await repository.put({ ...other, relatedIds: other.relatedIds.filter((r) => r !== storyId) });
    }
    await repository.remove(storyId);
  }
  return released;
}

/**
 * Dissolve the stories these (changed) articles belong to, given which story each is in; their
 * own index keys go even when they belong to none. Returns the released article ids.
 */
export async function dissolveStoriesOfArticles(
  tables: DissolvableStories,
  articleIds: readonly string[],
  storyOf: ReadonlyMap<string, string>,
): Promise<string[]> {
  for (const id of articleIds) tables.index.remove(id);
  return dissolveStories(tables, [...new Set(storyOf.values())]);
}
