/**
 * `/story/:id`: the representative text, provenance and attribution chain, every version with the
 * paragraphs it lacks or adds and the character changes (`<del>`/`<ins>`), related stories, and a
 * slot for a pre-rendered facts panel.
 */
import type { Article } from '../../model/article.js';
import type { CharChange } from '../../stories/diff.js';
import { paragraphSpan, paragraphsOf, type StoryDetail, type StoryVersion } from '../../stories/story-view.js';
import { html, type SafeHtml, trustedHtml } from '../html.js';
import type { Links } from '../links.js';
import { safeHttpUrl, sanitizeArticleHtml } from '../sanitize-body.js';
import { storyItem, timeTag } from './format.js';
import { renderLayout } from './layout.js';
import type { StoryCard } from './view-types.js';

/** Data of the story page. */
export interface StoryPageData {
  detail: StoryDetail;
  /** The representative article (its body is shown); undefined when it is gone. */
  representative: Article | undefined;
  /** Related stories (later events on the same subject). */
  related: StoryCard[];
  /** A pre-rendered facts panel (trusted HTML from the facts renderer), placed after the text. */
  factsHtml?: string | undefined;
}

export { safeHttpUrl };

/** An article body: its sanitised HTML (sanitised again here), else its text as paragraphs. */
export function articleBody(a: Pick<Article, 'html' | 'text' | 'url'>): SafeHtml {
  const clean = sanitizeArticleHtml(a);
  if (clean.trim() !== '') return trustedHtml(clean);
  return html`${paragraphsOf(a.text).map((p) => html`<p>${p}</p>`)}`;
}

/** A representative paragraph with one version's character changes marked up. */
export function markChanges(paragraph: string, changes: readonly CharChange[]): SafeHtml {
  const chars = Array.from(paragraph);
  const parts: SafeHtml[] = [];
  let pos = 0;
  for (const c of [...changes].sort((x, y) => x.at - y.at)) {
    if (c.at > pos) parts.push(html`${chars.slice(pos, c.at).join('')}`);
    if (c.from !== '') parts.push(html`<del>${c.from}</del>`);
    if (c.to !== '') parts.push(html`<ins>${c.to}</ins>`);
    pos = Math.max(pos, c.at + Array.from(c.from).length);
  }
  if (pos < chars.length) parts.push(html`${chars.slice(pos).join('')}`);
  return html`${parts}`;
}

const PROVENANCE_LABELS: [keyof Article['provenance'], string][] = [
  ['originalTitle', '原标题'],
  ['source', '来源'],
  ['reporter', '记者'],
  ['author', '作者'],
  ['editor', '责任编辑'],
];

/** The provenance of an article as a definition list (nothing when it states none). */
export function provenanceList(a: Article): SafeHtml {
  const rows = PROVENANCE_LABELS.filter(([k]) => a.provenance[k]).map(([k, label]) => html`<dt>${label}</dt><dd>${a.provenance[k]}</dd>`);
  return rows.length === 0 ? html`` : html`<dl class="provenance">${rows}</dl>`;
}

function versionSection(v: StoryVersion, repParagraphs: readonly string[], links: Links): SafeHtml {
  const original = safeHttpUrl(v.url);
  const head = html`<h3><a href="${links.article(v.articleId)}">${v.outlet}</a> ${timeTag(v.publishedAt)}</h3>
<div class="meta">${v.title}${original ? html` · <a href="${original}" rel="noopener noreferrer nofollow">原文</a>` : ''}</div>`;
  if (v.representative) {
    return html`<section class="version representative" id="v-${v.articleId}">${head}<p class="muted">代表文本（最完整的版本）</p></section>`;
  }
  const same = v.lacks.length + v.adds.length + v.changed.length === 0;
  return html`<section class="version diff" id="v-${v.articleId}">${head}
${same ? html`<p class="muted">与代表文本相同${v.relaid.length > 0 ? '（仅分段不同）' : ''}</p>` : ''}
${v.relaid.map((r) => html`<p class="muted para-relaid">分段不同：代表文本第 ${paragraphSpan(r.repIndices)} 段在此版本为第 ${paragraphSpan(r.versionIndices)} 段</p>`)}
${v.changed.map((c) => html`<p class="para-changed" data-para="${c.repIndex + 1}"><span class="muted">第 ${c.repIndex + 1} 段改动：</span>${markChanges(repParagraphs[c.repIndex] ?? '', c.changes)}</p>`)}
${v.lacks.map((p) => html`<p class="para-lacks"><span class="muted">缺少第 ${p.index + 1} 段：</span><del>${p.text}</del></p>`)}
${v.adds.map((p) => html`<p class="para-adds"><span class="muted">新增段落：</span><ins>${p.text}</ins></p>`)}
</section>`;
}

/**
 * The story page.
 * @example renderStoryPage({ detail, representative, related: [] }, serverLinks())
 */
export function renderStoryPage(data: StoryPageData, links: Links): string {
  const { detail, representative } = data;
  const names = new Set(detail.versions.map((v) => v.outletKey));
  const chain = detail.chain.map(
    (l) =>
      html`<li><span class="chain-name">${l.outletKey !== null && names.has(l.outletKey) ? html`<a href="${links.outlet(l.outletKey)}">${l.name}</a>` : l.name}</span>${l.publishedAt ? html` ${timeTag(l.publishedAt)}` : ''}</li>`,
  );
  const repParagraphs = paragraphsOf(representative?.text ?? '');
  const original = safeHttpUrl(representative?.url);
  const body = html`<article class="story">
<h1>${detail.title || '（无标题）'}</h1>
<div class="meta">${timeTag(detail.firstSeen)}${detail.lastSeen && detail.lastSeen !== detail.firstSeen ? html` — ${timeTag(detail.lastSeen)}` : ''} · ${names.size} 家来源 · ${detail.versions.length} 个版本</div>
<h2>转载链</h2>
<ol class="chain">${chain}</ol>
${representative ? provenanceList(representative) : ''}
${original ? html`<p class="meta"><a href="${original}" rel="noopener noreferrer nofollow">代表文本原文链接</a></p>` : ''}
<article class="body representative-text">${representative ? articleBody(representative) : html`<p class="muted">代表文本不可用。</p>`}</article>
</article>
${data.factsHtml ? trustedHtml(data.factsHtml) : ''}
<h2>各版本对比</h2>
${detail.versions.map((v) => versionSection(v, repParagraphs, links))}
${data.related.length > 0 ? html`<h2>相关报道</h2><ol class="river related">${data.related.map((s) => storyItem(s, links))}</ol>` : ''}`;
  return renderLayout({ title: detail.title || detail.id, body, links, description: repParagraphs[0] });
}
