/**
 * hexo-rsshub: parse a Hexo post generated from an RSSHub feed (新浪财经, 财联社 …).
 *
 * Layout: front matter with a single-quoted `title`, a `categories` list (金融 / 财联社 / 深度),
 * `author`, `comments: false`, an RFC 1123 `date`, `headimg`/`thumbnail`; the body is raw HTML.
 */
import { isPlaceholderImage } from '../../outlets/image-rules.js';
import { isHtmlBody, renderMarkdown } from './body-html.js';
import { absoluteHttpUrl, fieldList, fieldNonEmpty, omitKeys, readDate, readTitle } from './fields.js';
import { readFrontMatterOrWhole } from './front-matter.js';
import type { ArchivePost } from './types.js';

/** Cover-image keys, most specific first. */
const COVER_KEYS = ['headimg', 'thumbnail'] as const;

/** Front-matter keys mapped to ArchivePost fields (the rest go to `extra`). */
const MAPPED_KEYS = ['title', 'date', 'categories', 'tags', 'author', ...COVER_KEYS] as const;


/**
 * Parse a Hexo/RSSHub post. Never throws for a readable document; problems become flags.
 *
 * @throws InvalidDocumentError when its front matter is unrecoverable.
 */
export function parseHexoPost(text: string, origin: string): ArchivePost {
  const fm = readFrontMatterOrWhole(text, origin, 'post');
  const { data, flags } = fm;
  const body = fm.body.trim();
  const categories = fieldList(data['categories']);
  const post: ArchivePost = {
    format: 'hexo-rsshub',
    title: readTitle(data['title'], flags),
    date: readDate(data['date'], flags),
    categories,
    tags: fieldList(data['tags']),
    bodyHtml: isHtmlBody(body) ? body : renderMarkdown(body),
    flags,
    extra: omitKeys(data, MAPPED_KEYS),
  };
  const author = fieldNonEmpty(data['author']);
  if (author !== undefined) post.author = author;
  const outletHint = categories[1] ?? author;
  if (outletHint !== undefined) post.outletHint = outletHint;
  const cover = pickCoverImage(data);
  if (cover !== undefined) post.coverImage = cover;
  return post;
}

/** The first cover-image URL that is absolute and not a placeholder. */
function pickCoverImage(data: Record<string, unknown>): string | undefined {
  for (const key of COVER_KEYS) {
    const raw = fieldNonEmpty(data[key]);
    const url = raw === undefined ? undefined : absoluteHttpUrl(raw);
    if (url !== undefined && !isPlaceholderImage(url)) return url;
  }
  return undefined;
}
