/**
 * 32-bit hashing primitives shared by fingerprints and LSH: no allocation, `Math.imul` only,
 * deterministic across platforms (results are stored in the database).
 */

/** MurmurHash3's 32-bit finaliser: a bijective avalanche mix of one 32-bit word. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash `length` UTF-16 code units of `text` starting at `start` (FNV-1a steps + final mix). */
export function hashCodeUnits(text: string, start: number, length: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  const end = start + length;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h ^ length);
}

/** A 64-bit hash of a whole string as 16 lower-case hex digits (two independent 32-bit lanes). */
export function hashString64(text: string): string {
  const hi = hashCodeUnits(text, 0, text.length, 0x2545f491);
  const lo = hashCodeUnits(text, 0, text.length, 0x68e31da4);
  return toHex32(hi) + toHex32(lo);
}

/** Two lower-case hex digits of each byte value. */
const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Eight hex digits of an unsigned 32-bit value. */
export function toHex32(value: number): string {
  const v = value >>> 0;
  return (HEX_BYTE[v >>> 24] as string) + (HEX_BYTE[(v >>> 16) & 0xff] as string) + (HEX_BYTE[(v >>> 8) & 0xff] as string) + (HEX_BYTE[v & 0xff] as string);
}
