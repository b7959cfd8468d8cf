/** `/sources`: the health of every live source (last success, failures, next poll). */
import type { SourceState } from '../../store/source-state.js';
import { html } from '../html.js';
import type { Links } from '../links.js';
import { formatTime } from './format.js';
import { renderLayout } from './layout.js';

/**
 * The sources page: one row per source, failing ones marked.
 * @example renderSourcesPage(await store.sourceStates().listSourceStates(), serverLinks())
 */
export function renderSourcesPage(states: readonly SourceState[], links: Links): string {
  const rows = states.map(
    (s) => html`<tr class="${s.consecutiveFailures > 0 ? 'bad' : 'ok'}"><td>${s.key}</td><td>${s.consecutiveFailures > 0 ? `失败 ${s.consecutiveFailures} 次` : s.lastSuccessAt ? '正常' : '未抓取'}</td><td>${formatTime(s.lastSuccessAt)}</td><td>${formatTime(s.lastFailureAt)}</td><td>${s.lastErrorKind ?? ''}${s.lastError ? `: ${s.lastError}` : ''}</td><td>${formatTime(s.nextDueAt)}</td><td>${s.itemsFetched}</td></tr>`,
  );
  const body = html`<h1>来源状态</h1>
${states.length === 0 ? html`<p class="muted">没有配置实时来源（见 <code>caixun fetch --config</code>）。</p>` : html`<table class="sources"><thead><tr><th>来源</th><th>状态</th><th>最近成功</th><th>最近失败</th><th>错误</th><th>下次抓取</th><th>条目</th></tr></thead><tbody>${rows}</tbody></table>`}`;
  return renderLayout({ title: '来源状态', body, links });
}
