import { describe, expect, it } from 'vitest';
import { StoryStateCache } from './story-state-cache.js';
import { MemoryStoryRepository, type StoryState } from './story-state.js';

const DAY = 86_400_000;
const iso = (day: number): string => new Date(Date.UTC(2021, 11, 1) + day * DAY).toISOString();
const ms = (day: number): number => Date.UTC(2021, 11, 1) + day * DAY;

function story(id: string, first: number | null, last: number | null = first): StoryState {
  return {
    id,
    members: [{ id: `a:${id}`, outletKey: 'a', title: id, publishedAt: first === null ? null : iso(first), length: 10 }],
    representativeId: `a:${id}`,
    representative: { signature: [1], shingleCount: 1, length: 10, paragraphHashes: [], paragraphLengths: [], figures: [], bigrams: [] },
    firstSeen: first === null ? null : iso(first),
    lastSeen: last === null ? null : iso(last),
    relatedIds: [],
  };
}

/** A memory repository that counts reads and writes and hands out copies, as a store does. */
class CountingRepository extends MemoryStoryRepository {
  gets = 0;
  puts = 0;
  removes = 0;
  override get(id: string): StoryState | undefined {
    this.gets++;
    const s = super.get(id);
    return s === undefined ? undefined : structuredClone(s);
  }
  override put(state: StoryState): void {
    this.puts++;
    super.put(structuredClone(state));
  }
  override remove(id: string): void {
    this.removes++;
    super.remove(id);
  }
}

describe('StoryStateCache', () => {
  it('reads a story from the store once per run, and knows what is absent', async () => {
    const inner = new CountingRepository();
    inner.put(story('st-1', 1));
    const cache = new StoryStateCache(inner);
    const a = await cache.get('st-1');
    expect(await cache.get('st-1')).toBe(a);
    expect(await cache.get('st-none')).toBeUndefined();
    expect(await cache.get('st-none')).toBeUndefined();
    expect(inner.gets).toBe(2);
  });

  it('holds writes until flush, then passes on only the last state of each story', async () => {
    const inner = new CountingRepository();
    inner.put(story('st-gone', 1));
    inner.puts = 0;
    const cache = new StoryStateCache(inner);
    await cache.put(story('st-1', 1));
    await cache.put({ ...story('st-1', 1), relatedIds: ['st-2'] });
    await cache.remove('st-gone');
    expect(inner.puts).toBe(0);
    expect(inner.get('st-gone')).toBeDefined();
    expect((await cache.get('st-1'))?.relatedIds).toEqual(['st-2']);
    expect(await cache.get('st-gone')).toBeUndefined();
    await cache.flush();
    expect([inner.puts, inner.removes]).toEqual([1, 1]);
    expect(inner.get('st-1')?.relatedIds).toEqual(['st-2']);
    expect(inner.get('st-gone')).toBeUndefined();
  });

  it('answers the window query with the batch’s unwritten changes, sorted by id', async () => {
    const inner = new CountingRepository();
    for (const s of [story('st-c', 5), story('st-a', 5), story('st-moved-out', 5), story('st-removed', 5), story('st-far', 20)]) inner.put(s);
    const cache = new StoryStateCache(inner);
    await cache.put(story('st-moved-out', 30)); // was in the window, its new times are not
    await cache.remove('st-removed');
    await cache.put(story('st-far', 20, 25)); // stays after the window
    await cache.put(story('st-new', 3, 6));
    await cache.put(story('st-undated', null));
    const ids = (await cache.storiesSeenBetween(ms(4), ms(6))).map((s) => s.id);
    expect(ids).toEqual(['st-a', 'st-c', 'st-new']);
    await cache.flush();
    expect((await cache.storiesSeenBetween(ms(4), ms(6))).map((s) => s.id)).toEqual(['st-a', 'st-c', 'st-new']);
    expect(inner.storiesSeenBetween(ms(4), ms(6)).map((s) => s.id)).toEqual(['st-a', 'st-c', 'st-new']);
  });

  it('forgets the least recently used states beyond its limit, never an unwritten one', async () => {
    const inner = new CountingRepository();
    for (const id of ['st-1', 'st-2', 'st-3']) inner.put(story(id, 1));
    const cache = new StoryStateCache(inner, { limit: 2 });
    await cache.put({ ...story('st-0', 1), relatedIds: ['x'] });
    for (const id of ['st-1', 'st-2', 'st-3']) await cache.get(id);
    expect((await cache.get('st-0'))?.relatedIds).toEqual(['x']);
    const before = inner.gets;
    await cache.get('st-1');
    expect(inner.gets).toBe(before + 1);
  });
});
