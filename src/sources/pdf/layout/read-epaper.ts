/**
 * read-epaper: a real e-paper PDF (one page or more, as the papers' sites serve them) read from
 * its layout — poppler's blocks, fake bold dropped glyph by glyph, headlines from font sizes,
 * articles from where their text blocks stand — into one wire post per article with the paper
 * (outlet), date, page and section the page prints.
 */
import { InvalidDocumentError } from '../../../util/errors.js';
import { escapeHtml } from '../../archive/body-html.js';
import { runPdftotext } from '../poppler.js';
import type { PdfTextPost } from '../types.js';
import { assembleArticles, type PageArticle } from './assemble-articles.js';
import { parseBboxBlocks, readBboxTitle, type BboxPage } from './bbox-blocks.js';
import { dropFakeBold } from './block-text.js';
import { bodySize, classifyBlocks } from './classify-blocks.js';
import { readPageMeta, type PageMeta } from './page-meta.js';

/** A page read from its layout. */
export interface EpaperPage {
  meta: PageMeta;
  articles: PageArticle[];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** Below this share of CJK characters a Chinese page's text is not real text (fonts without a Unicode map). */
const MIN_CJK_SHARE = 0.2;
const AFFILIATION = /^[（(]\s*(?:作者(?:为|系|单位)|本文作者)[^）)]*[）)]$/u;
/** Everything up to a role word in one byline token: `顶端新闻·河南商报记者`, `见习记者`, `记者李晖`. */
const ROLE_PREFIX = /^.*(?:记者|通讯员|评论员|实习生)/u;

/**
 * The names of a byline: markers, roles and credits off (`■记者 李晖 通讯员 余建 李明` → `李晖 余建
 * 李明`; `顶端新闻·河南商报记者 刘慧丽 见习记者 李衍慧/文 受访者供图` → `刘慧丽 李衍慧`).
 * @example bylineNames('■记者 江娟珺') // '江娟珺'
 */
export function bylineNames(byline: string): string {
  const names = byline
    .replace(/^[□■▲●◆]\s*/u, '')
    .replace(/\s*[/／]\s*文.*$/u, '') // the text credit, and the picture credits after it
    .split(/\s+/u)
    .filter((t) => !/供图|摄$|^摄影/u.test(t))
    .map((t) => t.replace(ROLE_PREFIX, ''))
    .filter((t) => t !== '');
  return names.join(' ');
}

/**
 * Read an e-paper PDF's pages.
 * @throws InvalidDocumentError when pdftotext fails or a page's fonts have no Unicode map.
 */
export async function readEpaperPages(bytes: Uint8Array, origin: string, pdftotext = 'pdftotext'): Promise<EpaperPage[]> {
  const xhtml = await runPdftotext(bytes, origin, pdftotext);
  const title = readBboxTitle(xhtml);
  return parseBboxBlocks(xhtml).map((page, i) => readEpaperPage(page, title, `${origin} page ${i + 1}`));
}

/**
 * One page: its metadata and articles.
 * @throws InvalidDocumentError when the page's text is not text (fonts without a Unicode map).
 */
export function readEpaperPage(raw: BboxPage, pdfTitle: string, where: string): EpaperPage {
  const page = dropFakeBold(raw);
  const all = page.blocks.flatMap((b) => b.lines.flatMap((l) => l.glyphs.map((g) => g.ch))).filter((c) => c.trim() !== '');
  const cjk = all.filter((c) => CJK.test(c)).length;
  if (all.length > 0 && cjk / all.length < MIN_CJK_SHARE) {
    throw new InvalidDocumentError(`pdf: ${where}: its fonts have no usable Unicode map (${cjk} of ${all.length} characters are Chinese), so its text cannot be read`);
  }
  const body = bodySize(page);
  const blocks = classifyBlocks(page, body);
  const header = blocks.filter((b) => b.role === 'zone' && b.y0 < page.height / 2).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0).map((b) => b.text);
  const articles = assembleArticles(blocks, body, page.height);
  const meta = readPageMeta(header, pdfTitle, blocks.map((b) => b.text).join('\n'));
  return { meta, articles };
}

/** An article as a wire post (format `pdf-text`): affiliation lines go to `extra`, not the body. */
export function toEpaperPost(article: PageArticle, meta: PageMeta, origin: string): PdfTextPost {
  const paragraphs = [...article.paragraphs];
  const affiliations: string[] = [];
  while (paragraphs.length > 0 && AFFILIATION.test(paragraphs.at(-1) ?? '')) affiliations.unshift(paragraphs.pop() ?? '');
  const extra: Record<string, unknown> = { origin };
  if (meta.page !== undefined) extra.page = meta.page;
  if (meta.section !== undefined) extra.section = meta.section;
  for (const key of ['kicker', 'subtitle', 'byline'] as const) if (article[key] !== undefined) extra[key] = article[key];
  if (affiliations.length > 0) extra.affiliation = affiliations.map((a) => a.replace(/^[（(]|[）)]$/gu, '')).join('；');
  const post: PdfTextPost = {
    format: 'pdf-text',
    title: article.title,
    date: meta.date ?? null,
    categories: meta.section === undefined ? [] : [meta.section],
    tags: [],
    bodyHtml: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
    flags: meta.date === undefined ? [{ code: 'missing-date', message: 'the page has no dated header' }] : [],
    extra,
  };
  const author = article.byline === undefined ? undefined : bylineNames(article.byline);
  if (author) post.author = author;
  if (meta.outlet) post.outletHint = meta.outlet.name;
  return post;
}
