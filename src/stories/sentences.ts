/**
 * Sentences of a paragraph, as pieces that concatenate back to the paragraph exactly (so a
 * sentence's code-point offset in its paragraph is the length of the pieces before it).
 */
import { toFingerprintText } from './normalize.js';

/** A sentence of a paragraph. */
export interface Sentence {
  /** Paragraph index. */
  para: number;
  /** Code-point offset of the sentence in its paragraph. */
  at: number;
  /** The sentence as written (with its end punctuation and any closing quote). */
  text: string;
}

const ENDS = new Set(['。', '！', '？', '!', '?', '；', ';', '\n']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '"', '\'', '\n']);

/**
 * Splits a paragraph after 。！？；(and a closing quote or bracket right after them). A piece
 * that folds to nothing (a stray quote) joins the sentence before it.
 *
 * @example splitSentences('甲。乙！丙', 0).map((s) => s.text) // ['甲。', '乙！', '丙']
 */
export function splitSentences(paragraph: string, para: number): Sentence[] {
  const chars = Array.from(paragraph);
  const out: Sentence[] = [];
  let start = 0;
  const flush = (end: number): void => {
    if (end <= start) return;
    const text = chars.slice(start, end).join('');
    const prev = out[out.length - 1];
    if (prev !== undefined && toFingerprintText(text) === '') prev.text += text;
    else out.push({ para, at: start, text });
    start = end;
  };
  for (let i = 0; i < chars.length; i++) {
    if (!ENDS.has(chars[i] as string)) continue;
    let end = i + 1;
    while (end < chars.length && (ENDS.has(chars[end] as string) || CLOSERS.has(chars[end] as string))) end++;
    flush(end);
    i = end - 1;
  }
  flush(chars.length);
  return out;
}
