/**
 * The decision between one incoming article and one story's representative: join the story, be
 * related to it, or have nothing to do with it. Pure; thresholds come from {@link MatchOptions}.
 */
import { bigramContainment, compareEventProfiles, compareFigures, type EventOverlap, type EventProfile } from './event-profile.js';
import type { Fingerprint } from './fingerprint.js';
import { containmentFromJaccard, estimateJaccard } from './similarity.js';
import type { RepresentativePrint } from './story-state.js';

/** Thresholds of the decision; defaults in {@link DEFAULT_MATCH_OPTIONS}. */
export interface MatchOptions {
  /** Estimated Jaccard at which two texts are copies of one report. Default 0.5. */
  joinJaccard: number;
  /** Containment of one text in the other at which it is a trimmed copy. Default 0.6. */
  joinContainment: number;
  /** A longer version may be at most this many times the representative (else: a roundup). Default 2.5. */
  maxGrowth: number;
  /** Paragraphs shorter than this (matching code units) are ignored in paragraph containment. Default 12. */
  minParagraphLength: number;
  /** Items up to this matching length are flash items and may join by the same-event path. Default 400. */
  flashLength: number;
  /** Same-event path: bigram containment needed together with a shared figure. Default 0.15. */
  eventContainmentWithFigure: number;
  /** Same-event path: bigram containment enough on its own. Default 0.5. */
  eventContainment: number;
  /**
   * Same-release path: two reports of one statistics release, each with its own material (the
   * full tables, a statistician's commentary), share little text but many exact figures. Joined
   * within the event window when they share this many decimal figures… Default 4.
   */
  releaseDecimalFigures: number;
  /** …and this share of the figures of the one stating fewer (so next month's release, same series, stays apart). Default 0.5. */
  releaseFigureShare: number;
  /** Weaker similarity that links stories as related: Jaccard or containment. Default 0.3. */
  relatedSimilarity: number;
  /**
   * Two stories an article could join are merged only when their representatives share this
   * much bigram containment themselves (so a bridge article alone never glues them). Default 0.3.
   */
  mergeContainment: number;
}

/** Defaults (see the report for the measurements behind them). */
export const DEFAULT_MATCH_OPTIONS: Readonly<MatchOptions> = Object.freeze({
  joinJaccard: 0.5,
  joinContainment: 0.6,
  maxGrowth: 2.5,
  minParagraphLength: 12,
  flashLength: 400,
  eventContainmentWithFigure: 0.15,
  eventContainment: 0.5,
  releaseDecimalFigures: 4,
  releaseFigureShare: 0.5,
  relatedSimilarity: 0.3,
  mergeContainment: 0.3,
});

/** Similarities of an article to a story representative. */
export interface MatchScores {
  /** Estimated Jaccard of the MinHash signatures. */
  jaccard: number;
  /** Share of the article inside the representative (article is a trimmed copy). */
  articleInRep: number;
  /** Share of the representative inside the article (article is a longer version). */
  repInArticle: number;
  /** Event-profile overlap. */
  event: EventOverlap;
}

/** Verdict for one (article, story) pair; `score` orders several joinable stories. */
export interface MatchVerdict {
  /** `join`: same story; `related`: same subject, different event; `none`. */
  kind: 'join' | 'related' | 'none';
  /** Which test decided: `reprint`, `event` (flash items), `release` (shared figures of one release) or `weak`. */
  reason: 'reprint' | 'event' | 'release' | 'weak' | 'none';
  /** Strength in [0, 1] (the largest of the similarities). */
  score: number;
  /** The similarities behind the verdict. */
  scores: MatchScores;
}

/** Size ratio beyond which signature-based containment is too noisy and paragraphs decide. */
const MAX_SIGNATURE_RATIO = 4;

/** The text similarities of {@link MatchScores} (all but the event overlap): cheap. */
function textScores(fp: Fingerprint, rep: RepresentativePrint, options: Readonly<MatchOptions>): Omit<MatchScores, 'event'> {
  const jaccard = estimateJaccard(fp.signature, signatureOf(rep));
  const ratio = Math.max(fp.shingleCount, rep.shingleCount) / Math.max(1, Math.min(fp.shingleCount, rep.shingleCount));
  const min = options.minParagraphLength;
  const paraIn = containedShare(fp.paragraphHashes, fp.paragraphLengths, paragraphSet(rep.paragraphHashes, rep.paragraphLengths, min), min);
  const paraOut = containedShare(rep.paragraphHashes, rep.paragraphLengths, paragraphSet(fp.paragraphHashes, fp.paragraphLengths, min), min);
  const sigIn = ratio <= MAX_SIGNATURE_RATIO ? containmentFromJaccard(jaccard, fp.shingleCount, rep.shingleCount) : 0;
  const sigOut = ratio <= MAX_SIGNATURE_RATIO ? containmentFromJaccard(jaccard, rep.shingleCount, fp.shingleCount) : 0;
  return { jaccard, articleInRep: Math.max(paraIn, sigIn), repInArticle: Math.max(paraOut, sigOut) };
}

/**
 * The paragraph hashes of length ≥ `min`, kept per (immutable) hash list: an article is compared
 * with every candidate in a row, and a representative with every article of its days.
 */
const paragraphSets = new WeakMap<readonly string[], { min: number; set: ReadonlySet<string> }>();

function paragraphSet(hashes: readonly string[], lengths: readonly number[], min: number): ReadonlySet<string> {
  const kept = paragraphSets.get(hashes);
  if (kept !== undefined && kept.min === min) return kept.set;
  const set = new Set<string>();
  hashes.forEach((h, i) => {
    if ((lengths[i] ?? 0) >= min) set.add(h);
  });
  paragraphSets.set(hashes, { min, set });
  return set;
}

/** `paragraphContainment` (similarity.ts) of A in B, with B's paragraphs as a set of hashes. */
function containedShare(hashes: readonly string[], lengths: readonly number[], inB: ReadonlySet<string>, min: number): number {
  let total = 0;
  let shared = 0;
  for (let i = 0; i < hashes.length; i++) {
    const len = lengths[i] ?? 0;
    if (len < min) continue;
    total += len;
    if (inB.has(hashes[i]!)) shared += len;
  }
  return total === 0 ? 0 : shared / total;
}

/** A representative's signature as the typed array it was, kept per (immutable) representative. */
const signatures = new WeakMap<RepresentativePrint, Uint32Array>();

function signatureOf(rep: RepresentativePrint): Uint32Array {
  let typed = signatures.get(rep);
  if (typed === undefined) signatures.set(rep, (typed = Uint32Array.from(rep.signature)));
  return typed;
}

/** Estimated Jaccard of an article's signature and a representative's. */
export function representativeJaccard(fp: Fingerprint, rep: RepresentativePrint): number {
  return estimateJaccard(fp.signature, signatureOf(rep));
}

/** Compute the similarities of an article to a representative. */
export function scoreMatch(fp: Fingerprint, event: EventProfile, rep: RepresentativePrint, options: Readonly<MatchOptions>): MatchScores {
  const repEvent: EventProfile = { figures: rep.figures, bigrams: rep.bigrams, length: rep.length };
  return { ...textScores(fp, rep, options), event: compareEventProfiles(event, repEvent) };
}

/**
 * Decide. `withinEventWindow` says whether the article is close enough in time to the story for
 * the same-event path (hours); the caller has already applied the story window (days).
 */
export function decideMatch(scores: MatchScores, articleLength: number, repLength: number, withinEventWindow: boolean, options: Readonly<MatchOptions>): MatchVerdict {
  const { jaccard, articleInRep, repInArticle, event } = scores;
  const score = Math.max(jaccard, articleInRep, repInArticle, event.bigramContainment);
  if (jaccard >= options.joinJaccard || articleInRep >= options.joinContainment) {
    return { kind: 'join', reason: 'reprint', score, scores };
  }
  // The article holds the whole representative: a longer version, or a roundup that quotes it.
  // A roundup may still join by the event test below; it never becomes the representative.
  if (repInArticle >= options.joinContainment && articleLength <= options.maxGrowth * Math.max(1, repLength)) {
    return { kind: 'join', reason: 'reprint', score, scores };
  }
  const flash = Math.min(articleLength, repLength) <= options.flashLength;
  if (flash && withinEventWindow) {
    const byFigure = event.sharedFigures >= 1 && event.bigramContainment >= options.eventContainmentWithFigure;
    if (byFigure || event.bigramContainment >= options.eventContainment) {
      return { kind: 'join', reason: 'event', score, scores };
    }
  }
  if (withinEventWindow && event.sharedDecimalFigures >= options.releaseDecimalFigures && event.figureShare >= options.releaseFigureShare) {
    return { kind: 'join', reason: 'release', score, scores };
  }
  if (Math.max(jaccard, articleInRep, repInArticle) >= options.relatedSimilarity || (event.sharedFigures >= 2 && event.bigramContainment >= options.eventContainmentWithFigure)) {
    return { kind: 'related', reason: 'weak', score, scores };
  }
  return { kind: 'none', reason: 'none', score, scores };
}

/** What {@link judgeMatch} returns: the verdict of {@link decideMatch} without the scores behind it. */
export interface MatchJudgement {
  /** As {@link MatchVerdict.kind}. */
  kind: MatchVerdict['kind'];
  /** As {@link MatchVerdict.reason}. */
  reason: MatchVerdict['reason'];
  /**
   * As {@link MatchVerdict.score} for a join when `scoreJoins` was set; otherwise a lower bound
   * (the bigram containment is left out when the verdict did not need it).
   */
  score: number;
  /** Estimated Jaccard (as `MatchScores.jaccard`). */
  jaccard: number;
}

/**
 * `decideMatch(scoreMatch(…))` computing only what the verdict needs: the same kind and reason
 * (and the same score for a join, with `scoreJoins`), but the bigram containment, the costly
 * part (one probe per bigram of the representative), only when a test reads it. Most candidates
 * a clusterer judges (the stories of the same hours, keys shared by boilerplate) share too
 * little text and too few figures for any test to need it; a busy day's window holds hundreds.
 */
export function judgeMatch(
  fp: Fingerprint,
  event: EventProfile,
  rep: RepresentativePrint,
  withinEventWindow: boolean,
  scoreJoins: boolean,
  options: Readonly<MatchOptions>,
): MatchJudgement {
  const { jaccard, articleInRep, repInArticle } = textScores(fp, rep, options);
  const text = Math.max(jaccard, articleInRep, repInArticle);
  let containment: number | undefined;
  const bigrams = (): number => (containment ??= bigramContainment(event.bigrams, rep.bigrams));
  const join = (reason: MatchJudgement['reason']): MatchJudgement => ({
    kind: 'join',
    reason,
    score: scoreJoins ? Math.max(text, bigrams()) : Math.max(text, containment ?? 0),
    jaccard,
  });
  if (jaccard >= options.joinJaccard || articleInRep >= options.joinContainment) return join('reprint');
  if (repInArticle >= options.joinContainment && fp.length <= options.maxGrowth * Math.max(1, rep.length)) return join('reprint');
  const figures = compareFigures(event.figures, rep.figures);
  const flash = Math.min(fp.length, rep.length) <= options.flashLength;
  if (flash && withinEventWindow) {
    const byFigure = figures.sharedFigures >= 1 && bigrams() >= options.eventContainmentWithFigure;
    if (byFigure || bigrams() >= options.eventContainment) return join('event');
  }
  if (withinEventWindow && figures.sharedDecimalFigures >= options.releaseDecimalFigures && figures.figureShare >= options.releaseFigureShare) {
    return join('release');
  }
  const related = text >= options.relatedSimilarity || (figures.sharedFigures >= 2 && bigrams() >= options.eventContainmentWithFigure);
  const score = Math.max(text, containment ?? 0);
  return related ? { kind: 'related', reason: 'weak', score, jaccard } : { kind: 'none', reason: 'none', score, jaccard };
}
