/**
 * The character-gram segmentation the index matches on. Text is NFKC-normalised and lower-cased;
 * every run of Han characters becomes its overlapping bigrams plus its last character alone
 * (碳达峰 → 碳达 达峰 峰), and every run of other letters and digits becomes one token
 * (5G → 5g, IPv6 → ipv6). So each Han character is the first character of exactly one token:
 * a one-character query is the prefix query `碳*`, and a longer one is the phrase of its bigrams,
 * which matches wherever the characters occur in a row (碳 inside 碳达峰, 股市 inside 港股市场),
 * independently of how a word segmenter would have cut the document.
 */

/** One run of the normalised text: Han characters, or letters/digits of other scripts. */
interface Run {
  han: boolean;
  text: string;
}

const WORD = /[\p{L}\p{N}]/u;

/** Han ideographs: the CJK Unified Ideographs blocks and the compatibility block. */
function isHan(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x323af);
}

/** Letters and digits that are not Han (ASCII checked without a regular expression). */
function isWordChar(cp: number, ch: string): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  return WORD.test(ch);
}

/** NFKC (full-width ＡＢ１ → AB1) and lower case: the form both documents and queries take. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function runsOf(normalized: string): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const ch of normalized) {
    const cp = ch.codePointAt(0) as number;
    const han = isHan(cp);
    if (!han && !isWordChar(cp, ch)) {
      current = undefined;
      continue;
    }
    if (current === undefined || current.han !== han) {
      current = { han, text: '' };
      runs.push(current);
    }
    current.text += ch;
  }
  return runs;
}

function hanTokens(run: string, withLast: boolean): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  if (withLast && chars.length > 0) out.push(chars[chars.length - 1] as string);
  return out;
}

/** The index tokens of a text (title or body), in order. */
export function gramTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of runsOf(normalizeText(text))) {
    // A loop, not push(...tokens): a run of 100k+ characters would overflow the call stack.
    if (run.han) for (const t of hanTokens(run.text, true)) out.push(t);
    else out.push(run.text);
  }
  return out;
}

/** How one query term is looked up: a phrase of index tokens, the last one possibly a prefix. */
export interface GramPhrase {
  tokens: string[];
  /** The last token is a single Han character matched as a prefix (`碳*`). */
  prefixLast: boolean;
}

/**
 * The phrase a query term becomes. Inner runs keep their last character (the document must
 * break there too, as 5G|基站 does); the last run drops it, so 碳达峰 also matches 碳达峰值, and
 * a last run of one character becomes a prefix token. Null when the term has no letters,
 * digits or Han characters.
 */
export function gramPhrase(term: string): GramPhrase | null {
  const runs = runsOf(normalizeText(term));
  if (runs.length === 0) return null;
  const tokens: string[] = [];
  let prefixLast = false;
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    if (!run.han) tokens.push(run.text);
    else if (!last) tokens.push(...hanTokens(run.text, true));
    else if (Array.from(run.text).length === 1) {
      tokens.push(run.text);
      prefixLast = true;
    } else tokens.push(...hanTokens(run.text, false));
  });
  return { tokens, prefixLast };
}
