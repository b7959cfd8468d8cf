/**
 * One document in, its articles (or one clear failure) out. An archive post is one article; a
 * newspaper page (PDF, or text extracted from one) gives several. Runs in worker threads; never
 * throws or rejects, so one bad file cannot stop a batch.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Article } from '../model/article.js';
import { DEFAULT_MAX_DOCUMENT_BYTES, decodeDocument } from '../sources/archive/decode.js';
import { parseArchiveDocument } from '../sources/archive/parse.js';
import type { ArchivePost } from '../sources/archive/types.js';
import { looksLikePdfText } from '../sources/pdf/detect-pdf-text.js';
import { parsePdfText } from '../sources/pdf/parse-pdf-text.js';
import { readPdf } from '../sources/pdf/read-pdf.js';
import { CaixunError } from '../util/errors.js';
import { sha1Hex } from '../util/hash.js';
import { ARCHIVE_MEDIA_TYPES, archivePostToArticle } from './archive-to-article.js';

/** The outcome for one file: its articles in document order, or why it could not be imported. */
export type DocumentResult = { ok: true; articles: Article[] } | { ok: false; reason: string };

/**
 * Turns the bytes of a text document (archive post or PDF-extracted text, told apart by content)
 * into its articles. Synchronous: PDF files go through {@link processPdf}.
 */
export function processDocument(bytes: Uint8Array, origin: string, fetchedAt: string): DocumentResult {
  try {
    const text = decodeDocument(bytes, origin);
    if (looksLikePdfText(text)) return { ok: true, articles: pdfTextArticles(text, origin, fetchedAt) };
    const post = parseArchiveDocument(text, origin);
    const raw = { origin, mediaType: ARCHIVE_MEDIA_TYPES[post.format], body: text };
    return { ok: true, articles: [archivePostToArticle(post, raw, fetchedAt)] };
  } catch (err) {
    return { ok: false, reason: describeFailure(err) };
  }
}

/** Turns the bytes of a PDF into its articles; a broken or encrypted PDF is a failure. */
export async function processPdf(bytes: Uint8Array, origin: string, fetchedAt: string): Promise<DocumentResult> {
  try {
    const { posts, text } = await readPdf(bytes, { origin });
    return { ok: true, articles: pdfPostsToArticles(posts, text, origin, fetchedAt) };
  } catch (err) {
    return { ok: false, reason: describeFailure(err) };
  }
}

/**
 * Reads the file, then processes it (`.pdf` by {@link processPdf}, anything else as text);
 * an unreadable or oversized file is a failure, not an exception.
 */
export async function processPath(path: string, fetchedAt: string): Promise<DocumentResult> {
  let bytes: Uint8Array;
  try {
    // Refuse an oversized file before reading it into memory. Read synchronously: on a worker
    // thread nothing else waits, and fs/promises (a FileHandle, several round trips through the
    // thread pool) cost the workers a fifth of their time on small Markdown files.
    const tooBig = oversized(path, statSync(path).size);
    if (tooBig) return tooBig;
    bytes = readFileSync(path);
  } catch (err) {
    return unreadable(err);
  }
  return isPdfPath(path) ? processPdf(bytes, path, fetchedAt) : processDocument(bytes, path, fetchedAt);
}


function isPdfPath(path: string): boolean {
  return extname(path).toLowerCase() === '.pdf';
}

function oversized(path: string, size: number): { ok: false; reason: string } | undefined {
  if (size <= DEFAULT_MAX_DOCUMENT_BYTES) return undefined;
  return { ok: false, reason: `archive: ${path} is ${size} bytes, over the ${DEFAULT_MAX_DOCUMENT_BYTES}-byte document limit` };
}

function unreadable(err: unknown): { ok: false; reason: string } {
  return { ok: false, reason: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
}

/**
 * The articles of PDF-extracted text. Each gets a native id from the file name, page date, page
 * number and its index among the page's articles: stable on re-import, distinct on one page.
 */
function pdfTextArticles(text: string, origin: string, fetchedAt: string): Article[] {
  return pdfPostsToArticles(parsePdfText(text, origin), text, origin, fetchedAt);
}

/** Articles of the posts read from one PDF or PDF-extracted text (`text`, kept as the raw body). */
function pdfPostsToArticles(posts: readonly ArchivePost[], text: string, origin: string, fetchedAt: string): Article[] {
  const perPage = new Map<string, number>();
  const raw = { origin, mediaType: ARCHIVE_MEDIA_TYPES['pdf-text'], body: text };
  return posts.map((post) => {
    const page = String(post.extra['page'] ?? '');
    const index = perPage.get(page) ?? 0;
    perPage.set(page, index + 1);
    const basis = [basename(origin), post.date ?? '', page, String(index)].join('\n');
    return archivePostToArticle({ ...post, nativeId: `pdf-${sha1Hex(basis).slice(0, 16)}` }, raw, fetchedAt);
  });
}

function describeFailure(err: unknown): string {
  if (err instanceof CaixunError) {
    // pdf.js's own words (`Invalid PDF structure.`, `No password given`) say what is wrong.
    const cause = err.cause instanceof Error ? err.cause.message.trim() : '';
    return cause && !err.message.includes(cause) ? `${err.message}: ${cause}` : err.message;
  }
  // An unexpected error is a bug in caixun, but it must still not stop the import.
  const message = err instanceof Error ? err.message : String(err);
  return `internal error while cleaning (please report): ${message}`;
}
