/**
 * The one outlet resolver: which outlet an article is filed under, for every source kind.
 * A registered outlet is found by name or alias (新浪财经), then by key, then by the host of the
 * article's link; an unknown outlet keeps the name it was given and files under the fallback key
 * (a live source's key) or a stable slug of that name (an imported file has no source key).
 */
import { findOutletByHost, findOutletByName, getOutlet } from '../outlets/index.js';
import type { Outlet } from '../outlets/types.js';
import { sha1Hex } from '../util/hash.js';

/** The outlet an article is filed under. */
export interface OutletRef {
  key: string;
  name: string;
  /** Cleaning rules, when caixun knows the outlet. */
  rules: Outlet | undefined;
}

/** What names an outlet. */
export interface OutletClues {
  /** Name, alias or key: a source's `outlet`, a front-matter `source`, `og:site_name`. */
  name?: string | undefined;
  /** The article's address; its host identifies a registered outlet when the name does not. */
  url?: string | undefined;
  /** Key of an unknown outlet (the live source's key). Default: a slug of its name. */
  fallbackKey?: string | undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** A stable ASCII slug for an outlet caixun has no rules for. */
function slugFor(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return ascii && ascii.length >= name.length / 2 ? ascii : `x-${sha1Hex(name).slice(0, 10)}`;
}

/**
 * Resolves the outlet an article is filed under.
 * @example resolveOutlet({ name: '新浪财经', fallbackKey: 'sina-finance' }).key // 'sina'
 */
export function resolveOutlet(clues: OutletClues): OutletRef {
  const name = clues.name?.trim() ?? '';
  const host = hostOf(clues.url);
  const rules =
    (name ? (findOutletByName(name) ?? getOutlet(name)) : undefined) ??
    (host ? findOutletByHost(host) : undefined);
  if (rules) return { key: rules.key, name: rules.name, rules };
  const shown = name || host || clues.fallbackKey || 'unknown';
  return { key: clues.fallbackKey ?? slugFor(shown), name: shown, rules: undefined };
}
