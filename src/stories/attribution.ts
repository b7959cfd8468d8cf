/**
 * The attribution chain of a story: who got it from whom. Each version's outlet is a link; the
 * upstream it names (来源：, 据…消息, a dateline such as 中国网财经12月20日讯) is the link before it.
 * Names are display names (outlet keys and aliases resolve through the outlet registry), each
 * outlet once, upstream before downstream, and otherwise in order of publication.
 */
import { parseDateline } from '../clean/provenance-dateline.js';
import type { Article } from '../model/article.js';
import { findOutletByName, getOutlet } from '../outlets/index.js';

/** One link of the chain. */
export interface ChainLink {
  /** Display name. */
  name: string;
  /** Outlet key when the name is a registered outlet, else null. */
  outletKey: string | null;
  /** Earliest publication time of a version from this outlet (ISO 8601), null when none is held. */
  publishedAt: string | null;
  /** Names this outlet says it got the story from (earlier links). */
  from: string[];
}

/** The version fields the chain needs. */
export type ChainVersion = Pick<Article, 'outlet' | 'outletKey' | 'publishedAt' | 'text' | 'provenance'>;

/** The display name of a stated publisher: the registry's name when it knows it, else as written. */
function displayName(stated: string): { name: string; outletKey: string | null } {
  const o = getOutlet(stated) ?? findOutletByName(stated);
  return o === undefined ? { name: stated, outletKey: null } : { name: o.name, outletKey: o.key };
}

const byTime = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : Date.parse(a) - Date.parse(b) || (a < b ? -1 : 1);

/**
 * The chain of a story's versions.
 * @example buildChain([sinaCopy]) // [{ name: '中国网财经', … }, { name: '新浪财经', from: ['中国网财经'], … }]
 */
export function buildChain(versions: readonly ChainVersion[]): ChainLink[] {
  const links = new Map<string, ChainLink>();
  const linkOf = (name: string, outletKey: string | null): ChainLink => {
    let l = links.get(name);
    if (l === undefined) links.set(name, (l = { name, outletKey, publishedAt: null, from: [] }));
    if (l.outletKey === null) l.outletKey = outletKey;
    return l;
  };
  for (const v of [...versions].sort((a, b) => byTime(a.publishedAt, b.publishedAt))) {
    const own = getOutlet(v.outletKey);
    const self = linkOf(own?.name ?? v.outlet, v.outletKey);
    if (byTime(v.publishedAt, self.publishedAt) < 0) self.publishedAt = v.publishedAt;
    for (const stated of [v.provenance.source, parseDateline(v.text)]) {
      if (stated === undefined) continue;
      const up = displayName(stated);
      if (up.name === self.name) continue;
      linkOf(up.name, up.outletKey);
      if (!self.from.includes(up.name)) self.from.push(up.name);
    }
  }
  return orderUpstreamFirst([...links.values()]);
}

/**
 * Upstream before downstream (a link comes after every link it names), otherwise by time; a
 * link only named (no version held) takes the time of the earliest link that names it, so it
 * sits right before it. Cycles are broken by time.
 */
function orderUpstreamFirst(links: ChainLink[]): ChainLink[] {
  const when = new Map<string, string | null>(links.map((l) => [l.name, l.publishedAt]));
  const onlyNamed = new Set(links.filter((l) => l.publishedAt === null).map((l) => l.name));
  // Two passes reach a name named by a link that is itself only named.
  for (let pass = 0; pass < 2; pass++) {
    for (const l of links) {
      const t = when.get(l.name) ?? null;
      for (const f of l.from) if (onlyNamed.has(f) && byTime(t, when.get(f) ?? null) < 0) when.set(f, t);
    }
  }
  const placed = new Set<string>();
  const out: ChainLink[] = [];
  const rest = [...links];
  while (rest.length > 0) {
    const ready = rest.filter((l) => l.from.every((f) => placed.has(f)));
    const pool = ready.length > 0 ? ready : rest;
    pool.sort((a, b) => byTime(when.get(a.name) ?? null, when.get(b.name) ?? null) || Number(a.publishedAt !== null) - Number(b.publishedAt !== null));
    const next = pool[0] as ChainLink;
    out.push(next);
    placed.add(next.name);
    rest.splice(rest.indexOf(next), 1);
  }
  return out;
}
