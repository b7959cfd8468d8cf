/**
 * Matching text for story fingerprints: the form two copies of one report share even when
 * outlets differ in punctuation, spacing or full/half-width characters.
 *
 * Kept internal to stories on purpose: fingerprints stored in the database depend on exactly
 * this folding, so it does not reuse `toMatchingText` from src/clean (which keeps punctuation for
 * display-level matching) and must not change without a `caixun recluster`.
 */

/** Letters, digits and CJK ideographs survive; punctuation, symbols and whitespace are dropped. */
const DROPPED = /[\p{P}\p{S}\p{Z}\p{C}\s]+/gu;

/**
 * Fold a text to its matching form: NFKC (full-width → half-width, compatibility ideographs),
 * lower case, and every punctuation mark, symbol and whitespace removed.
 *
 * @example
 * toFingerprintText('Ａ股：涨２％， 收于 3,600点！') // 'a股涨2收于3600点'
 */
export function toFingerprintText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DROPPED, '');
}

/**
 * Split plain text (paragraphs separated by blank lines or single newlines) into paragraphs,
 * each folded by {@link toFingerprintText}; empty paragraphs are dropped.
 */
export function toFingerprintParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\n+/)) {
    const folded = toFingerprintText(raw);
    if (folded.length > 0) out.push(folded);
  }
  return out;
}

/**
 * Text folded for display-level comparison (diff): NFKC and whitespace collapsed, but punctuation
 * kept so a reader still sees the sentence.
 */
export function toDisplayText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}
