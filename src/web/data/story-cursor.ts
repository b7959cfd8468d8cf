/** Keyset cursors over the story list order (first seen descending, undated last, then id descending). */
import type { StoryListPosition } from '../../store/tables.js';

/** A position in the story list: the last story of a page. */
export type StoryCursor = StoryListPosition;

function epochMs(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** Opaque cursor string of a story position. */
export function encodeStoryCursor(firstSeen: string | null, id: string): string {
  return Buffer.from(JSON.stringify([epochMs(firstSeen), id])).toString('base64url');
}

/** The position a cursor names, or undefined when it is not one of ours. */
export function decodeStoryCursor(cursor: string): StoryCursor | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2) return undefined;
    const [ms, id] = v as unknown[];
    if ((ms !== null && typeof ms !== 'number') || typeof id !== 'string') return undefined;
    return { ms, id };
  } catch {
    return undefined;
  }
}
