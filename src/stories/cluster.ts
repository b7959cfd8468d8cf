/**
 * Incremental clustering of articles into stories.
 *
 * Each article is fingerprinted once; candidate stories come from the {@link LshIndex} (MinHash
 * bands, verbatim paragraphs, exact text, event figures) and, for flash items, from stories seen
 * within hours. Every candidate is judged against its *representative* only (see match.ts), so a
 * long roundup that touches two stories cannot glue them together: it may join at most one and is
 * linked to the others as related.
 */
import { parseTime, printArticle, type ArticlePrint } from './article-print.js';
import { compareEventProfiles, type EventProfile } from './event-profile.js';
import { DEFAULT_FINGERPRINT_OPTIONS, type Fingerprint, type FingerprintOptions } from './fingerprint.js';
import { DEFAULT_LSH_OPTIONS, MemoryLshIndex, type LshIndex, type LshOptions } from './lsh.js';
import { DEFAULT_MATCH_OPTIONS, judgeMatch, representativeJaccard, type MatchJudgement, type MatchOptions } from './match.js';
import { chooseRepresentative } from './representative.js';
import { settleStoryId, storyIdFor } from './story-id.js';
import { MemoryStoryRepository, type ClusterInput, type RepresentativePrint, type StoryMember, type StoryRepository, type StoryState } from './story-state.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Options of {@link StoryClusterer}. */
export interface ClustererOptions {
  /** Longest time (ms) between a story's first article and a new member. Default 7 days. */
  windowMs: number;
  /** Same-event path: longest distance (ms) from the story's first/last article. Default 12 hours. */
  eventWindowMs: number;
  /** Fingerprint parameters. Default {@link DEFAULT_FINGERPRINT_OPTIONS}. */
  fingerprint: FingerprintOptions;
  /** Banding. Default {@link DEFAULT_LSH_OPTIONS}. */
  lsh: LshOptions;
  /** Decision thresholds. Default {@link DEFAULT_MATCH_OPTIONS}. */
  match: MatchOptions;
}

/** The defaults. */
export const DEFAULT_CLUSTERER_OPTIONS: Readonly<ClustererOptions> = Object.freeze({
  windowMs: 7 * DAY,
  eventWindowMs: 12 * HOUR,
  fingerprint: DEFAULT_FINGERPRINT_OPTIONS,
  lsh: DEFAULT_LSH_OPTIONS,
  match: DEFAULT_MATCH_OPTIONS,
});

/** What happened to one article. */
export interface ClusterDecision {
  /** The article. */
  articleId: string;
  /** The story it now belongs to. */
  storyId: string;
  /** `joined` an existing story or started a `new` one. */
  action: 'joined' | 'new';
  /** Which test joined it (`exact`, `reprint`, `event`), or `none` for a new story. */
  reason: 'exact' | 'reprint' | 'event' | 'none';
  /** Stories newly linked as related to it, sorted. */
  relatedIds: string[];
}

export { storyIdFor } from './story-id.js';

/** What a story keeps of an article to match later articles against. */
export function toPrint(fp: Fingerprint, event: EventProfile): RepresentativePrint {
  return {
    signature: Array.from(fp.signature),
    shingleCount: fp.shingleCount,
    length: fp.length,
    paragraphHashes: fp.paragraphHashes,
    paragraphLengths: fp.paragraphLengths,
    figures: event.figures,
    bigrams: Array.from(event.bigrams),
  };
}

/**
 * The earliest and latest valid publication times of members, as written: at equal instants the
 * first member in order is the earliest and the last one the latest (what a stable sort by time
 * gives, in one pass instead of a sort of every member at every join).
 */
function seenSpan(members: readonly StoryMember[]): { first: string | null; last: string | null } {
  let first: string | null = null;
  let last: string | null = null;
  let earliest = Infinity;
  let latest = -Infinity;
  for (const m of members) {
    if (m.publishedAt === null) continue;
    const t = Date.parse(m.publishedAt);
    if (Number.isNaN(t)) continue;
    if (t < earliest) [earliest, first] = [t, m.publishedAt];
    if (t >= latest) [latest, last] = [t, m.publishedAt];
  }
  return { first, last };
}

/** Epoch ms of a story's first and last seen times, per (immutable) state: read for every candidate. */
const spans = new WeakMap<StoryState, readonly [number | null, number | null]>();

function spanOf(story: StoryState): readonly [number | null, number | null] {
  let span = spans.get(story);
  if (span === undefined) spans.set(story, (span = [parseTime(story.firstSeen), parseTime(story.lastSeen)]));
  return span;
}

/** Distance (ms) from t to the interval [from, to]; 0 inside it. */
function distanceToSpan(t: number, from: number, to: number): number {
  return t < from ? from - t : t > to ? t - to : 0;
}

/**
 * Folds articles into stories one at a time. Deterministic: the same articles in the same order
 * give the same stories.
 *
 * @example
 * const clusterer = new StoryClusterer();
 * await clusterer.add({ id: 'a', title: '…', text: '…', publishedAt: '2021-12-08T10:37:25+08:00', outletKey: 'eastmoney' });
 */
export class StoryClusterer {
  readonly index: LshIndex;
  readonly repository: StoryRepository;
  readonly options: Readonly<ClustererOptions>;

  /** Index and repository default to in-memory versions. */
  constructor(init: { index?: LshIndex; repository?: StoryRepository; options?: Partial<ClustererOptions> } = {}) {
    this.index = init.index ?? new MemoryLshIndex();
    this.repository = init.repository ?? new MemoryStoryRepository();
    this.options = { ...DEFAULT_CLUSTERER_OPTIONS, ...init.options };
  }

  /**
   * Cluster one article; adding an article already clustered returns its story unchanged.
   * `print` is the article's {@link printArticle} with these options when a worker already
   * computed it (see print-pool.ts); it is computed here otherwise.
   */
  async add(input: ClusterInput, print?: ArticlePrint): Promise<ClusterDecision> {
    const known = await this.repository.storyOf(input.id);
    if (known !== undefined) return { articleId: input.id, storyId: known, action: 'joined', reason: 'none', relatedIds: [] };
    const { match } = this.options;
    const { fingerprint: fp, event, keys } = print ?? printArticle(input, this.options);
    const t = parseTime(input.publishedAt);
    const exactArticles = this.index.candidates([keys.exact]);
    const queryArticles = this.index.candidates(keys.query);
    // One membership lookup for both (the query keys include the exact key).
    const storyOf = await this.#storiesOf(new Set([...queryArticles, ...exactArticles]));
    const exactStories = new Set<string>();
    for (const a of exactArticles) {
      const s = storyOf.get(a);
      if (s !== undefined) exactStories.add(s);
    }
    const candidates = new Set<string>();
    for (const a of queryArticles) {
      const s = storyOf.get(a);
      if (s !== undefined) candidates.add(s);
    }
    if (t !== null) {
      const recent = await this.repository.storiesSeenBetween(t - this.options.eventWindowMs, t + this.options.eventWindowMs);
      for (const s of recent) candidates.add(s.id);
    }
    const joinable: { story: StoryState; verdict: MatchJudgement; exact: boolean }[] = [];
    const related: StoryState[] = [];
    for (const id of [...candidates].sort()) {
      const story = await this.repository.get(id);
      if (story === undefined) continue;
      const verdict = this.#judge(story, fp, event, t, exactStories.has(id));
      if (verdict.kind === 'related') related.push(story);
      else if (verdict.kind === 'join') {
        joinable.push({ story, verdict, exact: exactStories.has(id) && verdict.reason === 'reprint' });
      }
    }
    // Exact copies first, then the strongest match; ties keep the candidate order (story id).
    joinable.sort((a, b) => Number(b.exact) - Number(a.exact) || b.verdict.score - a.verdict.score);
    const best = joinable[0];
    const mergeable: StoryState[] = [];
    for (const other of joinable.slice(1)) {
      if (best !== undefined && this.#sameEvent(best.story, other.story)) mergeable.push(other.story);
      else related.push(other.story);
    }
    const member: StoryMember = {
      id: input.id,
      outletKey: input.outletKey,
      title: input.title,
      publishedAt: input.publishedAt,
      length: fp.length,
      ...(input.provenanceSource === undefined ? {} : { provenanceSource: input.provenanceSource }),
    };
    // Only a near-copy (Jaccard-level overlap) may become the representative: a roundup that
    // merely contains the story must not, or the next item it quotes would join through it.
    const promote = best !== undefined && (best.exact || best.verdict.jaccard >= match.joinJaccard);
    let story = best === undefined ? await this.#newStory(member, fp, event) : await this.#join(best.story, member, fp, event, promote);
    for (const other of mergeable) story = await this.#merge(story, other);
    // Named after its earliest member, whatever order the members came in (story-id.ts).
    story = await settleStoryId(this.repository, story);
    const relatedIds = await this.#link(story, related);
    this.index.add(input.id, keys.stored);
    await this.repository.assign(input.id, story.id);
    const reason = best === undefined ? 'none' : best.exact ? 'exact' : best.verdict.reason === 'event' ? 'event' : 'reprint';
    return { articleId: input.id, storyId: story.id, action: best === undefined ? 'new' : 'joined', reason, relatedIds };
  }

  /** The stories of these articles (unclustered ones are absent). */
  async #storiesOf(articleIds: Set<string>): Promise<Map<string, string>> {
    // One statement for every candidate article (a store may hold dozens per article).
    if (this.repository.storiesOfMany !== undefined) return this.repository.storiesOfMany([...articleIds]);
    const out = new Map<string, string>();
    for (const a of articleIds) {
      const s = await this.repository.storyOf(a);
      if (s !== undefined) out.set(a, s);
    }
    return out;
  }

  #judge(story: StoryState, fp: Fingerprint, event: EventProfile, t: number | null, exact: boolean): MatchJudgement {
    const [first, last] = spanOf(story);
    const timed = t !== null && first !== null && last !== null;
    const inWindow = !timed || Math.abs(t - first) <= this.options.windowMs;
    const inEventWindow = timed && distanceToSpan(t, first, last) <= this.options.eventWindowMs;
    if (exact && inWindow) return { kind: 'join', reason: 'reprint', score: 1, jaccard: representativeJaccard(fp, story.representative) };
    // Outside the story window a join becomes a link (a later event on the same subject), so
    // its score, which only ranks joins, is not needed.
    const verdict = judgeMatch(fp, event, story.representative, inEventWindow, inWindow, this.options.match);
    return verdict.kind === 'join' && !inWindow ? { ...verdict, kind: 'related' } : verdict;
  }

  /** Whether two stories an article could join report one event (judged on their representatives). */
  #sameEvent(a: StoryState, b: StoryState): boolean {
    const ta = parseTime(a.firstSeen);
    const tb = parseTime(b.firstSeen);
    const la = parseTime(a.lastSeen);
    const lb = parseTime(b.lastSeen);
    if (ta === null || tb === null || la === null || lb === null) return false;
    if (Math.max(ta, tb) - Math.min(la, lb) > this.options.eventWindowMs) return false;
    const ra = a.representative;
    const rb = b.representative;
    const overlap = compareEventProfiles(
      { figures: ra.figures, bigrams: ra.bigrams, length: ra.length },
      { figures: rb.figures, bigrams: rb.bigrams, length: rb.length },
    );
    return overlap.bigramContainment >= this.options.match.mergeContainment;
  }

  /** Fold story `other` into `into`: members, representative, related links; `other` is deleted. */
  async #merge(into: StoryState, other: StoryState): Promise<StoryState> {
    const members = [...into.members, ...other.members];
    const candidates = [into, other].map((s) => s.members.find((m) => m.id === s.representativeId));
    const reps = candidates.filter((m): m is StoryMember => m !== undefined);
    const chosen = chooseRepresentative(reps, this.options.match.maxGrowth);
    // The first member (in member order) at the earliest and at the latest time; one pass, no
    // spread of every time into Math.min (quadratic here once, and a stack limit on huge stories).
    let firstMember: StoryMember | undefined;
    let lastMember: StoryMember | undefined;
    let earliest = Infinity;
    let latest = -Infinity;
    for (const m of members) {
      const t = parseTime(m.publishedAt);
      if (t === null) continue;
      if (t < earliest) [earliest, firstMember] = [t, m];
      if (t > latest) [latest, lastMember] = [t, m];
    }
    const relatedIds = [...new Set([...into.relatedIds, ...other.relatedIds])].filter((id) => id !== into.id && id !== other.id).sort();
    const merged: StoryState = {
      ...into,
      members,
      firstSeen: firstMember?.publishedAt ?? null,
      lastSeen: lastMember?.publishedAt ?? null,
      relatedIds,
      ...(chosen.id === other.representativeId ? { representativeId: other.representativeId, representative: other.representative } : {}),
    };
    for (const m of other.members) await this.repository.assign(m.id, into.id);
    for (const id of other.relatedIds) {
      const s = await this.repository.get(id);
      if (s === undefined) continue;
      const ids = new Set(s.relatedIds.map((r) => (r === other.id ? into.id : r)));
      ids.delete(s.id);
      await this.repository.put({ ...s, relatedIds: [...ids].sort() });
    }
    await this.repository.remove(other.id);
    await this.repository.put(merged);
    return merged;
  }

  async #newStory(member: StoryMember, fp: Fingerprint, event: EventProfile): Promise<StoryState> {
    const story: StoryState = {
      id: storyIdFor(member.id),
      members: [member],
      representativeId: member.id,
      representative: toPrint(fp, event),
      firstSeen: member.publishedAt,
      lastSeen: member.publishedAt,
      relatedIds: [],
    };
    await this.repository.put(story);
    return story;
  }

  async #join(story: StoryState, member: StoryMember, fp: Fingerprint, event: EventProfile, promote: boolean): Promise<StoryState> {
    const members = [...story.members, member];
    const current = story.members.find((m) => m.id === story.representativeId);
    const pool = current === undefined ? [member] : promote ? [current, member] : [current];
    const chosen = chooseRepresentative(pool, this.options.match.maxGrowth);
    const { first, last } = seenSpan(members);
    const next: StoryState = {
      ...story,
      members,
      firstSeen: first,
      lastSeen: last,
      ...(chosen.id === member.id ? { representativeId: member.id, representative: toPrint(fp, event) } : {}),
    };
    await this.repository.put(next);
    return next;
  }

  async #link(story: StoryState, related: StoryState[]): Promise<string[]> {
    const added: string[] = [];
    let self = story;
    for (const other of related) {
      if (other.id === self.id || self.relatedIds.includes(other.id)) continue;
      self = { ...self, relatedIds: [...self.relatedIds, other.id].sort() };
      const fresh = (await this.repository.get(other.id)) ?? other;
      await this.repository.put({ ...fresh, relatedIds: [...new Set([...fresh.relatedIds, self.id])].sort() });
      added.push(other.id);
    }
    await this.repository.put(self);
    return added.sort();
  }
}
