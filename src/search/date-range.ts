/**
 * The `from`/`to` filters as a range of index rowids (see search-tables.ts: rowid = time).
 * A bare day is a day in Asia/Shanghai (UTC+8 all year: China has had no daylight saving time
 * since 1991); `to` includes the whole day. An instant needs a full ISO 8601 time with offset.
 */
import { ROWIDS_PER_SECOND } from '../store/tables.js';
import { UsageError } from '../util/errors.js';
import { shanghaiWallTimeMs } from '../util/shanghai-time.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Inclusive rowid bounds of the index. */
export interface RowidRange {
  lo: number;
  hi: number;
}

function validDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Epoch seconds of a `from`/`to` value; `end` picks the last second of a bare day. */
export function boundSeconds(value: string, end: boolean, name: string): number {
  const v = value.trim();
  if (validDay(v)) return shanghaiWallTimeMs(v, end ? '23:59:59' : '00:00:00') / 1000;
  if (INSTANT.test(v)) {
    const ms = Date.parse(v);
    if (!Number.isNaN(ms)) return end ? Math.floor(ms / 1000) : Math.ceil(ms / 1000);
  }
  throw new UsageError(`search: ${name} must be a day (2021-12-01) or an ISO 8601 time with offset, not ${JSON.stringify(value)}`);
}

/** The rowid range of a date filter (the whole index without one). */
export function rowidRange(from: string | undefined, to: string | undefined): RowidRange {
  const lo = from === undefined || from === '' ? Number.MIN_SAFE_INTEGER : boundSeconds(from, false, 'from') * ROWIDS_PER_SECOND;
  const hi = to === undefined || to === '' ? Number.MAX_SAFE_INTEGER : boundSeconds(to, true, 'to') * ROWIDS_PER_SECOND + ROWIDS_PER_SECOND - 1;
  if (lo > hi) throw new UsageError(`search: from (${from ?? ''}) is after to (${to ?? ''})`);
  return { lo, hi };
}
