/**
 * fields: read typed post fields out of loosely typed front matter, recording flags.
 */
import { hasCalendarDate } from '../../clean/dates.js';
import type { ArticleFlag } from '../../model/article.js';

/** A scalar as text; undefined for null, lists and maps. */
export function fieldText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return undefined;
}

/** A non-empty trimmed scalar as text, else undefined. */
export function fieldNonEmpty(value: unknown): string | undefined {
  const text = fieldText(value)?.trim();
  return text === undefined || text === '' ? undefined : text;
}

/** A list field: YAML lists as is; a scalar is split on whitespace, as Jekyll does. */
export function fieldList(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.map((v) => fieldText(v)?.trim() ?? '').filter((v) => v !== '');
  }
  const text = fieldText(value)?.trim() ?? '';
  return text === '' ? [] : text.split(/\s+/);
}

/** The first key of `keys` that `data` has with a non-null value. */
export function firstKey(
  data: Record<string, unknown>,
  keys: readonly string[],
): string | undefined {
  return keys.find((k) => data[k] !== undefined && data[k] !== null);
}

/** The title, with a missing-title flag when it is empty. */
export function readTitle(value: unknown, flags: ArticleFlag[]): string {
  const title = fieldText(value)?.trim() ?? '';
  if (title === '') flags.push({ code: 'missing-title', message: 'the document has no title' });
  return title;
}

/**
 * The raw date text, or null with a flag: missing-date when there is none, bad-date when the
 * text has no calendar date (finews wrote `date:  +0800` for posts without a time).
 */
export function readDate(value: unknown, flags: ArticleFlag[]): string | null {
  const raw = fieldText(value)?.trim();
  if (raw === undefined) {
    flags.push({ code: 'missing-date', message: 'the document has no date' });
    return null;
  }
  if (!hasCalendarDate(raw)) {
    const shown = JSON.stringify(raw.slice(0, 100));
    flags.push({ code: 'bad-date', message: `date ${shown} has no calendar date` });
    return null;
  }
  return raw;
}

/** `data` without `keys`. */
export function omitKeys(
  data: Record<string, unknown>,
  keys: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!keys.includes(k)) out[k] = v;
  return out;
}

/** An absolute http(s) URL (protocol-relative becomes https:), or undefined. */
export function absoluteHttpUrl(raw: string): string | undefined {
  const trimmed = raw.trim();
  const candidate = trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
  if (!/^https?:\/\//i.test(candidate) || !URL.canParse(candidate)) return undefined;
  return candidate;
}
