/**
 * posts: an article as a Jekyll post (`jekyll/_posts/YYYY-MM-DD-<slug>.md`) or a Hexo post
 * (`hexo/source/_posts/<slug>.md`), front matter written with the `yaml` package.
 *
 * Every text value is double-quoted (escapes for quotes, `#`, `:`, leading indicators, newlines
 * and Unicode line separators), so a title never breaks YAML 1.1 (Jekyll's Psych, Hexo's js-yaml)
 * nor 1.2. Dates: Jekyll's documented `2021-12-20 18:52:20 +0800`, written plain; for Hexo ISO 8601
 * with the offset (`2021-12-20T18:52:20+08:00`), which YAML 1.1 would read as a timestamp and
 * hexo-front-matter would then shift by the machine's offset, so it stays a quoted string that
 * Hexo's `new Date(…)` reads as that instant (checked with Hexo 8.1, with and without `timezone`).
 */
import { Document, isMap, isNode, isScalar, visit } from 'yaml';
import type { Article } from '../model/article.js';
import { postBody } from './post-body.js';
import { fileNameOf } from './safe-name.js';

/** One post file: where it goes (relative to the export directory, `/`-separated) and its text. */
export interface ExportedPost {
  path: string;
  content: string;
}

/** The blog engines posts are written for. */
export type PostFlavour = 'jekyll' | 'hexo';

/** Front-matter keys written only when the article has a value, in this order. */
const OPTIONAL_KEYS = ['source_url', 'original_title', 'original_source', 'author', 'reporter', 'editor', 'digest'] as const;

/** Keys whose value is written plain (not quoted). */
const PLAIN_KEYS = new Set(['layout', 'date']);

/**
 * `2021-12-20T18:52:20+08:00` → `2021-12-20 18:52:20 +0800` (Jekyll's documented format);
 * undefined when the text is not ISO 8601 to the second with an offset.
 */
export function jekyllDate(iso: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|([+-]\d{2}):(\d{2}))$/.exec(iso);
  if (!m) return undefined;
  return `${m[1]} ${m[2]} ${m[3] === 'Z' ? '+0000' : `${m[4]}${m[5]}`}`;
}

/** The front-matter object of an article, in key order. */
export function frontMatterOf(article: Article, storyId: string | null, flavour: PostFlavour): Record<string, unknown> {
  const date = article.publishedAt === null ? undefined : flavour === 'jekyll' ? jekyllDate(article.publishedAt) : article.publishedAt;
  const p = article.provenance;
  const optional: Record<(typeof OPTIONAL_KEYS)[number], string | undefined> = {
    source_url: article.url ?? undefined,
    original_title: p.originalTitle,
    original_source: p.source,
    author: p.author,
    reporter: p.reporter,
    editor: p.editor,
    digest: article.digest,
  };
  const data: Record<string, unknown> = { layout: 'post', title: article.title };
  if (date !== undefined) data['date'] = date;
  data['categories'] = article.categories;
  data['tags'] = article.tags;
  data['outlet'] = article.outlet;
  data['outlet_key'] = article.outletKey;
  data['article_id'] = article.id;
  if (storyId !== null) data['story_id'] = storyId;
  for (const key of OPTIONAL_KEYS) {
    const value = optional[key];
    if (value !== undefined && value !== '') data[key] = value;
  }
  return data;
}

/** YAML text of a front-matter object: text values double-quoted, no line folding. */
export function stringifyFrontMatter(data: Record<string, unknown>): string {
  const doc = new Document(data, { version: '1.1' });
  const pairs = isMap(doc.contents) ? doc.contents.items : [];
  for (const pair of pairs) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (PLAIN_KEYS.has(key) || !isNode(pair.value)) continue;
    visit(pair.value, {
      Scalar(_, node) {
        if (typeof node.value === 'string') node.type = 'QUOTE_DOUBLE';
      },
    });
  }
  // YAML 1.1 (Jekyll's Psych) reads a raw NEL, LS or PS inside quotes as a line break: escape
  // them, with the other C1 controls and the BOM. Only quoted values can hold them (keys are ASCII).
  return doc
    .toString({ lineWidth: 0, blockQuote: false, flowCollectionPadding: false })
    .replace(/[\u0080-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Twelve hours: the offset of the westernmost time zone (UTC−12). */
const WESTERNMOST_OFFSET_MS = 12 * 3_600_000;

/**
 * The `YYYY-MM-DD` a Jekyll post file name starts with: the publication day as published, else
 * the fetch day in UTC−12. An undated post's only date is its name, which Jekyll reads as
 * midnight in the site's zone and, by default, skips while that is in the future: named by the
 * fetch day in Shanghai or UTC, a post fetched this morning was missing from a site built in New
 * York until the next day. Midnight of the UTC−12 day has passed in every zone.
 */
function postDay(article: Article): string {
  if (article.publishedAt !== null) return article.publishedAt.slice(0, 10);
  const fetched = Date.parse(article.fetchedAt);
  if (Number.isNaN(fetched)) return article.fetchedAt.slice(0, 10);
  return new Date(fetched - WESTERNMOST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The post of an article for Jekyll or Hexo.
 *
 * @example
 * exportPost(article, 'st-0123456789ab', 'jekyll').path;
 * // 'jekyll/_posts/2021-12-20-eastmoney_202112202220123456.md'
 */
export function exportPost(article: Article, storyId: string | null, flavour: PostFlavour): ExportedPost {
  const slug = fileNameOf(article.id);
  const path = flavour === 'jekyll' ? `jekyll/_posts/${postDay(article)}-${slug}.md` : `hexo/source/_posts/${slug}.md`;
  const front = stringifyFrontMatter(frontMatterOf(article, storyId, flavour));
  return { path, content: `---\n${front}---\n\n${postBody(article.html)}` };
}
