/**
 * The outlet registry: every outlet caixun knows, validated when the module loads.
 * Sorted by key. Lookups are by key, by name/alias (width-folded) and by host.
 */
import { z } from 'zod';
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

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const regex = z.instanceof(RegExp);
/** An optional non-empty list of CSS selectors (article-page rules). */
const selectors = z.array(z.string().min(1)).min(1).optional();
const outletSchema = z.object({
  key: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  hosts: z.array(z.string().regex(/^(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+$/)),
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone'),
  removeSelectors: z.array(z.string().min(1)),
  unwrapSelectors: z.array(z.string().min(1)),
  removeCommentRanges: z.array(z.object({ start: z.string().min(1), end: z.string().min(1) })),
  dropParagraphPatterns: z.array(regex),
  provenancePatterns: z.array(
    z.object({
      field: z.enum(['originalTitle', 'source', 'editor', 'author', 'reporter']),
      scope: z.enum(['paragraph', 'trailing', 'lead', 'sentence']),
      pattern: regex,
    }),
  ),
  example: z.union([
    z.object({ corpus: z.string().min(1) }),
    z.object({ fixture: z.string().min(1) }),
  ]),
  page: z
    .object({
      title: selectors,
      body: selectors,
      date: selectors,
      author: selectors,
      source: selectors,
      remove: selectors,
    })
    .strict()
    .optional(),
  print: z.object({ titleCodes: z.array(z.string().regex(/^[A-Z]+$/)) }).strict().optional(),
});

/** Checks every outlet against the schema; throws naming the outlet and the bad field. */
export function validateOutlets(list: readonly Outlet[]): readonly Outlet[] {
  for (const outlet of list) {
    const result = outletSchema.safeParse(outlet);
    if (!result.success) {
      throw new Error(`outlets: invalid outlet ${outlet.key}: ${result.error.message}`);
    }
  }
  return Object.freeze([...list]);
}

/** Every known outlet, sorted by key. */
export const outlets: readonly Outlet[] = validateOutlets(sortByKey([
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
