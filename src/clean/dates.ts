/**
 * dates: turn the date text news sources write into ISO 8601 with an offset.
 *
 * Pure and clock-free: the only environment it reads is the IANA time-zone data behind `Intl`.
 */
import { SHANGHAI_ZONE } from '../util/shanghai-time.js';

/** Options for {@link parseNewsDate}. */
export interface NewsDateOptions {
  /**
   * IANA time zone used for dates written without an offset, and the zone whose local time is
   * shown for dates written in GMT/UTC/Z. Default `Asia/Shanghai`.
   */
  zone?: string;
}

/** The zone of Chinese news sources. */
export const DEFAULT_NEWS_ZONE = SHANGHAI_ZONE;

/** Longer inputs are not dates; refusing them keeps every pattern below cheap. */
const MAX_DATE_CHARS = 80;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Zone designators that mean UTC. */
const UTC_NAMES = new Set(['Z', 'UT', 'UTC', 'GMT']);

// Every pattern is anchored and built from disjoint character classes, so matching is linear.
/** `Mon, 20 Dec 2021 10:52:20 GMT`, `20 Dec 2021 10:52 +0800` (RFC 1123 / 2822). */
const RFC_2822 =
  /^(?:[A-Za-z]{3,9},? +)?(\d{1,2}) +([A-Za-z]{3})[A-Za-z]*\.? +(\d{4}) +(\d{1,2}):(\d{2})(?::(\d{2}))? *([A-Za-z]{1,3}|[+-]\d{2}:?\d{2})?$/;
/** `2021-12-20 20:21:15 +0800`, `2021/12/20 20:21`, `2021-12-20T12:21:15.5Z`, `2021-12-20`. */
const NUMERIC =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T| +)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)? *(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;
/** `2021年12月20日 10:52`, `2021年12月20日10时52分`, `2021年12月20日`. */
const CHINESE =
  /^(\d{4})年(\d{1,2})月(\d{1,2})日 *(?:(\d{1,2})[:时](\d{1,2})(?:分|[:分](\d{1,2})秒?)?)?$/;

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Parse a news date into ISO 8601 to the second with an offset, or null when it is empty or
 * unparseable (including impossible calendar dates such as 2021-02-30).
 *
 * Without an offset the time is read as local time in `zone`; a time given in GMT/UTC/Z (or
 * `+0000`) is shown in `zone`'s local time; any other explicit offset is kept as written.
 *
 * @throws RangeError when `options.zone` is not a known IANA time zone.
 * @example
 * parseNewsDate('Mon, 20 Dec 2021 10:52:20 GMT'); // '2021-12-20T18:52:20+08:00'
 * parseNewsDate('2021-12-08 10:18:31'); // '2021-12-08T10:18:31+08:00'
 */
export function parseNewsDate(raw: string, options: NewsDateOptions = {}): string | null {
  const zone = options.zone ?? DEFAULT_NEWS_ZONE;
  const formatter = getFormatter(zone);
  if (raw.length > MAX_DATE_CHARS * 4) return null;
  const text = normaliseDateText(raw);
  if (text === '' || text.length > MAX_DATE_CHARS) return null;
  const found = matchDate(text);
  if (found === null || !isValidWall(found.wall)) return null;
  const wallMs = wallToMs(found.wall);
  if (found.offsetMinutes === null) {
    const [utcMs, offset] = resolveLocal(wallMs, formatter);
    return formatIso(utcMs + offset * 60_000, offset);
  }
  if (found.offsetMinutes === 0) {
    const offset = offsetAt(wallMs, formatter);
    return formatIso(wallMs + offset * 60_000, offset);
  }
  return formatIso(wallMs, found.offsetMinutes);
}

/** Full-width digits and punctuation to ASCII, whitespace collapsed. */
function normaliseDateText(raw: string): string {
  let out = '';
  for (const ch of raw.trim()) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0x00a0 || ch === '\t') out += ' ';
    else out += ch;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

interface FoundDate {
  wall: Wall;
  /** Minutes east of UTC as written; null when the text has no offset. */
  offsetMinutes: number | null;
}

function matchDate(text: string): FoundDate | null {
  let m = NUMERIC.exec(text);
  if (m) {
    const offset = parseOffset(m[8]);
    if (offset === undefined) return null;
    return {
      wall: toWall(m[1], m[3], m[4], m[5], m[6], m[7]),
      offsetMinutes: offset,
    };
  }
  m = CHINESE.exec(text);
  if (m) return { wall: toWall(m[1], m[2], m[3], m[4], m[5], m[6]), offsetMinutes: null };
  m = RFC_2822.exec(text);
  if (m) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    const offset = parseOffset(m[7]);
    if (month === undefined || offset === undefined) return null;
    return { wall: toWall(m[3], String(month), m[1], m[4], m[5], m[6]), offsetMinutes: offset };
  }
  return null;
}

/** Minutes east of UTC; null when absent; undefined when not understood. */
function parseOffset(designator: string | undefined): number | null | undefined {
  if (designator === undefined) return null;
  const upper = designator.toUpperCase();
  if (UTC_NAMES.has(upper)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(designator);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function toWall(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
): Wall {
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? '0'),
    minute: Number(minute ?? '0'),
    second: Number(second ?? '0'),
  };
}

function isValidWall(w: Wall): boolean {
  if (w.year < 1000 || w.month < 1 || w.month > 12 || w.day < 1) return false;
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  return w.day <= daysInMonth && w.hour <= 23 && w.minute <= 59 && w.second <= 59;
}

function wallToMs(w: Wall): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function getFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch (cause) {
      throw new RangeError(`dates: unknown time zone "${zone}"`, { cause });
    }
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in whole minutes. */
function offsetAt(utcMs: number, formatter: Intl.DateTimeFormat): number {
  const parts: Record<string, number> = {};
  let bc = false;
  for (const p of formatter.formatToParts(new Date(utcMs))) {
    if (p.type === 'era') bc = p.value.startsWith('B');
    else if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = bc ? 1 - (parts['year'] ?? 0) : (parts['year'] ?? 0);
  const asUtc = Date.UTC(
    year,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  // Historical zones have second-level offsets (LMT); ISO 8601 offsets only have minutes.
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant and offset for a local wall time. In a DST gap the time moves forward by the
 * gap; in an overlap the earlier (pre-transition) offset wins.
 */
function resolveLocal(wallMs: number, formatter: Intl.DateTimeFormat): [number, number] {
  const o1 = offsetAt(wallMs, formatter);
  let guess = wallMs - o1 * 60_000;
  const o2 = offsetAt(guess, formatter);
  if (o1 === o2) return [guess, o1];
  guess -= (o2 - o1) * 60_000;
  const o3 = offsetAt(guess, formatter);
  if (o2 === o3) return [guess, o2];
  return [wallMs - Math.min(o2, o3) * 60_000, Math.max(o2, o3)];
}

/** `localMs` is the wall time expressed as if it were UTC. */
function formatIso(localMs: number, offsetMinutes: number): string {
  const d = new Date(localMs);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

const HAS_CALENDAR_DATE = /\d{4}\D{1,3}\d{1,2}\D{1,3}\d{1,2}|\d{1,2} [A-Za-z]{3,9}\.? \d{4}/;

/** Whether a text holds a calendar date (year, month and day), e.g. 2021-12-08, 2021年12月8日, 8 Dec 2021. */
export function hasCalendarDate(text: string): boolean {
  return text.length <= 100 && HAS_CALENDAR_DATE.test(text);
}
