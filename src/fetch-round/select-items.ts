/**
 * How much one poll takes from a long feed: the newest `max` items whatever they are (so
 * edits of recent items still become revisions), and, while those leave room, items not
 * stored yet from the oldest up, until `max` new items are taken in all. The rest wait for
 * later polls; `more` says some are waiting.
 *
 * Why oldest up for the backlog: clustering replays articles in publication order, so an
 * article older than clustered ones re-opens every story after it. Taking the backlog oldest
 * first, each poll re-opens at most the newest `max` items' stories, which keeps the derive
 * steps after a round bounded (about twice what it stored) however long the feed is.
 */

/** What {@link selectForPoll} took. */
export interface ItemSelection<T> {
  taken: T[];
  /** Items not stored yet were left for a later poll. */
  more: boolean;
}

/** Lookups run this many at a time. */
const LOOKUP_BATCH = 64;

/** Items newest first: by date when every item has a readable one, else in feed order (newest first by convention). */
export function orderNewestFirst<T>(items: readonly T[], dateOf: (item: T) => string | undefined): T[] {
  const times = items.map((item) => Date.parse(dateOf(item) ?? ''));
  if (times.some((t) => Number.isNaN(t))) return [...items];
  return items
    .map((item, i) => ({ item, time: times[i] ?? 0, i }))
    .sort((a, b) => b.time - a.time || a.i - b.i)
    .map((x) => x.item);
}

/** Whether each item is stored, looked up a batch at a time. */
async function lookUp<T>(items: readonly T[], isKnown: (item: T) => Promise<boolean>): Promise<boolean[]> {
  const out: boolean[] = [];
  for (let start = 0; start < items.length; start += LOOKUP_BATCH) {
    out.push(...(await Promise.all(items.slice(start, start + LOOKUP_BATCH).map(isKnown))));
  }
  return out;
}

/**
 * Selects what one poll takes from `ordered` (newest first). A feed of at most `max` items is
 * taken whole without a lookup.
 * @example await selectForPoll(orderNewestFirst(items, (i) => i.date), 200, isStored) // { taken, more }
 */
export async function selectForPoll<T>(
  ordered: readonly T[],
  max: number,
  isKnown: (item: T) => Promise<boolean>,
): Promise<ItemSelection<T>> {
  if (ordered.length <= max) return { taken: [...ordered], more: false };
  const head = ordered.slice(0, max);
  let room = max - (await lookUp(head, isKnown)).filter((known) => !known).length;
  const taken = [...head];
  const backlog = ordered.slice(max).reverse();
  for (let start = 0; start < backlog.length; start += LOOKUP_BATCH) {
    const batch = backlog.slice(start, start + LOOKUP_BATCH);
    const known = await lookUp(batch, isKnown);
    for (let j = 0; j < batch.length; j++) {
      if (known[j]) continue;
      if (room === 0) return { taken, more: true };
      taken.push(batch[j] as T);
      room--;
    }
  }
  return { taken, more: false };
}
