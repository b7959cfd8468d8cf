/**
 * Article HTML sanitised again at render time (src/clean/sanitize.ts, the same allow-list as at
 * store time), memoised: pages, feeds and the API render the same bodies over and over.
 */
import { sanitizeHtml } from '../clean/sanitize.js';

/** Bodies kept at most. */
const MAX_ENTRIES = 500;
const memo = new Map<string, string>();

/** `url` when it is an http(s) URL, else undefined (never a `javascript:` link). */
export function safeHttpUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sanitised body of an article; relative links resolve against its (http) URL.
 * @example sanitizeArticleHtml({ html: '<p onclick="x()">a</p>', url: null }) // '<p>a</p>'
 */
export function sanitizeArticleHtml(a: { html: string; url: string | null }): string {
  if (a.html.trim() === '') return '';
  const key = `${a.url ?? ''}\u0000${a.html}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const clean = sanitizeHtml(a.html, { baseUrl: safeHttpUrl(a.url) });
  memo.set(key, clean);
  if (memo.size > MAX_ENTRIES) {
    const oldest = memo.keys().next().value;
    if (oldest !== undefined) memo.delete(oldest);
  }
  return clean;
}
