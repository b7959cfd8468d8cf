/**
 * The outlet registry: every outlet caixun knows. The entries are our own data files, checked
 * against their schema by the test suite (validate-outlets.ts) rather than on every command's start
 * (zod and the ICU time-zone data cost ~30 ms of `caixun articles`).
 * Sorted by key. Lookups are by key, by name/alias (width-folded) and by host.
 */
import { cls } from './cls.js';
import { eastmoney } from './eastmoney.js';
import { newspapers } from './newspapers.js';
import { renminyoudianbao } from './renminyoudianbao.js';
import { sinaFinance } from './sina-finance.js';
import { sinaNews } from './sina-news.js';
import type { Outlet } from './types.js';
import { xinhuacaijing } from './xinhuacaijing.js';

export { commonRules } from './common.js';
export type * from './types.js';

/** Every known outlet, sorted by key. */
export const outlets: readonly Outlet[] = Object.freeze(sortByKey([
  cls,
  eastmoney,
  ...newspapers,
  renminyoudianbao,
  sinaFinance,
  sinaNews,
  xinhuacaijing,
]));

function sortByKey(list: Outlet[]): Outlet[] {
  return list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Width-folds (full-width → half-width, NFKC), trims and lowercases a name for lookup. */
function foldName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

const byKey = new Map(outlets.map((o) => [o.key, o]));
const byName = new Map<string, Outlet>();
for (const o of outlets) for (const n of [o.name, ...o.aliases]) byName.set(foldName(n), o);

/** The outlet with this key, or undefined. */
export function getOutlet(key: string): Outlet | undefined {
  return byKey.get(key);
}

/**
 * The outlet whose name or one alias equals `nameOrAlias` after width folding,
 * so `新浪财经-国內` finds the alias `新浪财经－国內`. No partial matches.
 * @example findOutletByName('emnews')?.key // 'eastmoney'
 */
export function findOutletByName(nameOrAlias: string): Outlet | undefined {
  return byName.get(foldName(nameOrAlias));
}

/**
 * The outlet serving `host` (a host name or URL): exact host or any subdomain of it,
 * the longest registered host winning. `www.` is ignored.
 * @example findOutletByHost('finance.eastmoney.com')?.key // 'eastmoney'
 */
export function findOutletByHost(host: string): Outlet | undefined {
  let h = host.trim().toLowerCase();
  if (h.includes('/')) {
    try {
      h = new URL(h.startsWith('//') ? `https:${h}` : h).hostname;
    } catch {
      return undefined;
    }
  }
  h = h.replace(/^www\./, '').replace(/\.$/, '');
  let best: Outlet | undefined;
  let bestLen = 0;
  for (const o of outlets) {
    for (const known of o.hosts) {
      if ((h === known || h.endsWith(`.${known}`)) && known.length > bestLen) {
        best = o;
        bestLen = known.length;
      }
    }
  }
  return best;
}
