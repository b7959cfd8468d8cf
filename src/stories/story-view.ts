/**
 * The story view-model shared by the CLI (`caixun stories` / `caixun story --json`) and the web
 * UI: a story's list entry and its detail (every version against the representative, with the
 * paragraphs it lacks or adds and the character changes, and the attribution chain). Pure
 * functions: the caller loads the story state and its articles. Field names are an interface.
 */
import type { Article } from '../model/article.js';
import { diffVersion, type CharChange, type Relaid } from './diff.js';
import { buildChain, type ChainLink, type ChainVersion } from './attribution.js';
import { compareByAppearance } from './representative.js';
import type { StoryState } from './story-state.js';

/** One line of `caixun stories --json`: exactly these fields (an interface). */
export interface StoryListEntry {
  id: string;
  /** Title of the representative version. */
  title: string;
  /** Earliest publication time among the members (ISO 8601), null when none has one. */
  firstSeen: string | null;
  /** Member article ids in order of appearance. */
  articleIds: string[];
  /** Outlet slugs in order of first appearance, each once. */
  outlets: string[];
  representativeId: string;
  /** Related story ids (later events on the same subject), sorted. */
  related: string[];
}

/** A paragraph a version lacks or adds: its index and text. */
export interface ParagraphRef {
  index: number;
  text: string;
}

/** One version of a story in `caixun story <id> --json`. */
export interface StoryVersion {
  articleId: string;
  outlet: string;
  outletKey: string;
  title: string;
  publishedAt: string | null;
  url: string | null;
  representative: boolean;
  /** Representative paragraphs this version does not have. */
  lacks: ParagraphRef[];
  /** Paragraphs of this version the representative does not have. */
  adds: ParagraphRef[];
  /** Aligned paragraphs that differ, with their character-level changes. */
  changed: { repIndex: number; versionIndex: number; changes: CharChange[] }[];
  /** Paragraphs split or merged with no text lost (a layout change, shown quietly). */
  relaid: Relaid[];
}

/** `caixun story <id> --json`. */
export interface StoryDetail extends StoryListEntry {
  lastSeen: string | null;
  /** Display names of {@link StoryDetail.chain}, in its order. */
  attribution: string[];
  /** Who got the story from whom: each outlet once, upstream first, with its publication time. */
  chain: ChainLink[];
  versions: StoryVersion[];
}

/** The list entry of a story: members in order of appearance, outlets each once. */
export function toStoryListEntry(s: StoryState): StoryListEntry {
  const members = [...s.members].sort(compareByAppearance);
  const rep = s.members.find((m) => m.id === s.representativeId) ?? members[0];
  return {
    id: s.id,
    title: rep?.title ?? '',
    firstSeen: s.firstSeen,
    articleIds: members.map((m) => m.id),
    outlets: [...new Set(members.map((m) => m.outletKey))],
    representativeId: s.representativeId,
    related: [...s.relatedIds].sort(),
  };
}

/** A 1-based paragraph span for display: `2` or `2–3`. */
export function paragraphSpan(indices: readonly number[]): string {
  const first = (indices[0] ?? 0) + 1;
  const last = (indices[indices.length - 1] ?? 0) + 1;
  return first === last ? `${first}` : `${first}–${last}`;
}

/** Paragraphs of an article's plain text (separated by blank lines), trimmed, empty ones dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * The detail of a story: every member article found in `articles` (missing ones are skipped),
 * each diffed against the representative.
 * @example buildStoryDetail(tables.getStory(id)!, await loadArticles(ids))
 */
export function buildStoryDetail(story: StoryState, articles: ReadonlyMap<string, Article>): StoryDetail {
  const entry = toStoryListEntry(story);
  const repParagraphs = paragraphsOf(articles.get(story.representativeId)?.text ?? '');
  const versions: StoryVersion[] = [];
  for (const articleId of entry.articleIds) {
    const a = articles.get(articleId);
    if (a === undefined) continue;
    const paragraphs = paragraphsOf(a.text);
    const diff = diffVersion(repParagraphs, paragraphs);
    versions.push({
      articleId,
      outlet: a.outlet,
      outletKey: a.outletKey,
      title: a.title,
      publishedAt: a.publishedAt,
      url: a.url,
      representative: articleId === story.representativeId,
      lacks: diff.lacks.map((index) => ({ index, text: repParagraphs[index] ?? '' })),
      adds: diff.adds.map((index) => ({ index, text: paragraphs[index] ?? '' })),
      changed: diff.aligned.filter((p) => p.changes.length > 0),
      relaid: diff.relaid,
    });
  }
  // A member whose article is gone still counts in the chain, by what its story record keeps.
  const chainInput: ChainVersion[] = story.members.map(
    (m) =>
      articles.get(m.id) ?? {
        outlet: m.outletKey,
        outletKey: m.outletKey,
        publishedAt: m.publishedAt,
        text: '',
        provenance: m.provenanceSource === undefined ? {} : { source: m.provenanceSource },
      },
  );
  const chain = buildChain(chainInput);
  return { ...entry, lastSeen: story.lastSeen, attribution: chain.map((l) => l.name), chain, versions };
}
