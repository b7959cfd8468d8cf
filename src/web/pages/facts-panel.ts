/**
 * The story page's facts panel: every figure the story's versions state, merged, conflicts
 * first and highlighted (`<mark class="facts-conflict">`), then figures only some versions
 * state, then figures every version states with the same value (see facts-panel-rows.ts).
 * Pure: view data in, HTML out.
 */
import { formatChineseAmount } from '../../facts/numbers.js';
import type { StoryFact } from '../../facts/story-merge.js';
import { html, type SafeHtml } from '../html.js';
import type { Links } from '../links.js';
import { toPanelFacts } from './facts-panel-rows.js';

/** What the panel shows. */
export interface FactsPanelData {
  storyId: string;
  /** Every version of the story, in order of appearance. */
  versionIds: readonly string[];
  /** Merged facts, conflicts first (as `storyFacts` returns them). */
  facts: readonly StoryFact[];
  /** Display name of each version's outlet, by article id. Default: the article id. */
  outletOf?: ReadonlyMap<string, string> | undefined;
  /** Link to the subject page of a subject, or undefined for no link. */
  subjectHref?: ((subject: string) => string | undefined) | undefined;
}

const STATUS_LABEL: Record<StoryFact['status'], string> = { conflict: '说法不一', partial: '部分报道', agreement: '一致' };

/** A value as written in Chinese news: 130万个, 42.2%, 6.3-6.7. */
export function formatClaimValue(value: number, unit: string, qualifier: string | null = null, high: number | null = null): string {
  const body = high === null ? formatChineseAmount(value) : unit === ':' ? `${value}:${high}` : `${formatChineseAmount(value)}-${formatChineseAmount(high)}`;
  return `${qualifier ?? ''}${body}${unit === ':' ? '' : unit}`;
}

function factRow(f: StoryFact, data: FactsPanelData, links: Links): SafeHtml {
  const href = data.subjectHref?.(f.subject);
  const subject = f.subject === '' ? '（未识别主题）' : href === undefined ? f.subject : html`<a href="${href}">${f.subject}</a>`;
  const values = f.values.map((v, i) => {
    // Each outlet once, linked to its first version that states the value.
    const byOutlet = new Map<string, string>();
    for (const id of v.articleIds) {
      const name = data.outletOf?.get(id) ?? id;
      if (!byOutlet.has(name)) byOutlet.set(name, id);
    }
    const who = [...byOutlet].map(([name, id], k) => html`${k > 0 ? '、' : ''}<a href="${links.article(id)}">${name}</a>`);
    const shown = formatClaimValue(v.value, f.unit, v.qualifier, v.high);
    return html`${i > 0 ? html` <span class="vs">vs</span> ` : ''}${f.status === 'conflict' ? html`<mark class="facts-conflict">${shown}</mark>` : html`<strong>${shown}</strong>`} <small>(${who})</small>`;
  });
  return html`<tr class="facts-${f.status}"><td>${STATUS_LABEL[f.status]}</td><td>${subject}</td><td>${f.period ?? ''}</td><td>${values}</td><td>${f.articleIds.length}/${data.versionIds.length}</td></tr>`;
}

/**
 * The panel's HTML, or '' when the story states no figure.
 * @example renderFactsPanel({ storyId, versionIds, facts }, serverLinks())
 */
export function renderFactsPanel(data: FactsPanelData, links: Links): string {
  if (data.facts.length === 0) return '';
  const facts = toPanelFacts(data.facts, data.versionIds);
  const conflicts = facts.filter((f) => f.status === 'conflict').length;
  return html`<section class="facts-panel" aria-labelledby="facts-${data.storyId}">
<h2 id="facts-${data.storyId}">数字</h2>
<p>${facts.length} 项数字，${data.versionIds.length} 个版本${conflicts > 0 ? html`，<mark class="facts-conflict">${conflicts} 项说法不一</mark>` : ''}。</p>
<table class="facts">
<thead><tr><th>状态</th><th>主题</th><th>时期</th><th>数值（来源）</th><th>版本</th></tr></thead>
<tbody>
${facts.map((f) => factRow(f, data, links))}
</tbody>
</table>
</section>`.value;
}
