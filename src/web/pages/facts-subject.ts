/**
 * The subject page: every series of figures about one subject as an inline SVG line chart
 * (drawn here, no library, no script; SVG presentation attributes only, so the strict CSP
 * holds), the table of points, and the status of each target on the subject. Pure.
 */
import { formatChineseAmount } from '../../facts/numbers.js';
import type { Series, TargetReport } from '../../facts/series.js';
import { html, type SafeHtml } from '../html.js';
import type { Links } from '../links.js';
import { renderLayout } from './layout.js';
import { formatClaimValue } from './facts-panel.js';

/** What the page shows. */
export interface FactsSubjectData {
  subject: string;
  series: readonly Series[];
  targets: readonly TargetReport[];
}

/** Chart size and margins (SVG user units). */
const W = 640;
const H = 240;
const M = { top: 16, right: 16, bottom: 40, left: 72 };

const STATUS_LABEL: Record<TargetReport['status'], string> = { met: '已实现', pending: '进行中', missed: '未实现' };

const round = (x: number): number => Math.round(x * 10) / 10;

/**
 * An SVG line chart of one series: one point per report, x by report order (labelled with the
 * period or date), y from the smallest to the largest value. '' for a series without points.
 */
export function renderSeriesChart(series: Series): SafeHtml {
  const pts = series.points;
  if (pts.length === 0) return html``;
  const values = pts.map((p) => p.value);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    lo = lo === 0 ? -1 : lo * 0.9;
    hi = hi === 0 ? 1 : hi * 1.1;
  }
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (i: number): number => round(M.left + (pts.length === 1 ? plotW / 2 : (plotW * i) / (pts.length - 1)));
  const y = (v: number): number => round(M.top + plotH - ((v - lo) / (hi - lo)) * plotH);
  const path = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(p.value)}`).join(' ');
  const label = `${series.subject}（${series.unit || '无单位'}）`;
  return html`<svg class="facts-chart" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg">
<title>${label}</title>
<line x1="${M.left}" y1="${M.top + plotH}" x2="${W - M.right}" y2="${M.top + plotH}" stroke="#8c959f" stroke-width="1"/>
<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${M.top + plotH}" stroke="#8c959f" stroke-width="1"/>
<text x="${M.left - 6}" y="${M.top + 4}" text-anchor="end" font-size="11" fill="#656d76">${formatChineseAmount(hi)}</text>
<text x="${M.left - 6}" y="${M.top + plotH}" text-anchor="end" font-size="11" fill="#656d76">${formatChineseAmount(lo)}</text>
<path d="${path}" fill="none" stroke="#b4232a" stroke-width="2"/>
${pts.map(
  (p, i) => html`<circle cx="${x(i)}" cy="${y(p.value)}" r="4" fill="#b4232a"><title>${p.period ?? p.date ?? ''}：${formatClaimValue(p.value, series.unit, p.qualifier)}</title></circle>
<text x="${x(i)}" y="${H - M.bottom + 16}" text-anchor="middle" font-size="11" fill="#656d76">${p.date ?? '?'}</text>`,
)}
</svg>`;
}

function seriesSection(s: Series, links: Links): SafeHtml {
  const rows = s.points.map(
    (p) => html`<tr><td>${p.period ?? p.date ?? ''}</td><td>${formatClaimValue(p.value, s.unit, p.qualifier)}</td><td><a href="${links.article(p.articleId)}">${p.articleId}</a></td></tr>`,
  );
  return html`<section class="facts-series">
<h2>${s.subject}<small>（${s.kind}，${s.unit || '无单位'}，${s.points.length} 次报道）</small></h2>
${s.points.length > 1 ? renderSeriesChart(s) : ''}
<table class="facts"><thead><tr><th>时期</th><th>数值</th><th>报道</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

function targetRow(t: TargetReport, links: Links): SafeHtml {
  const evidence = t.evidence.map((id, i) => html`${i > 0 ? '、' : ''}<a href="${links.article(id)}">${id}</a>`);
  return html`<tr class="target-${t.status}"><td>${t.status === 'missed' ? html`<mark>${STATUS_LABEL[t.status]}</mark>` : STATUS_LABEL[t.status]}</td><td>${t.subject}</td><td>${formatClaimValue(t.value, t.unit)}</td><td>${t.deadline ?? '未定'}</td><td><a href="${links.article(t.articleId)}">${t.articleId}</a></td><td>${evidence}</td></tr>`;
}

/**
 * The whole subject page.
 * @example renderFactsSubjectPage({ subject: '5G基站', series, targets }, serverLinks())
 */
export function renderFactsSubjectPage(data: FactsSubjectData, links: Links): string {
  const body = html`<article class="facts-subject">
<h1>${data.subject}</h1>
${data.series.length === 0 && data.targets.length === 0 ? html`<p>没有关于“${data.subject}”的数字。</p>` : ''}
${data.targets.length > 0
    ? html`<section class="facts-targets"><h2>目标</h2>
<table class="facts"><thead><tr><th>状态</th><th>主题</th><th>目标</th><th>期限</th><th>提出</th><th>对照报道</th></tr></thead>
<tbody>${data.targets.map((t) => targetRow(t, links))}</tbody></table></section>`
    : ''}
${data.series.slice(0, 20).map((s) => seriesSection(s, links))}
</article>`;
  return renderLayout({ title: `${data.subject} · 数字`, body, links, description: `关于${data.subject}的数字及其变化` });
}
