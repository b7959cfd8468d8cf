/**
 * The errors the web layer raises on purpose, each with an HTTP status and a stable code;
 * `routes/errors.ts` maps them (and everything else, as 500) in one place.
 */
import { CaixunError } from '../util/errors.js';

/** An error with an HTTP status and a message safe to show. */
export class WebError extends CaixunError {
  readonly status: 400 | 404 | 503;
  constructor(status: 400 | 404 | 503, code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'WebError';
    this.status = status;
  }
}

/** 404: no such story, article, outlet or route. */
export const notFound = (message: string): WebError => new WebError(404, 'not-found', message);
/** 400: a parameter the client sent cannot work. */
export const badRequest = (message: string): WebError => new WebError(400, 'bad-request', message);
/** 503: a feature this server cannot provide right now (search index missing). */
export const unavailable = (message: string): WebError => new WebError(503, 'unavailable', message);
