/**
 * The representative version of a story (its most complete text), the earliest appearance and
 * the attribution chain the articles state (据工信微报消息 → 中国网财经 → 新浪财经).
 */
import type { StoryMember } from './story-state.js';

function timeOf(m: StoryMember): number {
  const t = m.publishedAt === null ? Number.NaN : Date.parse(m.publishedAt);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/** Earlier publication first; unknown times last; then by id (deterministic). */
export function compareByAppearance(a: StoryMember, b: StoryMember): number {
  const d = timeOf(a) - timeOf(b);
  if (d !== 0 && !Number.isNaN(d)) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The most complete version: walking members in the given order, a longer member replaces the
 * current choice unless it is more than `maxGrowth` times longer — such a text is a roundup that
 * quotes the story, and making it the representative would let unrelated items join through it.
 * Equal lengths keep the earlier appearance.
 *
 * @example
 * chooseRepresentative([{ id: 'a', length: 100, … }, { id: 'b', length: 140, … }]).id // 'b'
 */
export function chooseRepresentative(members: readonly StoryMember[], maxGrowth = Number.POSITIVE_INFINITY): StoryMember {
  const [first, ...rest] = members;
  if (first === undefined) throw new RangeError('representative: a story has at least one member');
  let chosen = first;
  for (const m of rest) {
    const longer = m.length > chosen.length && m.length <= maxGrowth * Math.max(1, chosen.length);
    const tieEarlier = m.length === chosen.length && compareByAppearance(m, chosen) < 0;
    if (longer || tieEarlier) chosen = m;
  }
  return chosen;
}

/** The member that appeared first (unknown times count as latest). */
export function earliestAppearance(members: readonly StoryMember[]): StoryMember {
  const sorted = [...members].sort(compareByAppearance);
  const first = sorted[0];
  if (first === undefined) throw new RangeError('representative: a story has at least one member');
  return first;
}

/**
 * Attribution chain: the original publishers the articles name (provenance source), then the
 * outlets in order of first appearance, each name once.
 *
 * @example
 * // wire (chinanews, states 据工信微报消息) at 09:00, then a portal copy (sina-finance) at 10:00
 * attributionChain([portal, wire]) // ['工信微报', 'chinanews', 'sina-finance']
 */
export function attributionChain(members: readonly StoryMember[]): string[] {
  const ordered = [...members].sort(compareByAppearance);
  const outlets = new Set(ordered.map((m) => m.outletKey));
  const chain: string[] = [];
  const push = (name: string): void => {
    if (!chain.includes(name)) chain.push(name);
  };
  // Sources no member outlet claims come first: they are upstream of everything we hold.
  for (const m of ordered) {
    if (m.provenanceSource !== undefined && !outlets.has(m.provenanceSource)) push(m.provenanceSource);
  }
  for (const m of ordered) push(m.outletKey);
  return chain;
}
