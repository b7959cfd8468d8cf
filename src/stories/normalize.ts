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

/** Fast-path classes of a UTF-16 code unit (see {@link classOf}). */
const KEEP = 1;
const DROP = 2;
const NEWLINE = 3;
const SLOW = 0;

/**
 * Code units whose NFKC + lower case + drop rule is known without Unicode tables: ASCII,
 * full-width ASCII (FF01–FF5E → ASCII), CJK unified ideographs, and the common CJK and
 * typographic punctuation (dropped). Anything else sends its paragraph to the exact slow path.
 */
function classOf(c: number): number {
  if (c < 0x80) {
    if (c === 0x0a) return NEWLINE;
    return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? KEEP : DROP;
  }
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return KEEP;
  if (c >= 0xff01 && c <= 0xff5e) return classOf(c - 0xfee0);
  if ((c >= 0x3000 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301f)) return DROP;
  if (c === 0xb7 || c === 0xd7 || c === 0x2013 || c === 0x2014 || (c >= 0x2018 && c <= 0x201d) || c === 0x2026) return DROP;
  // ÷ ‰ → ■ ▲ △ ◆ ● ★: symbols NFKC keeps as they are (list markers and ratios in news copy).
  if (c === 0xf7 || c === 0x2030 || c === 0x2192 || c === 0x25a0 || c === 0x25b2 || c === 0x25b3 || c === 0x25c6 || c === 0x25cf || c === 0x2605) return DROP;
  return SLOW;
}

/**
 * Whether NFKC leaves code unit `c` (≥ U+0080) unchanged and the fast path knows it: CJK
 * unified ideographs and the CJK and typographic punctuation of `classOf` (the ellipsis, which
 * NFKC expands, excluded).
 */
export function isPlainWide(c: number): boolean {
  return c !== 0x2026 && c !== 0x3000 && !(c >= 0xff01 && c <= 0xff5e) && classOf(c) !== SLOW;
}

let buffer = new Uint16Array(1024);

/** UTF-16 decoder of folded text (which never holds a lone surrogate: \p{C} drops them); BOM kept. */
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
/** Typed arrays use the platform's byte order; the decoder reads little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The code units buffer[from, to) as a string (chunked: `fromCharCode` takes a bounded argument list). */
function bufferString(from: number, to: number): string {
  // Decoding is faster than spreading code units into fromCharCode beyond a few dozen units.
  if (LITTLE_ENDIAN && to - from > 64) return utf16.decode(buffer.subarray(from, to));
  let out = '';
  for (let i = from; i < to; i += 8192) {
    out += String.fromCharCode.apply(null, buffer.subarray(i, Math.min(to, i + 8192)) as unknown as number[]);
  }
  return out;
}

/** A text folded by {@link foldParagraphs}. */
export interface FoldedText {
  /** The folded paragraphs joined (the matching text). */
  matching: string;
  /** The non-empty folded paragraphs, in order (slices of `matching`). */
  paragraphs: string[];
}

/**
 * Fold plain text paragraph by paragraph (paragraphs separated by blank lines or single
 * newlines), each by {@link toFingerprintText}; empty paragraphs are dropped.
 *
 * One pass over the text folds the common characters of Chinese news directly (see `classOf`)
 * into one buffer; a paragraph holding anything else is folded by {@link toFingerprintText}, so
 * the result is exactly the same either way (a property test checks it).
 */
export function foldParagraphs(text: string): FoldedText {
  if (buffer.length < text.length) buffer = new Uint16Array(Math.max(text.length, buffer.length * 2));
  const ends: number[] = [];
  let length = 0;
  let paragraphStart = 0; // in the buffer
  let start = 0; // in the text
  let slow = false;
  let out = buffer;
  const end = (i: number): void => {
    if (slow) {
      // The slow fold never lengthens a paragraph beyond NFKC's bound; grow the buffer if needed.
      const folded = toFingerprintText(text.slice(start, i));
      if (buffer.length < paragraphStart + folded.length + text.length - i) {
        const grown = new Uint16Array((paragraphStart + folded.length + text.length - i) * 2);
        grown.set(buffer.subarray(0, paragraphStart));
        buffer = grown;
      }
      for (let k = 0; k < folded.length; k++) buffer[paragraphStart + k] = folded.charCodeAt(k);
      out = buffer;
      length = paragraphStart + folded.length;
    }
    if (length > paragraphStart) ends.push(length);
    paragraphStart = length;
    start = i + 1;
    slow = false;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const kind = classOf(c);
    if (kind === NEWLINE) end(i);
    else if (slow || kind === DROP) continue;
    else if (kind === SLOW) {
      slow = true;
      length = paragraphStart;
    } else {
      if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
      out[length++] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    }
  }
  end(text.length);
  const matching = bufferString(0, length);
  const paragraphs = ends.map((e, k) => matching.slice(k === 0 ? 0 : (ends[k - 1] ?? 0), e));
  return { matching, paragraphs };
}

/**
 * Split plain text into folded paragraphs (see {@link foldParagraphs}).
 *
 * @example
 * toFingerprintParagraphs('第一段，内容。\n\n第二段！') // ['第一段内容', '第二段']
 */
export function toFingerprintParagraphs(text: string): string[] {
  return foldParagraphs(text).paragraphs;
}

/**
 * `text.normalize('NFKC')`, without the normaliser's cost for the common case: a text made only
 * of the characters the fast path knows (see `classOf`) differs from its NFKC form only in
 * full-width ASCII (FF01–FF5E), the ideographic space and the ellipsis, mapped here directly.
 *
 * @example
 * toNfkc('成交１，２３４亿') // '成交1,234亿'
 */
export function toNfkc(text: string): string {
  if (buffer.length < text.length * 3) buffer = new Uint16Array(Math.max(text.length * 3, buffer.length * 2));
  let n = 0;
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (classOf(c) === SLOW) return text.normalize('NFKC');
    if (c >= 0xff01 && c <= 0xff5e) {
      buffer[n++] = c - 0xfee0;
      changed = true;
    } else if (c === 0x3000) {
      buffer[n++] = 0x20;
      changed = true;
    } else if (c === 0x2026) {
      buffer[n++] = 0x2e;
      buffer[n++] = 0x2e;
      buffer[n++] = 0x2e;
      changed = true;
    } else buffer[n++] = c;
  }
  return changed ? bufferString(0, n) : text;
}

/**
 * Text folded for display-level comparison (diff): NFKC and whitespace collapsed, but punctuation
 * kept so a reader still sees the sentence.
 */
export function toDisplayText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}
