/** URL helpers shared by the sanitiser and the image list. Pure; no network. */

/**
 * Resolves `raw` against `baseUrl` and removes query parameters matching `dropParams`.
 * Protocol-relative URLs without a base get `https:`. Relative URLs without a base, and
 * values that are not http(s) URLs (mailto:, javascript:), come back trimmed but unchanged
 * so the sanitiser's scheme check still sees them.
 */
export function resolveUrl(
  raw: string,
  baseUrl: string | undefined,
  dropParams: readonly RegExp[] = [],
): string {
  const value = raw.trim();
  if (value === '') return value;
  let url: URL;
  try {
    if (value.startsWith('//') && baseUrl === undefined) url = new URL(`https:${value}`);
    else url = baseUrl === undefined ? new URL(value) : new URL(value, baseUrl);
  } catch {
    return value;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return value;
  if (dropParams.length > 0 && url.search !== '') {
    for (const name of [...url.searchParams.keys()]) {
      if (dropParams.some((p) => p.test(name))) url.searchParams.delete(name);
    }
  }
  return url.href;
}

/** Whether `value` is an absolute http(s) URL. */
export function isAbsoluteHttpUrl(value: string): boolean {
  return /^https?:\/\/[^/\s]/i.test(value);
}
