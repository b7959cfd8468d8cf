/**
 * Highlighted snippets: a window of the article text around the first matching term, every
 * character HTML-escaped, each match wrapped in `<mark>`. The result contains no other markup,
 * whatever the text holds (`<script>` comes back as `&lt;script&gt;`).
 */

/** Options of {@link makeSnippet}. */
export interface SnippetOptions {
  /** Characters of text in the snippet. Default 120. */
  length?: number;
  /** Characters shown before the first match. Default 30. */
  before?: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The text normalised as the index sees it (NFKC, lower case), with each code unit's source span. */
interface Normalized {
  text: string;
  /** Start (UTF-16 offset in the source) of the character each normalised code unit came from. */
  from: number[];
  /** End of that character. */
  to: number[];
}

function normalizeWithSpans(source: string): Normalized {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < source.length; ) {
    const cp = source.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const ch = source.slice(i, i + width);
    // ASCII and the CJK Unified Ideographs block are already in normal form.
    const n = cp < 0x80 ? ch.toLowerCase() : cp >= 0x4e00 && cp <= 0x9fff ? ch : ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + width);
    }
    text += n;
    i += width;
  }
  return { text, from, to };
}

/** Source ranges [start, end) (UTF-16 offsets) where any normalised term occurs, merged, in order. */
export function matchRanges(source: string, terms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  // Fast path: lower case alone keeps offsets and finds the terms in most texts; the full
  // NFKC mapping (ＩＰｖ６ → ipv6) is built only when it finds nothing.
  const lower = source.toLowerCase();
  if (lower.length === source.length) {
    for (const term of terms) {
      if (term === '') continue;
      for (let i = lower.indexOf(term); i >= 0; i = lower.indexOf(term, i + 1)) ranges.push([i, i + term.length]);
    }
  }
  if (ranges.length === 0) {
    const norm = normalizeWithSpans(source);
    for (const term of terms) {
      if (term === '') continue;
      for (let i = norm.text.indexOf(term); i >= 0; i = norm.text.indexOf(term, i + 1)) {
        ranges.push([norm.from[i] as number, norm.to[i + term.length - 1] as number]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Escaped `source[start, end)` with the ranges inside it marked (a range cut by the window is cut too). */
export function highlight(source: string, ranges: readonly [number, number][], start = 0, end = source.length): string {
  let out = '';
  let pos = start;
  for (const [a, b] of ranges) {
    const s = Math.max(a, pos);
    const e = Math.min(b, end);
    if (e <= s) continue;
    out += `${escapeHtml(source.slice(pos, s))}<mark>${escapeHtml(source.slice(s, e))}</mark>`;
    pos = e;
  }
  return out + escapeHtml(source.slice(pos, end));
}

/** Moves an offset off the second half of a surrogate pair. */
const onCharBoundary = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
};

/**
 * A snippet of `text` for the normalised `terms`: starts a little before the first match
 * (at the text's start when nothing matches), whitespace collapsed, `…` where it was cut.
 *
 * @example makeSnippet('推动<碳达峰>', ['碳达峰']) // '推动&lt;<mark>碳达峰</mark>&gt;'
 */
export function makeSnippet(text: string, terms: readonly string[], options: SnippetOptions = {}): string {
  const length = options.length ?? 120;
  const source = text.replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(source, terms);
  const first = ranges[0]?.[0] ?? 0;
  const start = onCharBoundary(source, Math.max(0, Math.min(first - (options.before ?? 30), source.length - length)));
  const end = onCharBoundary(source, Math.min(source.length, start + length));
  return `${start > 0 ? '…' : ''}${highlight(source, ranges, start, end)}${end < source.length ? '…' : ''}`;
}
