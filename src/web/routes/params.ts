/** Query parameter parsing for pages, API and feeds: bad values are 400s with a clear message. */
import type { SearchOptions } from '../../search/types.js';
import { badRequest } from '../web-error.js';

/** Reads query parameters by name (`c.req.query`). */
export type QueryReader = (name: string) => string | undefined;

/** A whole number in [min, max], or `fallback` when absent. */
export function intParam(read: QueryReader, name: string, fallback: number, min: number, max: number): number {
  const raw = read(name);
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw badRequest(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day (`2021-12-01`) or an ISO 8601 instant, or undefined when absent. */
export function dateParam(read: QueryReader, name: string): string | undefined {
  const raw = read(name)?.trim();
  if (raw === undefined || raw === '') return undefined;
  if ((DAY.test(raw) || /^\d{4}-\d{2}-\d{2}T/.test(raw)) && !Number.isNaN(Date.parse(DAY.test(raw) ? `${raw}T00:00:00Z` : raw))) return raw;
  throw badRequest(`${name} must be a date (YYYY-MM-DD) or an ISO 8601 time`);
}

/** A non-empty trimmed string, or undefined. */
export function textParam(read: QueryReader, name: string, maxLength = 500): string | undefined {
  const raw = read(name)?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (raw.length > maxLength) throw badRequest(`${name} is longer than ${maxLength} characters`);
  return raw;
}

/** Search options from `q`, `outlet`, `category`, `from`, `to`, `page`, `pageSize`. */
export function searchParams(read: QueryReader, defaultPageSize = 20): SearchOptions {
  const q = textParam(read, 'q') ?? '';
  const outlet = textParam(read, 'outlet', 100);
  const category = textParam(read, 'category', 100);
  const from = dateParam(read, 'from');
  const to = dateParam(read, 'to');
  return {
    q,
    ...(outlet === undefined ? {} : { outlet }),
    ...(category === undefined ? {} : { category }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    page: intParam(read, 'page', 1, 1, 1000),
    pageSize: intParam(read, 'pageSize', defaultPageSize, 1, 100),
  };
}
