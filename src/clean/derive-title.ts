/** A title for an item that has none: its first sentence, cut to a readable length. */

/** Longest derived title, in characters (an ellipsis is added when cut). */
export const DERIVED_TITLE_MAX = 40;

export function deriveTitle(text: string): string {
  const first = text.split('\n\n', 1)[0] ?? '';
  const sentence = first.split(/(?<=[。！？!?])/u, 1)[0] ?? first;
  const chars = Array.from(sentence.trim());
  return chars.length > DERIVED_TITLE_MAX
    ? `${chars.slice(0, DERIVED_TITLE_MAX).join('')}…`
    : chars.join('');
}
