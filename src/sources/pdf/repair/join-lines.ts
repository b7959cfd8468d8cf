/**
 * join-lines: rebuild paragraphs from hard-wrapped lines of CJK text.
 *
 * A line break inside a paragraph is removed with no space (Chinese has no word spaces). A
 * paragraph ends at a blank line, before an indented line (leading `　` or two spaces), or after a
 * short line — one narrower than {@link JoinOptions.shortLineRatio} of the block's typical width,
 * or a sentence end on a line that is not full (justified lines inside a paragraph always are).
 * Latin words hyphenated over a break are rejoined; Latin words broken without a hyphen get a space.
 */
import { displayWidth, isLatinWordChar } from './char-class.js';

/** Options for {@link joinLines}. */
export interface JoinOptions {
  /** The block's full line width in CJK cells. Default: measured with {@link typicalLineWidth}. */
  typicalWidth?: number;
  /** A line narrower than this share of the typical width ends its paragraph. Default 0.8. */
  shortLineRatio?: number;
  /**
   * A line ending a sentence (`。！？…”`) that is this many cells short of the typical width ends
   * its paragraph: justified lines inside a paragraph are always full. Default 1.
   */
  sentenceEndSlack?: number;
}

const SENTENCE_END = /[。！？!?…”」』]$/u;

const INDENT = /^(?:\u3000|[ \t\u00a0]{2,})/u;

/**
 * The typical full width of a block's lines (indentation included): the 80th percentile of
 * non-blank line widths, so short last lines and headlines do not pull it down.
 * @example typicalLineWidth(['一二三四五', '一二三四五', '一二']) // 5
 */
export function typicalLineWidth(lines: readonly string[]): number {
  const widths = lines
    .map((l) => (l.trim() === '' ? 0 : displayWidth(l.trimEnd())))
    .filter((w) => w > 0)
    .sort((a, b) => a - b);
  if (widths.length === 0) return 0;
  return widths[Math.min(widths.length - 1, Math.floor(widths.length * 0.8))] ?? 0;
}

/** Whether a line starts with paragraph indentation. */
export function isIndented(line: string): boolean {
  return INDENT.test(line);
}

/**
 * Join hard-wrapped lines into paragraphs (trimmed, without blank ones).
 * @example joinLines(['　　今年以来，制造业', '投资稳步回升。', '　　专家认为']) // ['今年以来，制造业投资稳步回升。', '专家认为']
 */
export function joinLines(lines: readonly string[], options: JoinOptions = {}): string[] {
  const typical = options.typicalWidth ?? typicalLineWidth(lines);
  const shortLimit = typical * (options.shortLineRatio ?? 0.8);
  const sentenceLimit = typical - (options.sentenceEndSlack ?? 1);
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current !== '') paragraphs.push(current);
    current = '';
  };
  lines.forEach((line, i) => {
    const text = line.trim();
    if (text === '') {
      flush();
      return;
    }
    if (isIndented(line)) flush();
    current = current === '' ? text : joinPair(current, text);
    // Indentation takes room on the printed line, so it counts towards the width.
    const width = displayWidth(line.trimEnd());
    // A Latin word pushed to the next line also leaves a short line; that is no paragraph end.
    const nextStartsLatin = isLatinWordChar(lines[i + 1]?.trim()[0] ?? '');
    if (width < shortLimit || (width <= sentenceLimit && SENTENCE_END.test(text) && !nextStartsLatin)) flush();
  });
  flush();
  return paragraphs;
}

/** Join two consecutive lines of one paragraph. */
export function joinPair(left: string, right: string): string {
  const before = left.at(-2) ?? '';
  const last = left.at(-1) ?? '';
  const next = right[0] ?? '';
  if (last === '-' && /[A-Za-z]/.test(before) && /[a-z]/.test(next)) return left.slice(0, -1) + right;
  if (isLatinWordChar(last) && isLatinWordChar(next)) return `${left} ${right}`;
  return left + right;
}
