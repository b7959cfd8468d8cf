/**
 * parse: the archive dispatcher — detect a document's format and hand it to that format's parser.
 */
import { InvalidDocumentError } from '../../util/errors.js';
import { htmlToText } from './body-html.js';
import { normaliseText } from './decode.js';
import { detectArchiveFormat } from './detect.js';
import { parseHtmlDocument, parseMarkdownDocument } from './generic.js';
import { parseHexoPost } from './hexo-rsshub.js';
import { parseFinewsPost } from './jekyll-finews.js';
import type { ArchiveFormat, ArchivePost } from './types.js';

/** One parser per archive format. */
const PARSERS: Readonly<Record<ArchiveFormat, (text: string, origin: string) => ArchivePost>> = {
  'hexo-rsshub': parseHexoPost,
  html: parseHtmlDocument,
  'jekyll-finews': parseFinewsPost,
  markdown: parseMarkdownDocument,
};

/**
 * Parse one decoded archive document into an {@link ArchivePost}. The format comes from the
 * content (see detect.ts); a BOM and CRLF line ends are tolerated.
 *
 * @param origin names the document (its file path) in error messages.
 * @throws InvalidDocumentError when the document is empty (no title and no body) or its front
 *   matter cannot be recovered.
 * @example
 * const post = parseArchiveDocument(decodeDocument(bytes, path), path);
 */
export function parseArchiveDocument(text: string, origin: string): ArchivePost {
  const normalised = normaliseText(text);
  if (normalised.trim() === '') {
    throw new InvalidDocumentError(`archive: ${origin} is empty`);
  }
  const post = PARSERS[detectArchiveFormat(normalised)](normalised, origin);
  if (post.title === '' && !hasBodyContent(post.bodyHtml)) {
    throw new InvalidDocumentError(`archive: ${origin} has no title and no body text`);
  }
  return post;
}

function hasBodyContent(html: string): boolean {
  return /<(?:img|video|iframe)\b/i.test(html) || htmlToText(html) !== '';
}
