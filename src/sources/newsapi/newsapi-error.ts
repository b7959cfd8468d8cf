/** The error the news API parser raises. */
import { CaixunError } from '../../util/errors.js';

/** A news API response does not have the configured shape. Messages start with `newsapi:`. */
export class NewsApiError extends CaixunError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('newsapi', `newsapi: ${message}`, options);
    this.name = 'NewsApiError';
  }
}
