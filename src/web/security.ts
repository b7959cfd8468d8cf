/**
 * Security headers on every response: a strict Content-Security-Policy (no script at all, styles
 * only from our stylesheet, images over https or data:), no MIME sniffing, no referrer, no framing.
 * The static export (src/export/page-frame.ts) carries the same policy in a `<meta>`, built here.
 */
import type { MiddlewareHandler } from 'hono';

// The one policy of the web UI and the exported site. Images: https and data: only, never http:
// (a plain-HTTP tracker pixel in an article would leak the reader's address and the page read).
const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['style-src', "'self'"],
  ['img-src', 'https: data:'],
  ['form-action', "'self'"],
  ['base-uri', "'none'"],
];

/** The Content-Security-Policy of every response. */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, ['frame-ancestors', "'none'"]].map((d) => d.join(' ')).join('; ');

/**
 * The same policy for the static site's `<meta>`: its search page loads two scripts of its own
 * (`script-src 'self'`), and `frame-ancestors` is left out (browsers ignore it in a `<meta>`,
 * with a console error).
 */
export const STATIC_SITE_CSP = [DIRECTIVES[0]!, ['script-src', "'self'"], ...DIRECTIVES.slice(1)].map((d) => d.join(' ')).join('; ');

/** Headers set on every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Middleware that adds {@link SECURITY_HEADERS} to every response, errors included.
 * @example app.use(securityHeaders())
 */
export function securityHeaders(): MiddlewareHandler {
  const entries = Object.entries(SECURITY_HEADERS);
  return async function securityHeadersMiddleware(c, next) {
    // Set before the handler: every response the context builds (pages, JSON, errors) carries
    // them, and the node adapter keeps its fast path (no Response headers rewritten afterwards).
    for (const [name, value] of entries) c.header(name, value);
    await next();
  };
}
