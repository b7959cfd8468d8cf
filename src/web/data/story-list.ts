/** Story list pages after a cursor, in the story tables' order, without reading the whole list. */
import type { StoryTables } from '../../store/tables.js';
import type { StoryState } from '../../stories/story-state.js';
import { isAfterCursor, type StoryCursor } from './story-cursor.js';

const DAY_MS = 86_400_000;
/** Paging by time reaches back to the earliest instant a Date can hold. */
const EARLIEST_MS = -8.64e15;

/** List order of stories: first seen descending, then id descending (as the story tables list them). */
export function compareListOrder(a: StoryState, b: StoryState): number {
  const ta = a.firstSeen === null ? Number.NEGATIVE_INFINITY : Date.parse(a.firstSeen);
  const tb = b.firstSeen === null ? Number.NEGATIVE_INFINITY : Date.parse(b.firstSeen);
  if (ta !== tb) return tb - ta;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Up to `want` stories after `cursor` in list order. Dated ones come from time windows below
 * the cursor (the first-seen index), widening until the page is full; the undated tail (listed
 * last) from the top of the list.
 */
export async function listStoriesAfter(tables: StoryTables, cursor: StoryCursor, want: number): Promise<StoryState[]> {
  const out: StoryState[] = [];
  if (cursor.ms !== null) {
    let hi = cursor.ms;
    for (let width = 7 * DAY_MS; out.length < want && hi >= EARLIEST_MS; width *= 4) {
      const lo = Math.max(EARLIEST_MS, hi - width);
      const window = (await tables.repository.storiesSeenBetween(lo, hi))
        .filter((s) => {
          const ms = s.firstSeen === null ? Number.NaN : Date.parse(s.firstSeen);
          return ms >= lo && ms <= hi && isAfterCursor(s.firstSeen, s.id, cursor);
        })
        .sort(compareListOrder);
      out.push(...window);
      hi = lo - 1;
    }
    if (out.length >= want) return out.slice(0, want);
  }
  // Undated stories: the story tables list them last and only from the top, so this reads the
  // whole list, once per crawl (on its last dated page). A keyset query in the story tables
  // would make it cheap.
  for (let n = want + out.length; ; n *= 4) {
    const list = await tables.listStories(n);
    const undated = list.filter((s) => (s.firstSeen === null || Number.isNaN(Date.parse(s.firstSeen))) && isAfterCursor(s.firstSeen, s.id, cursor));
    if (out.length + undated.length >= want || list.length < n) return [...out, ...undated].slice(0, want);
  }
}

