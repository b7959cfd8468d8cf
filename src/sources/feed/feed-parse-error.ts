/** The error a feed parser raises for bytes that are no readable feed. */
import { CaixunError } from '../../util/errors.js';

/** The document is not a feed of a known format, or is truncated. Messages start with `feed:`. */
export class FeedParseError extends CaixunError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('feed-parse', `feed: ${message}`, options);
    this.name = 'FeedParseError';
  }
}
