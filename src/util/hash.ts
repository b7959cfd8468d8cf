import { createHash } from 'node:crypto';

/** SHA-1 hex of a string (UTF-8). Used for ids and change detection, not for security. */
export function sha1Hex(input: string | Uint8Array): string {
  return createHash('sha1').update(input).digest('hex');
}
