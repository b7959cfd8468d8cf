/** Builds story states for story-table tests (invented members; the representative print is a stub). */
import type { StoryState } from '../../src/stories/story-state.js';

/** An hour of 2023-03-01 as an ISO time, the tests' story clock. */
export const storyHour = (h: number): string => new Date(Date.UTC(2023, 2, 1, h)).toISOString();

/** A story first and last seen at these times, with these member ids. */
export function makeStory(id: string, first: string | null, last: string | null, memberIds: string[] = ['m']): StoryState {
  return {
    id,
    members: memberIds.map((m) => ({ id: m, outletKey: 'o', title: '标题', publishedAt: first, length: 10 })),
    representativeId: memberIds[0] ?? 'm',
    representative: { signature: [1, 2], shingleCount: 2, length: 10, paragraphHashes: ['00'], paragraphLengths: [10], figures: [], bigrams: [3] },
    firstSeen: first,
    lastSeen: last,
    relatedIds: [],
  };
}
