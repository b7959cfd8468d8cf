/**
 * Adapter: an archive post (wire type) → the canonical Article. Pure: the caller
 * passes the fetch time, so the same input always gives the same article.
 */
import { basename } from 'node:path';
import { cleanBody } from '../clean/clean-body.js';
import { deriveTitle } from '../clean/derive-title.js';
import { parseNewsDate } from '../clean/dates.js';
import { isPlaceholderImage } from '../outlets/image-rules.js';
import type { Article, ArticleFlag, RawInput } from '../model/article.js';
import { contentHashOf } from '../model/content-hash.js';
import { findOutletByHost, findOutletByName } from '../outlets/index.js';
import type { Outlet } from '../outlets/types.js';
import { sha1Hex } from '../util/hash.js';
import type { ArchivePost } from '../sources/archive/types.js';

/** How an archive post names its outlet when no registered outlet matches. */
interface OutletIdentity {
  key: string;
  name: string;
  rules: Outlet | undefined;
}

const MEDIA_TYPES: Record<ArchivePost['format'], string> = {
  'jekyll-finews': 'text/markdown',
  'hexo-rsshub': 'text/markdown',
  markdown: 'text/markdown',
  html: 'text/html',
  'pdf-text': 'text/plain',
};

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** A stable ASCII slug for an outlet we have no rules for. */
function slugFor(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return ascii && ascii.length >= name.length / 2 ? ascii : `x-${sha1Hex(name).slice(0, 10)}`;
}

function identifyOutlet(post: ArchivePost): OutletIdentity {
  const byName = post.outletHint ? findOutletByName(post.outletHint) : undefined;
  const rules = byName ?? findOutletByHost(hostOf(post.link) ?? '');
  if (rules) return { key: rules.key, name: rules.name, rules };
  const name = post.outletHint?.trim() || hostOf(post.link) || 'unknown';
  return { key: slugFor(name), name, rules: undefined };
}

function articleIdOf(outletKey: string, post: ArchivePost, publishedAt: string | null, origin: string): string {
  if (post.nativeId) return `${outletKey}:${post.nativeId}`;
  if (post.link) return `${outletKey}:${sha1Hex(post.link).slice(0, 16)}`;
  // Without a native id or link, a post is known by its title and time, as feed readers do.
  const basis = post.title && publishedAt ? `${post.title}\n${publishedAt}` : `${basename(origin)}\n${post.title}`;
  return `${outletKey}:${sha1Hex(basis).slice(0, 16)}`;
}

/**
 * Builds the canonical article.
 * @param raw the decoded document, kept on the article for re-cleaning
 * @param fetchedAt ISO timestamp of the read
 */
export function archivePostToArticle(post: ArchivePost, raw: RawInput, fetchedAt: string): Article {
  const flags: ArticleFlag[] = [...post.flags];
  const outlet = identifyOutlet(post);
  const cleaned = cleanBody(post.bodyHtml, { outlet: outlet.rules, baseUrl: post.link });

  const zone = outlet.rules?.timeZone ?? 'Asia/Shanghai';
  const publishedAt = post.date ? parseNewsDate(post.date, { zone }) : null;
  if (post.date && publishedAt === null && !flags.some((f) => f.code === 'bad-date')) {
    flags.push({ code: 'bad-date', message: `unreadable date ${JSON.stringify(post.date)}` });
  }

  let title = post.title.trim();
  if (!title) {
    title = deriveTitle(post.digest ?? cleaned.text);
    if (!flags.some((f) => f.code === 'missing-title')) {
      flags.push({ code: 'missing-title', message: 'the post has no title; derived one from the text' });
    }
  }
  if (!cleaned.text.trim() && !post.digest) {
    flags.push({ code: 'empty-body', message: 'the post has no body text' });
  }

  const images = [...cleaned.images];
  const cover = post.coverImage;
  // Feeds often reuse an image from the body's boilerplate (an APP QR code) as the cover:
  // a cover that the body had but cleaning removed is boilerplate too.
  const coverWasCleanedAway = cover !== undefined && post.bodyHtml.includes(cover);
  if (cover && !isPlaceholderImage(cover) && !coverWasCleanedAway && !images.includes(cover)) {
    images.unshift(cover);
  }

  const provenance = { ...cleaned.provenance };
  // RSSHub writes the feed's name as `author`; that says nothing about who wrote the text.
  if (post.author && post.author !== outlet.name && !provenance.author) provenance.author = post.author;

  const content = {
    outlet: outlet.name,
    outletKey: outlet.key,
    title,
    url: post.link ?? null,
    publishedAt,
    categories: post.categories,
    tags: post.tags,
    html: cleaned.html,
    text: cleaned.text,
    images,
    provenance,
    ...(post.digest ? { digest: post.digest } : {}),
  };
  return {
    id: articleIdOf(outlet.key, post, publishedAt, raw.origin),
    ...content,
    fetchedAt,
    format: post.format,
    contentHash: contentHashOf(content),
    flags,
    raw,
  };
}

export { MEDIA_TYPES as ARCHIVE_MEDIA_TYPES };
