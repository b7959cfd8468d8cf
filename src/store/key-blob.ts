/**
 * The candidate index's key sets as stored by both backends: one row per article, its distinct
 * 32-bit keys as little-endian uint32 bytes (a SQLite BLOB, a PostgreSQL bytea).
 */
import { endianness } from 'node:os';

const LITTLE_ENDIAN = endianness() === 'LE';

/** Distinct keys as unsigned 32-bit values, sorted (storing into a Uint32Array wraps modulo 2³²). */
export function distinctKeys(keys: ArrayLike<number>): Uint32Array {
  const sorted = new Uint32Array(keys.length);
  sorted.set(keys);
  sorted.sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] ?? 0;
  return sorted.subarray(0, n);
}

/** Keys as little-endian uint32 bytes (copied: the caller's array may be reused before the write). */
export function keysToBytes(keys: Uint32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength));
  const out = Buffer.allocUnsafe(keys.length * 4);
  for (let i = 0; i < keys.length; i++) out.writeUInt32LE(keys[i] ?? 0, i * 4);
  return out;
}

/** The keys of a stored row (a view of the bytes where the layout allows, else a copy). */
export function bytesToKeys(bytes: Buffer): Uint32Array {
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
  const out = new Uint32Array(bytes.length >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readUInt32LE(i * 4);
  return out;
}
