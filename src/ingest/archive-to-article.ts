/**
 * Adapter: an archive post (wire type) → the article builder's input. Pure: the caller passes
 * the read time, so the same input always gives the same article.
 */
import type { Article, RawInput } from '../model/article.js';
import { buildArticle } from '../sources/build-article.js';
import { resolveOutlet } from '../sources/outlet-ref.js';
import type { ArchivePost } from '../sources/archive/types.js';

const MEDIA_TYPES: Record<ArchivePost['format'], string> = {
  'jekyll-finews': 'text/markdown',
  'hexo-rsshub': 'text/markdown',
  markdown: 'text/markdown',
  html: 'text/html',
  'pdf-text': 'text/plain',
};

/**
 * Builds the canonical article of one archive post.
 * @param raw the decoded document, kept on the article for re-cleaning
 * @param fetchedAt ISO timestamp of the read
 */
export function archivePostToArticle(post: ArchivePost, raw: RawInput, fetchedAt: string): Article {
  return buildArticle({
    outlet: resolveOutlet({ name: post.outletHint, url: post.link }),
    nativeId: post.nativeId,
    title: post.title,
    link: post.link,
    bodyHtml: post.bodyHtml,
    date: post.date,
    authors: post.author ? [post.author] : [],
    categories: post.categories,
    tags: post.tags,
    digest: post.digest,
    image: post.coverImage,
    source: post.source,
    format: post.format,
    raw,
    fetchedAt,
    flags: post.flags,
  });
}

export { MEDIA_TYPES as ARCHIVE_MEDIA_TYPES };
