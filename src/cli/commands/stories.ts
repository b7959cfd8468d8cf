/**
 * `caixun stories`, `caixun story <id>` and `caixun recluster`: list the stories, show one
 * story's versions and what each changed against the representative, rebuild all stories.
 */
import type { Article } from '../../model/article.js';
import { openStore } from '../../store/open-store.js';
import type { ArticleStore } from '../../store/store.js';
import { reclusterAll, storyTablesOf, type ClusterProgress } from '../../stories/cluster-store.js';
import { diffVersion, type CharChange } from '../../stories/diff.js';
import { attributionChain, compareByAppearance } from '../../stories/representative.js';
import type { StoryState } from '../../stories/story-state.js';
import { UsageError } from '../../util/errors.js';
import { EXIT } from '../exit.js';
import { writeLine } from '../output.js';

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
}

/** `caixun story <id> --json`. */
export interface StoryDetail extends StoryListEntry {
  lastSeen: string | null;
  /** Stated original publishers, then outlets in order of appearance. */
  attribution: string[];
  versions: StoryVersion[];
}

/** Options shared by the story commands. */
export interface StoriesCommandOptions {
  db: string;
  json?: boolean;
  limit?: number;
  progress?: boolean;
}

function toListEntry(s: StoryState): StoryListEntry {
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

/** `caixun stories`: newest stories first, one line (or JSON object) each. */
export async function runStoriesCommand(options: StoriesCommandOptions): Promise<number> {
  const store = openStore(options.db, { mustExist: true });
  try {
    const tables = storyTablesOf(store);
    for (const story of tables.listStories(options.limit ?? 50)) {
      const e = toListEntry(story);
      await writeLine(
        options.json
          ? JSON.stringify(e)
          : `${(e.firstSeen ?? '-').padEnd(25)}  ${String(e.articleIds.length).padStart(3)} art.  ${e.outlets.join(',')}  ${e.title}  [${e.id}]`,
      );
    }
    const pending = tables.countPending();
    if (pending > 0) process.stderr.write(`stories: ${pending} articles are not clustered yet; run \`caixun recluster\`\n`);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

async function loadStory(store: ArticleStore, id: string): Promise<StoryDetail> {
  const story = storyTablesOf(store).getStory(id);
  if (story === undefined) throw new UsageError(`story: no story ${JSON.stringify(id)} (list them with \`caixun stories\`)`);
  const entry = toListEntry(story);
  const articles = new Map<string, Article>();
  for (const articleId of entry.articleIds) {
    const a = await store.getArticle(articleId);
    if (a !== undefined) articles.set(articleId, a);
  }
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
    });
  }
  return { ...entry, lastSeen: story.lastSeen, attribution: attributionChain(story.members), versions };
}

const clip = (s: string, n = 60): string => (Array.from(s).length > n ? `${Array.from(s).slice(0, n).join('')}…` : s);

function formatStory(d: StoryDetail): string[] {
  const lines = [
    `${d.title}  [${d.id}]`,
    `first seen ${d.firstSeen ?? '-'}, last seen ${d.lastSeen ?? '-'}; ${d.versions.length} versions`,
    `attribution: ${d.attribution.join(' → ')}`,
  ];
  if (d.related.length > 0) lines.push(`related: ${d.related.join(', ')}`);
  for (const v of d.versions) {
    lines.push('', `${v.representative ? '*' : '-'} ${v.publishedAt ?? '-'}  ${v.outlet}  ${v.title}  [${v.articleId}]`);
    if (v.representative) {
      lines.push('  representative (most complete version)');
      continue;
    }
    for (const p of v.lacks) lines.push(`  lacks ¶${p.index + 1}: ${clip(p.text)}`);
    for (const p of v.adds) lines.push(`  adds  ¶${p.index + 1}: ${clip(p.text)}`);
    for (const c of v.changed) {
      const edits = c.changes.map((x) => `${x.from === '' ? '∅' : clip(x.from, 20)} → ${x.to === '' ? '∅' : clip(x.to, 20)}`);
      lines.push(`  ¶${c.repIndex + 1}: ${clip(edits.join('; '), 120)}`);
    }
    if (v.lacks.length + v.adds.length + v.changed.length === 0) lines.push('  same text as the representative');
  }
  return lines;
}

/** `caixun story <id>`: the versions of one story and how each differs from the representative. */
export async function runStoryCommand(id: string, options: StoriesCommandOptions): Promise<number> {
  const store = openStore(options.db, { mustExist: true });
  try {
    const detail = await loadStory(store, id);
    if (options.json) await writeLine(JSON.stringify(detail));
    else for (const line of formatStory(detail)) await writeLine(line);
    return EXIT.ok;
  } finally {
    await store.close();
  }
}

/** Progress on stderr: an updating line on a terminal, a plain line every few seconds otherwise. */
function progressPrinter(enabled: boolean): { update: (p: ClusterProgress) => void; stop: () => void } {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const tty = process.stderr.isTTY === true;
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < (tty ? 200 : 5000) && p.done < p.total) return;
      last = now;
      shown = true;
      process.stderr.write(`${tty ? '\r' : ''}clustering: ${p.done}/${p.total} articles${tty ? '' : '\n'}`);
    },
    stop: () => {
      if (tty && shown) process.stderr.write('\n');
      shown = false;
    },
  };
}

/** `caixun recluster`: wipe the stories and cluster every article again, in publication order. */
export async function runReclusterCommand(options: StoriesCommandOptions): Promise<number> {
  const store = openStore(options.db, { mustExist: true });
  const progress = progressPrinter(options.progress !== false);
  try {
    const started = performance.now();
    const counts = await reclusterAll(store, { onProgress: progress.update });
    progress.stop();
    const durationMs = Math.round(performance.now() - started);
    process.stdout.write(
      options.json
        ? `${JSON.stringify({ ...counts, durationMs })}\n`
        : `clustered ${counts.clustered} articles into ${counts.stories} stories in ${(durationMs / 1000).toFixed(1)} s\n`,
    );
    return EXIT.ok;
  } finally {
    progress.stop();
    await store.close();
  }
}

