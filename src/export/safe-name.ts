/**
 * safe-name: turn ids (`eastmoney:202112082206703990`, outlet slugs, story ids) into file names
 * that are safe on every file system and in a relative URL, and distinct for distinct ids even on
 * case-insensitive file systems.
 */
import { sha1Hex } from '../util/hash.js';

/** Longer names are cut and suffixed with a hash, well below the 255-byte limit of most systems. */
export const MAX_NAME_CHARS = 120;

/** Names Windows refuses whatever the extension. */
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * A file name (without extension) for an id. Lower-case ASCII letters, digits and `-` are kept,
 * `:` becomes `_`, and every other character becomes `~` + its code point in hex + `~`, so two
 * different ids never share a name (`A` and `a` differ as `~41~` and `a`).
 *
 * @example
 * fileNameOf('eastmoney:202112082206703990'); // 'eastmoney_202112082206703990'
 */
export function fileNameOf(id: string): string {
  let out = '';
  for (const ch of id) {
    if (/^[a-z0-9-]$/.test(ch)) out += ch;
    else if (ch === ':') out += '_';
    else out += `~${(ch.codePointAt(0) ?? 0).toString(16)}~`;
  }
  if (out === '' || RESERVED.test(out)) out = `~${out}`;
  if (out.length > MAX_NAME_CHARS) out = `${out.slice(0, MAX_NAME_CHARS - 17)}-${sha1Hex(id).slice(0, 16)}`;
  return out;
}
