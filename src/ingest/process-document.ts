/**
 * One document in, one article (or one clear failure) out. Runs in worker threads;
 * never throws, so one bad file cannot stop a batch.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Article } from '../model/article.js';
import { DEFAULT_MAX_DOCUMENT_BYTES, decodeDocument } from '../sources/archive/decode.js';
import { parseArchiveDocument } from '../sources/archive/parse.js';
import { ARCHIVE_MEDIA_TYPES, archivePostToArticle } from './archive-to-article.js';
import { CaixunError } from '../util/errors.js';

export type DocumentResult = { ok: true; article: Article } | { ok: false; reason: string };

/** Turns decoded-or-raw bytes of an archive document into an article. */
export function processDocument(bytes: Uint8Array, origin: string, fetchedAt: string): DocumentResult {
  try {
    const text = decodeDocument(bytes, origin);
    const post = parseArchiveDocument(text, origin);
    const raw = { origin, mediaType: ARCHIVE_MEDIA_TYPES[post.format], body: text };
    return { ok: true, article: archivePostToArticle(post, raw, fetchedAt) };
  } catch (err) {
    return { ok: false, reason: describeFailure(err) };
  }
}

/** Reads the file, then processes it; an unreadable file is a failure, not an exception. */
export function processFile(path: string, fetchedAt: string): DocumentResult {
  let bytes: Uint8Array;
  try {
    // Refuse an oversized file before reading it into memory.
    const size = statSync(path).size;
    if (size > DEFAULT_MAX_DOCUMENT_BYTES) {
      return { ok: false, reason: `archive: ${path} is ${size} bytes, over the ${DEFAULT_MAX_DOCUMENT_BYTES}-byte document limit` };
    }
    bytes = readFileSync(path);
  } catch (err) {
    return { ok: false, reason: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  return processDocument(bytes, path, fetchedAt);
}

function describeFailure(err: unknown): string {
  if (err instanceof CaixunError) return err.message;
  // An unexpected error is a bug in caixun, but it must still not stop the import.
  const message = err instanceof Error ? err.message : String(err);
  return `internal error while cleaning (please report): ${message}`;
}
