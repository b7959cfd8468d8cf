/**
 * detect-pdf-text: decide from its content whether a plain-text document is a newspaper page
 * extracted from a PDF (hard-wrapped narrow lines, page headers, jump markers, fake-bold doubling,
 * justification spaces) rather than an ordinary text post.
 */
import { hasDatedHeader, readHeaderLine } from './page-header.js';
import { displayWidth, endsWithPunctuation } from './repair/char-class.js';
import { removeFakeBold } from './repair/fake-bold.js';
import { typicalLineWidth } from './repair/join-lines.js';

/** The evidence found in a document. */
export interface PdfTextSignals {
  /** Most full-width lines end mid-sentence and the typical line is column-narrow. */
  hardWrapped: boolean;
  /** A `2022年1月5日 星期三` or `第X版` header/footer line. */
  pageHeader: boolean;
  /** `上接第X版` / `下转第X版`. */
  jumpMarker: boolean;
  /** A line with fake-bold doubling. */
  fakeBold: boolean;
  /** Several `CJK space CJK` gaps. */
  justifiedSpaces: boolean;
  /** Weighted sum: hardWrapped 2, pageHeader 2, jumpMarker 2, fakeBold 1, justifiedSpaces 1. */
  score: number;
}

/** Widest typical line (CJK cells) still taken for a newspaper column. */
const MAX_COLUMN_WIDTH = 45;
const MIN_COLUMN_WIDTH = 8;
const MIN_LINES = 5;
/** Share of all lines that must be full-width in column text. */
const MIN_FULL_SHARE = 0.5;
/** Share of full-width lines that must end mid-sentence for the text to count as hard-wrapped. */
const MIN_WRAPPED_SHARE = 0.4;
const JUMP = /[上下][接转]第\s*[0-9０-９一二三四五六七八九十]+\s*版/u;
const JUSTIFIED_GAP = /[\u4e00-\u9fff][ \u00a0]+[\u4e00-\u9fff]/gu;
const MIN_JUSTIFIED_GAPS = 3;
const SCAN_CHARS = 20_000;

/**
 * Collect the PDF-text signals of a document (only the first 20 000 characters are read).
 * @example detectPdfTextSignals('2022年1月5日 星期三\n…').pageHeader // true
 */
export function detectPdfTextSignals(text: string): PdfTextSignals {
  const head = text.slice(0, SCAN_CHARS).replace(/\r\n?/g, '\n');
  const lines = head.split('\n').filter((l) => l.trim() !== '');
  const signals: PdfTextSignals = {
    // Fake-bold runs come out doubled: halved first, or they double the column-width estimate.
    hardWrapped: isHardWrapped(lines.map(halveDoubled)),
    pageHeader: hasDatedHeader(head) || lines.some((l) => readHeaderLine(l)?.page !== undefined),
    jumpMarker: JUMP.test(head),
    fakeBold: lines.some((l) => removeFakeBold(l.replace(/\s+/gu, '')).changed),
    justifiedSpaces: countJustifiedGaps(lines) >= MIN_JUSTIFIED_GAPS,
    score: 0,
  };
  signals.score =
    (signals.hardWrapped ? 2 : 0) +
    (signals.pageHeader ? 2 : 0) +
    (signals.jumpMarker ? 2 : 0) +
    (signals.fakeBold ? 1 : 0) +
    (signals.justifiedSpaces ? 1 : 0);
  return signals;
}

/**
 * Whether a decoded document is PDF-extracted newspaper text: a score of at least 3 with hard
 * wrapping or a page header. Documents with front matter or HTML are never PDF text.
 * @example looksLikePdfText('# 标题\n\n正文一段。') // false
 */
export function looksLikePdfText(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('---') || start.startsWith('<')) return false;
  const s = detectPdfTextSignals(text);
  return s.score >= 3 && (s.hardWrapped || s.pageHeader);
}

/** A line with its fake-bold doubling undone (justified spaces dropped with it); else as it is. */
function halveDoubled(line: string): string {
  const result = removeFakeBold(line.replace(/\s+/gu, ''));
  return result.changed ? result.text : line;
}

/** Lines at least 80 % of the typical width: the body of a column. */
function fullLines(lines: readonly string[]): string[] {
  const typical = typicalLineWidth(lines);
  return lines.filter((l) => displayWidth(l.trim()) >= typical * 0.8);
}

/** Justification gaps inside full lines only: menus and tables put spaces between short CJK words too. */
function countJustifiedGaps(lines: readonly string[]): number {
  return fullLines(lines).reduce((n, l) => n + (l.match(JUSTIFIED_GAP) ?? []).length, 0);
}

/**
 * Hard-wrapped columns: a narrow typical width, most lines full (menus and lists are not), and
 * most full lines ending mid-sentence.
 */
function isHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < MIN_LINES) return false;
  const typical = typicalLineWidth(lines);
  if (typical < MIN_COLUMN_WIDTH || typical > MAX_COLUMN_WIDTH) return false;
  const full = fullLines(lines);
  if (full.length < MIN_LINES - 2 || full.length < lines.length * MIN_FULL_SHARE) return false;
  const midSentence = full.filter((l) => !endsWithPunctuation(l)).length;
  return midSentence / full.length >= MIN_WRAPPED_SHARE;
}
