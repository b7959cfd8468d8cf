/**
 * The canonical article: what every source adapter produces and every later stage
 * (stories, facts, search, web, export) reads. Field names are an interface:
 * `caixun export --format jsonl` prints exactly this shape, one object per line.
 */

/** Who wrote or first published the text, as the article itself states it. */
export interface Provenance {
  /** 原标题: the title the original publisher gave it. */
  originalTitle?: string;
  /** 来源 / 文章来源 / 据…消息: the original publisher named in the text, e.g. 上海证券报. */
  source?: string;
  /** 责任编辑 / 编辑. */
  editor?: string;
  /** 作者, when the article names one. */
  author?: string;
  /** 记者, when the article names one (e.g. 财联社记者 熊嘉楠). */
  reporter?: string;
}

/** A problem found while turning a document into an article; the article is still kept. */
export interface ArticleFlag {
  /** Stable machine-readable code, e.g. `missing-title`, `bad-date`, `recovered-front-matter`. */
  code: string;
  /** Human-readable detail. */
  message: string;
}

/** The input an article was made from, kept so it can be re-cleaned without refetching. */
export interface RawInput {
  /** Where the bytes came from: a file path for archives, a URL for fetched sources. */
  origin: string;
  /** Media type of `body`, e.g. `text/markdown`, `text/html`. */
  mediaType: string;
  /** The decoded input document, unchanged. */
  body: string;
}

export interface Article {
  /** Stable id: `<outletKey>:<native id>` when the source has one, else a hash of outlet + url/title/date. */
  id: string;
  /** Display name of the outlet we got it from, e.g. 新华财经, 东财滚动新闻's 东方财富. */
  outlet: string;
  /** Stable slug of that outlet, e.g. `xinhuacaijing`, `eastmoney`. */
  outletKey: string;
  title: string;
  /** Canonical link to the original, or null when unknown. */
  url: string | null;
  /** ISO 8601 with the original offset (`2021-12-20T20:21:15+08:00`); null when the source gives none. */
  publishedAt: string | null;
  /** ISO 8601 (UTC) of when caixun read the document. */
  fetchedAt: string;
  categories: string[];
  tags: string[];
  /** Sanitised body HTML. */
  html: string;
  /** Plain text, paragraphs separated by a blank line (`\n\n`). */
  text: string;
  /** Absolute image URLs in document order, tracking pixels and placeholders removed. */
  images: string[];
  provenance: Provenance;
  /** Which importer/adapter produced it, e.g. `jekyll-finews`, `hexo-rsshub`, `markdown`, `html`. */
  format: string;
  /** SHA-1 (hex) of the cleaned title + text + publishedAt: changes exactly when the article changes. */
  contentHash: string;
  /** Short summary when the source has one (finews rolling news `> digest` line). */
  digest?: string;
  /** Problems found while importing; empty when the document was clean. */
  flags: ArticleFlag[];
  raw: RawInput;
}
