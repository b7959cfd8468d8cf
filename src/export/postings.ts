/**
 * postings: a sorted list of document numbers as a compact ASCII string. Each gap (first value,
 * then differences) is written in base 32, most significant digit first: every digit but the
 * last from the continuation alphabet, the last from the final alphabet, so a gap below 32 takes
 * one character and no separators are needed. The browser decodes it (client-script.ts).
 */

/** Last digit of a number. */
export const FINAL_DIGITS = '0123456789abcdefghijklmnopqrstuv';
/** Every other digit. */
export const MORE_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz_$';

/**
 * Encode strictly increasing non-negative integers.
 * @example encodePostings([0, 1, 40]); // '00B6'
 */
export function encodePostings(sorted: readonly number[]): string {
  let out = '';
  let prev = -1;
  for (const n of sorted) {
    let gap = n - prev - 1;
    if (gap < 0 || !Number.isInteger(n)) throw new RangeError(`postings: not strictly increasing at ${n}`);
    prev = n;
    let digits = FINAL_DIGITS.charAt(gap % 32);
    gap = Math.floor(gap / 32);
    while (gap > 0) {
      digits = MORE_DIGITS.charAt(gap % 32) + digits;
      gap = Math.floor(gap / 32);
    }
    out += digits;
  }
  return out;
}

/** Decode what {@link encodePostings} wrote. */
export function decodePostings(encoded: string): number[] {
  const out: number[] = [];
  let prev = -1;
  let acc = 0;
  for (const ch of encoded) {
    const more = MORE_DIGITS.indexOf(ch);
    if (more >= 0) {
      acc = acc * 32 + more;
      continue;
    }
    const last = FINAL_DIGITS.indexOf(ch);
    if (last < 0) throw new RangeError(`postings: bad character ${JSON.stringify(ch)}`);
    prev = prev + 1 + acc * 32 + last;
    out.push(prev);
    acc = 0;
  }
  return out;
}
