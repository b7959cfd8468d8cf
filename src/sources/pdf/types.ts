/**
 * Wire types of the PDF source: a post made from one article of a newspaper page is a plain
 * archive {@link ArchivePost} with format `pdf-text`, so the same adapter
 * (ingest/archive-to-article.ts) turns it into an Article.
 */
import type { ArchivePost } from '../archive/types.js';

/** The format literal of posts made from PDF-extracted text. */
export type PdfTextFormat = 'pdf-text';

/** One article of a PDF-extracted page, as an archive wire post (`format` is always `pdf-text`). */
export type PdfTextPost = ArchivePost;
