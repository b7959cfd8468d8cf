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
