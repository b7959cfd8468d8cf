/**
 * Wire types of the PDF source: a post made from one article of a newspaper page, shaped like the
 * archive source's {@link ArchivePost} so the same adapter (ingest/archive-to-article.ts) can turn
 * it into an Article once `ArchiveFormat` includes `'pdf-text'`.
 */
import type { ArchivePost } from '../archive/types.js';

/** The format literal of posts made from PDF-extracted text. */
export type PdfTextFormat = 'pdf-text';

/** One article of a PDF-extracted page, as an archive-compatible wire post. */
export type PdfTextPost = Omit<ArchivePost, 'format'> & {
  /** Always `pdf-text`. */
  format: PdfTextFormat;
};
