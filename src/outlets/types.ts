/**
 * The shape of an outlet's rules. Outlets are plain data: `src/clean/` and `src/sources/`
 * look rules up here and never branch on an outlet's name or host.
 */
import type { Provenance } from '../model/article.js';

/** Where in the body a provenance rule looks. */
export type ProvenanceScope =
  /** The whole text of one paragraph (any paragraph); the paragraph is removed on a match. */
  | 'paragraph'
  /** The end of the LAST paragraph; the matched tail is removed, the rest of the paragraph kept. */
  | 'trailing'
  /** The first ~80 characters of the FIRST paragraph (a dateline); the text is kept. */
  | 'lead'
  /** The start of any sentence; the text is kept. Only fills a field that is still empty. */
  | 'sentence';

/** One way an article states who wrote or published it (来源, 原标题, 责任编辑, 记者 …). */
export interface ProvenanceRule {
  /** The Provenance field the value goes to. A field already filled is never overwritten. */
  field: keyof Provenance;
  /** Where the rule looks; see {@link ProvenanceScope}. */
  scope: ProvenanceScope;
  /**
   * What to match. Capture group 1 is the value; the value is then trimmed of spaces,
   * trailing punctuation and staff codes (`刘万里 SF014` → `刘万里`).
   * `paragraph` patterns should be anchored with `^…$`, `trailing` patterns with `$`.
   */
  pattern: RegExp;
}

/** Whether an outlet's sample is a corpus file or an invented inline fixture. */
export type OutletExample =
  /** Path of a file below `shared/corpus/`, e.g. `jekyll/_posts/x.md` (front matter is skipped). */
  | { corpus: string }
  /** An invented HTML body (never text copied from the corpus). */
  | { fixture: string };

/** A comment-delimited region to delete, e.g. `<!-- EM_StockImg_Start -->…<!-- EM_StockImg_End -->`. */
export interface CommentRange {
  /** Trimmed text of the opening comment. */
  start: string;
  /** Trimmed text of the closing comment. */
  end: string;
}

/**
 * CSS selectors for an outlet's article pages. Each list is tried in order; the first selector
 * that matches wins. A field left out falls back to the generic extraction.
 */
export interface PageSelectors {
  /** Selectors of the headline element, e.g. `h1.main-title`. */
  title?: readonly string[];
  /** Selectors of the body container, e.g. `#artibody`. */
  body?: readonly string[];
  /** Selectors of the element holding the publication time, e.g. `.date`. */
  date?: readonly string[];
  /** Selectors of the author / editor element. */
  author?: readonly string[];
  /** Selectors of the element naming the original publisher (来源). */
  source?: readonly string[];
  /** Selectors removed from the body before extraction (share bars, related links). */
  remove?: readonly string[];
}

/** Cleaning rules; the rules common to all outlets have this shape too (`common.ts`). */
export interface CleaningRules {
  /** CSS selectors of boilerplate blocks removed with their content (QR codes, APP blurbs). */
  removeSelectors: readonly string[];
  /** CSS selectors of wrappers replaced by their children, text kept (stock-quote links). */
  unwrapSelectors: readonly string[];
  /** Comment-delimited regions removed with everything between the two comments. */
  removeCommentRanges: readonly CommentRange[];
  /**
   * Patterns tested against the trimmed text of each paragraph; a paragraph whose text
   * matches is removed whole (APP blurbs, 返回首页 navigation, disclaimers).
   */
  dropParagraphPatterns: readonly RegExp[];
  /** Provenance statements lifted out of the body into `provenance`, tried in order. */
  provenancePatterns: readonly ProvenanceRule[];
}

/** One news outlet: identity, where it lives, and how to clean its bodies. */
export interface Outlet extends CleaningRules {
  /** Stable slug used in ids and the store, e.g. `eastmoney`. Never changes once released. */
  key: string;
  /** Display name, e.g. 东方财富. */
  name: string;
  /**
   * Other names the outlet appears under in archives and feeds (category slugs, tags,
   * folder names), e.g. `emnews`, `东财滚动新闻`. Matched exactly after width folding.
   */
  aliases: readonly string[];
  /** Host names (without `www.`) whose pages belong to the outlet; subdomains match too. */
  hosts: readonly string[];
  /** IANA time zone that dates without an offset are read in. Default `Asia/Shanghai`. */
  timeZone: string;
  /** A sample body that goes through the whole cleaning pipeline in the registry test. */
  example: OutletExample;
  /** Selectors for the outlet's article pages (title, body, date …). Default: generic extraction. */
  page?: PageSelectors;
  /** A printed paper: how its e-paper PDFs name it (newspapers.ts). */
  print?: PrintEdition;
}

/** How a newspaper's e-paper pages name the paper. */
export interface PrintEdition {
  /** Paper codes in the PDF's Title (`LLRMRB07B20180105D` → `RMRB`). */
  titleCodes: readonly string[];
}
