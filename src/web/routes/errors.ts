/**
 * The one place errors become HTTP responses: JSON `{error:{code,message}}` under `/api/` and
 * `/feeds/`, an error page elsewhere. Unknown errors are 500 with a generic message (the detail
 * goes to the log, never to the client).
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Links } from '../links.js';
import { renderErrorPage } from '../pages/error.js';
import { WebError } from '../web-error.js';

/** Status, stable code and client-safe message of an error. */
export interface HttpError {
  status: ContentfulStatusCode;
  code: string;
  message: string;
}

/** Maps any thrown value to what the client may see. */
export function httpErrorOf(err: unknown): HttpError {
  if (err instanceof WebError) return { status: err.status, code: err.code, message: err.message };
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return { status, code: status === 404 ? 'not-found' : status < 500 ? 'bad-request' : 'internal', message: status < 500 ? err.message || 'bad request' : 'internal error' };
  }
  return { status: 500, code: 'internal', message: 'internal error' };
}

/** True for paths answered in JSON. */
export const wantsJson = (path: string): boolean => path.startsWith('/api/') || path === '/api' || path.startsWith('/feeds/');

/** Builds the response for an error (JSON or an HTML page, by path). */
export function errorResponse(c: Context, err: unknown, links: Links): Response {
  const e = httpErrorOf(err);
  if (wantsJson(c.req.path)) return c.json({ error: { code: e.code, message: e.message } }, e.status);
  return c.html(renderErrorPage(e.status, e.message, links), e.status);
}
