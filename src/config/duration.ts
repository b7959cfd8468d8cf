/** Durations and sizes as the configuration writes them: `500ms`, `30s`, `5m`, `6h`, `1d`; `10MB`. */

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/;
const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i;
const UNIT_BYTES: Readonly<Record<string, number>> = {
  b: 1,
  kb: 1024,
  mb: 1024 ** 2,
  gb: 1024 ** 3,
};

/**
 * Milliseconds of a duration, or undefined when it is not one.
 * @example parseDuration('5m') // 300000
 */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return Math.round(Number(match[1]) * (UNIT_MS[match[2]] ?? 0));
}

/**
 * Bytes of a size (`512KB`, `10MB`, a bare number is bytes), or undefined when it is not one.
 * @example parseSize('10MB') // 10485760
 */
export function parseSize(text: string): number | undefined {
  const match = SIZE.exec(text.trim());
  if (!match?.[1]) return undefined;
  return Math.round(Number(match[1]) * (UNIT_BYTES[(match[2] ?? 'b').toLowerCase()] ?? 1));
}
