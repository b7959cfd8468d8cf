/**
 * Event profile of a short item: the figures it states and the character bigrams of its title and
 * text. Same-event flash items from different outlets share little text but share these.
 */
import { hashCodeUnits } from './hash.js';
import { toFingerprintText } from './normalize.js';
import { intersectionSize } from './similarity.js';

/** What the same-event path compares. */
export interface EventProfile {
  /** Specific figures, normalised (`6.3512`, `574`, `388`), sorted, unique. */
  figures: string[];
  /** Sorted distinct 32-bit hashes of the character bigrams of title + text (matching form). */
  bigrams: number[];
  /** Length of the matching text of title + text. */
  length: number;
}

/** A number with what follows it; dates, times and counters are not event figures. */
const NUMBER = /(\d+(?:[.,]\d+)*)(\s*)(\S?)/gu;
const NOT_A_FIGURE_UNIT = /^[年月日时分秒号期批届次]$/u;

/**
 * Normalise a number: drop thousands separators and leading zeros (00388 → 388), keep decimals.
 * Returns null for figures too common to identify an event (fewer than 3 significant digits).
 */
function normaliseFigure(raw: string): string | null {
  const plain = raw.replace(/,/g, '');
  const [intPart = '', frac] = plain.split('.', 2);
  const int = intPart.replace(/^0+(?=\d)/, '');
  const value = frac === undefined ? int : `${int}.${frac}`;
  const significant = value.replace('.', '').replace(/^0+/, '').length;
  return significant >= 3 ? value : null;
}

/**
 * Figures of a text that can identify an event: at least 3 significant digits, not a year, date
 * or time of day, with the letter that follows them as unit (`574港`).
 *
 * @example
 * extractFigures('12月8日，离岸人民币升至6.3512，港交所(00388.HK)目标价574港元') // ['388', '574港', '6.3512']
 */
export function extractFigures(text: string): string[] {
  const out = new Set<string>();
  const folded = text.normalize('NFKC');
  for (const m of folded.matchAll(NUMBER)) {
    const raw = m[1] ?? '';
    const next = m[3] ?? '';
    if (NOT_A_FIGURE_UNIT.test(next)) continue;
    if (next === ':' && /^\d{1,2}$/.test(raw)) continue;
    const figure = normaliseFigure(raw);
    // The unit keeps 2000元 (a share price) apart from 2000头 (a pig quota) in the same hour.
    if (figure !== null) out.add(/^\p{L}$/u.test(next) && m[2] === '' ? `${figure}${next}` : figure);
  }
  return [...out].sort();
}

/** Sorted distinct bigram hashes of a matching text. */
function bigramHashes(matching: string): number[] {
  const set = new Set<number>();
  for (let i = 0; i + 2 <= matching.length; i++) set.add(hashCodeUnits(matching, i, 2, 0x5bd1e995));
  return [...set].sort((a, b) => a - b);
}

/** Build the event profile of an article from its title and text. */
export function buildEventProfile(title: string, text: string): EventProfile {
  const matching = toFingerprintText(`${title}\n${text}`);
  return { figures: extractFigures(`${title}\n${text}`), bigrams: bigramHashes(matching), length: matching.length };
}

/** How two event profiles overlap. */
export interface EventOverlap {
  /** Figures both state. */
  sharedFigures: number;
  /** Shared bigrams over the bigrams of the smaller profile (0–1). */
  bigramContainment: number;
  /** Shared bigrams over all distinct bigrams of both (0–1). */
  bigramJaccard: number;
}

/** Compare two event profiles. */
export function compareEventProfiles(a: EventProfile, b: EventProfile): EventOverlap {
  const shared = intersectionSize(a.bigrams, b.bigrams);
  const smaller = Math.min(a.bigrams.length, b.bigrams.length);
  const union = a.bigrams.length + b.bigrams.length - shared;
  return {
    sharedFigures: intersectionSize(a.figures, b.figures),
    bigramContainment: smaller === 0 ? 0 : shared / smaller,
    bigramJaccard: union === 0 ? 0 : shared / union,
  };
}
