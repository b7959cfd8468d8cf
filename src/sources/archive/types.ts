/**
 * Wire types of the archive source: one post as the archive file states it, before it becomes a
 * canonical {@link import('../../model/article.js').Article} (that is `ingest/archive-to-article.ts`, then `sources/build-article.ts`).
 */
import type { ArticleFlag } from '../../model/article.js';

/**
 * The archive layouts the archive dispatcher (parse.ts) reads, decided from the document's content.
 * `pdf-text` is not one of them: PDF-extracted text is recognised and parsed by sources/pdf.
 */
export type ArchiveFormat = 'jekyll-finews' | 'hexo-rsshub' | 'markdown' | 'html';

/** Every format an {@link ArchivePost} can come from: the archive layouts and PDF-extracted text. */
export type ArchivePostFormat = ArchiveFormat | 'pdf-text';

/** One archived post, as written, with problems recorded in `flags`. */
export interface ArchivePost {
  /** Which parser produced it. */
  format: ArchivePostFormat;
  /** '' when missing (then flag missing-title). */
  title: string;
  /** Raw date text as written; null (with flag bad-date / missing-date) when absent or unusable. */
  date: string | null;
  categories: string[];
  tags: string[];
  author?: string;
  /** Original publisher (来源) a saved page names near its headline. */
  source?: string;
  /** Body as HTML: archive HTML passed through, markdown rendered, plain paragraphs in `<p>`. */
  bodyHtml: string;
  /** finews `<http://…>` line as an absolute URL (protocol-relative → https:). */
  link?: string;
  /** finews infoCode from the link, e.g. 202112082206703990 (NW-prefixed codes kept as is). */
  nativeId?: string;
  /** finews `> digest` line, text only. */
  digest?: string;
  /** hexo headimg/thumbnail when it is not a placeholder image. */
  coverImage?: string;
  /** What names the outlet: finews category/tag, hexo second category/author, generic source. */
  outletHint?: string;
  /**
   * Problems found: recovered-front-matter, missing-title, bad-date, missing-date, empty-link,
   * missing-link, bad-link, no-front-matter.
   */
  flags: ArticleFlag[];
  /** Front-matter keys not mapped to a field above (layout, comments, …). */
  extra: Record<string, unknown>;
}
