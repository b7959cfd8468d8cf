/**
 * post-body: an article's sanitised HTML as the body of a Jekyll or Hexo post, so that neither
 * the template engine (Liquid, Nunjucks) nor the Markdown renderer (kramdown, marked) changes it.
 */
import { sanitizeHtml } from '../clean/sanitize.js';

/**
 * The body of an exported post: the article HTML sanitised again, inside one `<div>` without
 * blank lines (kramdown and marked then pass the whole block through as raw HTML), with every
 * `{` that would open a Liquid/Nunjucks tag (`{{`, `{%`, `{#`) written as `&#123;`, which a
 * browser (and caixun's importer) reads back as `{`.
 *
 * @example
 * postBody('<p>{{x}}</p>'); // '<div class="caixun-article">\n<p>&#123;{x}}</p>\n</div>\n'
 */
export function postBody(html: string): string {
  const safe = sanitizeHtml(html)
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t]*(?=\n)/g, '')
    .replace(/\{(?=[{%#])/g, '&#123;')
    .trim();
  return `<div class="caixun-article">\n${safe}\n</div>\n`;
}
