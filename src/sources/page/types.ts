/** Wire types of the HTML page adapter: what an article page yields before cleaning. */

import type { PageSelectors } from '../../outlets/types.js';

export type { PageSelectors };

/** How the body was found. */
export type ExtractionMethod = 'rules' | 'readability' | 'density' | 'body';

/** What {@link extractPage} read from one article page. */
export interface ExtractedPage {
  /** Headline ('' when the page has none). */
  title: string;
  /** Publication time text as the page writes it, when found. */
  date: string | undefined;
  /** Author, editor or reporter name, when found. */
  author: string | undefined;
  /** Original publisher (来源), when found. */
  source: string | undefined;
  /** The main content's HTML, not yet cleaned. */
  bodyHtml: string;
  /** Which extractor produced the body. */
  method: ExtractionMethod;
}
