/**
 * page-frame: what the static site adds to the web UI's pages: a Content-Security-Policy in a
 * `<meta>` (a file opened from disk has no response headers) allowing only the site's own scripts
 * and styles, and the search page's script tags and result slot.
 */
import { STATIC_SITE_CSP } from '../web/security.js';

/**
 * The static site's policy: the web server's (src/web/security.ts), plus the site's own scripts.
 * `'self'` covers `file://` pages too (Chromium treats the page's own scheme as matching); the
 * browser test checks it.
 */
export const EXPORT_CSP = STATIC_SITE_CSP;

const CHARSET = '<meta charset="utf-8">';

/** Insert `snippet` right after `marker`, or throw when the page has no marker (a layout change). */
function insertAfter(page: string, marker: string, snippet: string): string {
  const at = page.indexOf(marker);
  if (at < 0) throw new Error(`export: page has no ${JSON.stringify(marker)} to insert after`);
  return page.slice(0, at + marker.length) + snippet + page.slice(at + marker.length);
}

/** Insert `snippet` right before the last `marker`, or throw when the page has none. */
function insertBefore(page: string, marker: string, snippet: string): string {
  const at = page.lastIndexOf(marker);
  if (at < 0) throw new Error(`export: page has no ${JSON.stringify(marker)} to insert before`);
  return page.slice(0, at) + snippet + page.slice(at);
}

/** A rendered page with the export's CSP `<meta>` as the first element after the charset. */
export function withCsp(page: string): string {
  return insertAfter(page, CHARSET, `\n<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`);
}

/**
 * The search page: a live region for the results at the end of `<main>`, and the index and search
 * scripts (external files, as the policy requires) at the end of `<body>`.
 */
export function withSearchScripts(page: string, scripts: readonly string[]): string {
  const slot = insertBefore(page, '</main>', '<div id="search-results" aria-live="polite"></div>\n');
  return insertBefore(slot, '</body>', scripts.map((src) => `<script src="${src}"></script>\n`).join(''));
}
