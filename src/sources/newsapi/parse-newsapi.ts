/**
 * Parser: JSON news API responses → {@link NewsApiRecord}s and article HTML, driven by the
 * configured field mapping (paths like `data.list`), so another API of the same shape is a
 * config entry, not code. Pure.
 */
import type { NewsApiMapping } from '../../config/schema.js';
import { decodeText } from '../fetch/charset.js';
import { NewsApiError } from './newsapi-error.js';
import type { NewsApiRecord } from './types.js';

/**
 * The value at a dot path (`data.list`, `items.0.title`); '' is the value itself.
 * @example getPath({ a: { b: [1] } }, 'a.b.0') // 1
 */
export function getPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function parseJson(bytes: Uint8Array | string, what: string): unknown {
  const text = typeof bytes === 'string' ? bytes : decodeText(bytes).text;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    throw new NewsApiError(`${what} is not valid JSON (${(err as Error).message})`, { cause: err });
  }
}

/** Result of {@link parseNewsApiList}: the records and how many were skipped (no code). */
export interface NewsApiList {
  records: NewsApiRecord[];
  skipped: number;
}

/**
 * Reads the records of a list response.
 * @throws NewsApiError when the body is not JSON or `recordsPath` is not an array
 */
export function parseNewsApiList(bytes: Uint8Array | string, mapping: NewsApiMapping): NewsApiList {
  const records = getPath(parseJson(bytes, 'list response'), mapping.recordsPath);
  if (!Array.isArray(records)) {
    throw new NewsApiError(
      `list response has no array at ${JSON.stringify(mapping.recordsPath || '(root)')}`,
    );
  }
  const out: NewsApiRecord[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const raw of records) {
    const f = mapping.fields;
    const code = asText(getPath(raw, f.code));
    if (code === undefined || seen.has(code)) {
      skipped++;
      continue;
    }
    seen.add(code);
    const record: NewsApiRecord = { code, title: asText(getPath(raw, f.title)) ?? '' };
    const digest = asText(getPath(raw, f.digest));
    const showTime = asText(getPath(raw, f.showTime));
    const mediaName = asText(getPath(raw, f.mediaName));
    const url = f.url === undefined ? undefined : asText(getPath(raw, f.url));
    if (digest !== undefined) record.digest = digest;
    if (showTime !== undefined) record.showTime = showTime;
    if (mediaName !== undefined) record.mediaName = mediaName;
    if (url !== undefined) record.url = url;
    out.push(record);
  }
  return { records: out, skipped };
}

/**
 * Reads the article HTML of a detail response.
 * @throws NewsApiError when the body is not JSON or has no string at `detailHtmlPath`
 */
export function parseNewsApiDetail(bytes: Uint8Array | string, mapping: NewsApiMapping): string {
  const html = getPath(parseJson(bytes, 'detail response'), mapping.detailHtmlPath);
  if (typeof html !== 'string') {
    throw new NewsApiError(
      `detail response has no text at ${JSON.stringify(mapping.detailHtmlPath)}`,
    );
  }
  return html;
}

/** The detail URL of a record: `{code}` replaced, URL-encoded. */
export function detailUrlFor(template: string, code: string): string {
  return template.replaceAll('{code}', encodeURIComponent(code));
}
