/**
 * The article numbering both stored candidate indexes keep in memory beside their
 * {@link KeyPostings}: postings hold small numbers, these map them to article ids and back.
 */
import type { KeyPostings } from './key-postings.js';

/** Number → article id (undefined once removed; number 0 is never an article) and id → number. */
export interface NumberedIds {
  postings: KeyPostings;
  ids: (string | undefined)[];
  numbers: Map<string, number>;
}

/** Ids of the articles filed under any of these keys. */
export function candidatesOf(index: NumberedIds, keys: ArrayLike<number>): Set<string> {
  return index.postings.idsUnder(keys, index.ids);
}

/** Forget an article's number so candidates stop returning it; its number, or undefined when it was not indexed. */
export function forgetNumber(index: NumberedIds, id: string): number | undefined {
  const n = index.numbers.get(id);
  if (n === undefined) return undefined;
  index.numbers.delete(id);
  index.ids[n] = undefined;
  return n;
}
