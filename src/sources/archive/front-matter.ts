/**
 * front-matter: split a document into its `---` front matter and body, recovering the broken
 * front matter found in real archives (unescaped quotes, tabs, missing closing fence).
 */
import type { ArticleFlag } from '../../model/article.js';
import { InvalidDocumentError } from '../../util/errors.js';
import { KEY_LINE, parseBlock, parseYamlBlock } from './yaml-block.js';

/** A document's front matter and the text after it. */
export interface FrontMatter {
  /** The front-matter keys; scalars stay text (see yaml-block.ts). */
  data: Record<string, unknown>;
  /** Everything after the closing fence (or after the recovered key lines). */
  body: string;
  /** `recovered-front-matter` flags saying what was repaired. */
  flags: ArticleFlag[];
}

/** Front matter is looked for only in the first 64 KiB, so a huge body is never scanned as YAML. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;

const MISSING_CLOSING = 'no closing --- fence; front matter ends at the first non-key line';
const FENCE = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
const CONTINUATION = /^[ \t]+\S|^-(?:[ \t]|$)/;

interface Located {
  lines: string[];
  /** Offset in `text` where each line in `lines` starts, plus one entry for the end. */
  starts: number[];
  /** Index in `lines` of the closing fence, or -1. */
  closing: number;
}

/**
 * Split and parse front matter. Returns null when the document has none (its first non-blank
 * line is not `---`, or no `key:` line follows it).
 *
 * @param origin names the document in error messages.
 * @throws InvalidDocumentError when a front-matter block is neither valid YAML nor recoverable.
 * @example
 * parseFrontMatter('---\ntitle: "标题"\n---\n正文')?.data.title; // '标题'
 */
export function parseFrontMatter(text: string, origin = 'document'): FrontMatter | null {
  const located = locate(text);
  if (located === null) return null;
  const { lines, starts, closing } = located;
  const blockLines = closing === -1 ? lines : lines.slice(0, closing);
  if (!blockLines.some((l) => KEY_LINE.test(l))) return null;
  const afterLine = (i: number): string => text.slice(starts[i] ?? text.length);

  if (closing !== -1) {
    const direct = parseBlock(blockLines.join('\n'));
    if (direct.ok) return { data: direct.data, body: afterLine(closing + 1), flags: [] };
  }
  const prefix = countKeyPrefix(blockLines);
  if (prefix > 0 && (closing === -1 || hasProse(blockLines.slice(prefix)))) {
    // Key lines then a blank or prose line: the closing fence is missing and the body began.
    const recovered = recoverBlock(blockLines.slice(0, prefix), origin);
    recovered.flags.unshift(flag(MISSING_CLOSING));
    return { data: recovered.data, body: afterLine(prefix), flags: recovered.flags };
  }
  if (closing === -1) return null;
  const recovered = recoverBlock(blockLines, origin);
  return { data: recovered.data, body: afterLine(closing + 1), flags: recovered.flags };
}

/** Find the opening fence (after blank lines) and the closing fence within the size cap. */
function locate(text: string): Located | null {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    const line = text.slice(pos, nl === -1 ? text.length : nl);
    if (line.trim() !== '') {
      if (!FENCE.test(line) || nl === -1) return null;
      pos = nl + 1;
      break;
    }
    if (nl === -1 || nl > MAX_FRONT_MATTER_CHARS) return null;
    pos = nl + 1;
  }
  const lines: string[] = [];
  const starts: number[] = [];
  const limit = pos + MAX_FRONT_MATTER_CHARS;
  let closing = -1;
  while (pos <= text.length && pos < limit) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(pos, end);
    starts.push(pos);
    lines.push(line);
    if (CLOSING.test(line)) {
      closing = lines.length - 1;
      break;
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  starts.push(endOfLines(text, starts, lines));
  return { lines, starts, closing };
}

/** Offset just past the last collected line (start of the next line, or the end of text). */
function endOfLines(text: string, starts: number[], lines: string[]): number {
  const lastStart = starts[starts.length - 1];
  const last = lines[lines.length - 1];
  if (lastStart === undefined || last === undefined) return text.length;
  return Math.min(text.length, lastStart + last.length + 1);
}

/** How many leading lines look like front matter (key lines and their continuations). */
function countKeyPrefix(lines: string[]): number {
  let n = 0;
  while (n < lines.length) {
    const line = lines[n] ?? '';
    if (!(KEY_LINE.test(line) || (n > 0 && CONTINUATION.test(line)))) break;
    n++;
  }
  return n;
}

/** Whether lines hold body text rather than more front matter (blank lines, comments, keys). */
function hasProse(lines: string[]): boolean {
  return lines.some((l) => {
    const t = l.trim();
    return t !== '' && !t.startsWith('#') && !KEY_LINE.test(l) && !CONTINUATION.test(l);
  });
}

interface Recovered {
  data: Record<string, unknown>;
  flags: ArticleFlag[];
}

/** Parse block lines, repairing tabs and broken quoting, then salvaging key by key. */
function recoverBlock(lines: string[], origin: string): Recovered {
  const flags: ArticleFlag[] = [];
  let block = lines.join('\n');
  let result = parseBlock(block);
  if (result.ok) return { data: result.data, flags };
  const firstError = result.error;
  if (block.includes('\t')) {
    block = block.replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length)).replaceAll('\t', ' ');
    flags.push(flag('tabs replaced with spaces'));
    result = parseBlock(block);
    if (result.ok) return { data: result.data, flags };
  }
  const requoted = requoteLines(block.split('\n'));
  if (requoted.keys.length > 0) {
    flags.push(flag(`re-quoted the value of ${requoted.keys.join(', ')}`));
    result = parseBlock(requoted.lines.join('\n'));
    if (result.ok) return { data: result.data, flags };
  }
  const salvaged = salvageKeys(requoted.lines);
  if (salvaged.keys === 0 || salvaged.dropped > salvaged.keys) {
    throw new InvalidDocumentError(
      `archive: ${origin}: front matter is not valid YAML and cannot be recovered (${firstError})`,
    );
  }
  const dropped = salvaged.dropped > 0 ? `; dropped ${salvaged.dropped} unreadable line(s)` : '';
  flags.push(flag(`read front matter key by key${dropped}`));
  return { data: salvaged.data, flags };
}

/**
 * Re-quote top-level `key: value` lines that YAML rejects on their own: a quoted title with
 * unescaped inner quotes (`title: "他说"好""`), or a plain value with `: ` or a leading `[`.
 */
function requoteLines(lines: string[]): { lines: string[]; keys: string[] } {
  const keys: string[] = [];
  const out = lines.map((line) => {
    const m = KEY_LINE.exec(line);
    if (!m) return line;
    const value = line.slice(m[0].length).trim();
    if (value === '' || parseYamlBlock(line).ok) return line;
    keys.push(m[1] ?? '');
    return `${m[1] ?? ''}: ${JSON.stringify(unquote(value))}`;
  });
  return { lines: out, keys };
}

/** The text of a scalar written with broken quotes: its outer quotes removed. */
function unquote(value: string): string {
  const first = value[0];
  if (value.length >= 2 && (first === '"' || first === "'") && value.endsWith(first)) {
    const inner = value.slice(1, -1);
    return first === "'" ? inner.replaceAll("''", "'") : inner;
  }
  return value;
}

/** Parse each top-level key with its continuation lines on its own; keep what parses. */
function salvageKeys(lines: string[]): Recovered & { keys: number; dropped: number } {
  const data: Record<string, unknown> = {};
  let keys = 0;
  let dropped = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const m = KEY_LINE.exec(line);
    if (!m) {
      if (line.trim() !== '' && !line.trimStart().startsWith('#')) dropped++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && CONTINUATION.test(lines[end] ?? '')) end++;
    const chunk = parseYamlBlock(lines.slice(i, end).join('\n'));
    const key = m[1] ?? '';
    if (chunk.ok && Object.hasOwn(chunk.data, key)) {
      data[key] = chunk.data[key];
    } else {
      const raw = line.slice(m[0].length).trim();
      data[key] = raw === '' ? null : unquote(raw);
      dropped += end - i - 1;
    }
    keys++;
    i = end - 1;
  }
  return { data, flags: [], keys, dropped };
}

function flag(message: string): ArticleFlag {
  return { code: 'recovered-front-matter', message };
}

/**
 * {@link parseFrontMatter} as the archive adapters start: a document without front matter is
 * read whole, with a `no-front-matter` flag saying so (`what` names it: post, document).
 *
 * @throws InvalidDocumentError when a front-matter block is neither valid YAML nor recoverable.
 */
export function readFrontMatterOrWhole(text: string, origin: string, what: string): FrontMatter {
  const fm = parseFrontMatter(text, origin);
  if (fm !== null) return { data: fm.data, body: fm.body, flags: [...fm.flags] };
  return { data: {}, body: text, flags: [{ code: 'no-front-matter', message: `the ${what} has no front matter` }] };
}
